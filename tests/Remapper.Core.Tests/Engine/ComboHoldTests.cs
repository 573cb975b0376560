using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// combo_hold_ms / hold_ms (keyd's chord_hold_timeout): a combo fires only once its keys have been down together that
/// long; combo_releases_wait (kanata's chords v2): a release that comes while combo keys wait stays behind them.
/// </summary>
public class ComboHoldTests
{
    private static EngineRig HoldRig(int holdMs = 200, ComboOptions? options = null) =>
        new(Model(remap: [Combo(Chord(LCtrl), J, KK) with { Combo = options }], settings: new KeymapSettings { ComboHoldMs = holdMs }));

    [Fact]
    public void Keys_let_go_before_the_hold_are_themselves()
    {
        var rig = HoldRig();
        rig.Down(J).Down(KK).Wait(150).Up(J).Up(KK);
        Assert.Equal([$"{J} down @150ms", $"{KK} down @150ms", $"{J} up @150ms", $"{KK} up @150ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Keys_held_for_the_hold_fire_the_combo_then()
    {
        var rig = HoldRig();
        rig.Down(J).Wait(10).Down(KK).Wait(250).Tap(X).Up(J).Up(KK);
        Assert.Equal([$"{LCtrl} down @210ms", $"{X} down @260ms", $"{X} up @260ms", $"{LCtrl} up @260ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void A_key_pressed_during_the_hold_waits_and_follows_the_combo()
    {
        var rig = HoldRig();
        rig.Down(J).Down(KK).Wait(100).Tap(X).Wait(150).Up(J).Up(KK);
        Assert.Equal([$"{LCtrl} down @200ms", $"{X} down @200ms", $"{X} up @200ms", $"{LCtrl} up @250ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void A_key_pressed_during_the_hold_keeps_its_place_when_the_combo_keys_are_let_go_early()
    {
        var rig = HoldRig();
        rig.Down(J).Down(KK).Wait(100).Tap(X).Wait(50).Up(J).Up(KK);
        Assert.Equal([$"{J} down", $"{KK} down", $"{X} down", $"{X} up", $"{J} up", $"{KK} up"], rig.Settle());
    }

    [Fact]
    public void A_combo_hold_of_zero_fires_at_once_whatever_the_setting()
    {
        var rig = HoldRig(options: new ComboOptions(false, null, [], HoldMs: 0));
        rig.Down(J).Down(KK).Up(J).Up(KK);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up"], rig.Output.Log);
    }

    [Fact]
    public void A_combo_can_have_its_own_hold()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(Esc), J, KK) with { Combo = new ComboOptions(false, null, [], HoldMs: 80) }]));
        rig.Down(J).Down(KK).Wait(100).Up(J).Up(KK);
        Assert.Equal([$"{Esc} down @80ms", $"{Esc} up @100ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Everything_held_back_is_released_when_the_keyboard_goes()
    {
        var rig = HoldRig();
        int device = rig.Engine.AttachDevice(new Remapper.Core.Devices.KeyboardIdentity("usb", "kb", Remapper.Core.Devices.DeviceBus.Usb, 1, 1));
        rig.Down(J, device).Down(KK, device).Wait(50).Down(X, device);
        rig.Engine.DetachDevice(device, rig.Ms * 1000);
        rig.Settle();
        Assert.Empty(rig.Output.Down);
        Assert.Equal(long.MaxValue, rig.Engine.NextDeadlineUs);
    }

    private static readonly Binding[] Overlapping =
    [
        Combo(Chord(C), A, B) with { Combo = new ComboOptions(true, 200, []) },
        Combo(Chord(D), A, B, X) with { Combo = new ComboOptions(false, 250, []) },
        Combo(Chord(Esc), A, B, X, L) with { Combo = new ComboOptions(false, 400, []) },
    ];

    [Fact]
    public void A_fired_combo_key_let_go_while_other_combo_keys_wait_ends_the_wait_in_order()
    {
        var rig = new EngineRig(Model(remap: Overlapping));
        rig.Down(A).Down(B).Wait(100).Up(A).Down(X).Wait(100).Up(B);
        Assert.Equal([$"{C} down @100ms", $"{X} down @200ms", $"{C} up @200ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void With_combo_releases_wait_a_release_waits_behind_the_held_keys_and_they_can_still_form_a_combo()
    {
        var rig = new EngineRig(Model(remap: Overlapping, settings: new KeymapSettings { ComboReleasesWait = true }));
        rig.Down(A).Down(B).Wait(50).Up(A).Wait(50).Down(X).Wait(50).Up(B).Wait(50).Down(A).Down(B).Wait(50).Up(A).Wait(50).Up(B).Up(X);
        Assert.Equal([$"{C} down @50ms", $"{D} down @250ms", $"{C} up @250ms", $"{D} up @250ms"], rig.Output.TimedLog);
    }
    [Fact]
    public void A_tap_hold_bound_to_a_combo_times_its_term_from_the_first_key()
    {
        var rig = new EngineRig(Model(remap: [Combo(TapHold(Chord(X), Chord(Esc), HoldMode.HoldOnTimeout, term: 200), A, B)]));
        rig.Down(A).Wait(40).Down(B).Wait(170).Up(A).Up(B);
        Assert.Equal([$"{Esc} down @200ms", $"{Esc} up @210ms"], rig.Output.TimedLog);
    }
}
