using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class TapHoldTests
{
    private static KeymapModel CapsCtrl(HoldMode mode, int? quick = null) =>
        Model(remap: [Bind(Caps, TapHold(Chord(Esc), Chord(LCtrl), mode, 200, quick))]);

    [Theory]
    [InlineData(HoldMode.HoldOnTimeout)]
    [InlineData(HoldMode.HoldOnOtherKeyPress)]
    [InlineData(HoldMode.PermissiveHold)]
    public void Tapped_within_the_term_is_the_tap_sent_at_release(HoldMode mode)
    {
        var rig = new EngineRig(CapsCtrl(mode));
        rig.Down(Caps).Wait(120).Up(Caps);
        Assert.Equal([$"{Esc} down @120ms", $"{Esc} up @120ms"], rig.Output.TimedLog);
    }

    [Theory]
    [InlineData(HoldMode.HoldOnTimeout)]
    [InlineData(HoldMode.HoldOnOtherKeyPress)]
    [InlineData(HoldMode.PermissiveHold)]
    public void Held_to_the_term_is_the_hold_exactly_at_the_term(HoldMode mode)
    {
        var rig = new EngineRig(CapsCtrl(mode));
        rig.Down(Caps).Wait(300).Up(Caps);
        Assert.Equal([$"{LCtrl} down @200ms", $"{LCtrl} up @300ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Release_exactly_at_the_term_counts_as_hold()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.HoldOnTimeout));
        rig.Down(Caps).Wait(200).Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void Hold_on_other_key_press_decides_at_the_other_press()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.HoldOnOtherKeyPress));
        rig.Down(Caps).Wait(50).Down(C);
        Assert.Equal([$"{LCtrl} down @50ms", $"{C} down @50ms"], rig.Output.TimedLog);
        rig.Up(C).Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{C} down", $"{C} up", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void Hold_on_timeout_buffers_other_keys_until_the_decision()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.HoldOnTimeout));
        rig.Down(Caps).Wait(50).Down(C).Wait(20).Up(C);
        Assert.Empty(rig.Output.Log);
        rig.Wait(200).Up(Caps);
        Assert.Equal([$"{LCtrl} down @200ms", $"{C} down @200ms", $"{C} up @200ms", $"{LCtrl} up @270ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Hold_on_timeout_released_first_is_tap_then_the_buffered_keys()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.HoldOnTimeout));
        rig.Down(Caps).Wait(50).Down(C).Wait(20).Up(Caps).Up(C);
        Assert.Equal([$"{Esc} down", $"{Esc} up", $"{C} down", $"{C} up"], rig.Settle());
    }

    [Fact]
    public void Permissive_hold_needs_another_key_pressed_and_released()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.PermissiveHold));
        rig.Down(Caps).Wait(30).Down(C).Wait(30).Up(C);
        Assert.Equal([$"{LCtrl} down @60ms", $"{C} down @60ms", $"{C} up @60ms"], rig.Output.TimedLog);
        rig.Up(Caps);
        Assert.Empty(rig.Output.Violations);
    }

    [Fact]
    public void Permissive_hold_rolled_off_first_is_a_tap()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.PermissiveHold));
        rig.Down(Caps).Wait(30).Down(C).Wait(30).Up(Caps).Wait(10).Up(C);
        Assert.Equal([$"{Esc} down", $"{Esc} up", $"{C} down", $"{C} up"], rig.Settle());
    }

    [Fact]
    public void Quick_tap_repress_holds_the_tap()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.HoldOnOtherKeyPress, quick: 150));
        rig.Down(Caps).Wait(50).Up(Caps).Wait(50).Down(Caps).Wait(500).Up(Caps);
        Assert.Equal([$"{Esc} down @50ms", $"{Esc} up @50ms", $"{Esc} down @100ms", $"{Esc} up @600ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Without_quick_tap_a_repress_is_a_new_decision()
    {
        var rig = new EngineRig(CapsCtrl(HoldMode.HoldOnOtherKeyPress));
        rig.Down(Caps).Wait(50).Up(Caps).Wait(50).Down(Caps).Wait(500).Up(Caps);
        Assert.Equal([$"{Esc} down", $"{Esc} up", $"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void Two_home_row_mods_rolled_are_two_letters()
    {
        var model = Model(remap:
        [
            Bind(A, TapHold(Chord(A), Chord(LGui), HoldMode.PermissiveHold, 200)),
            Bind(S, TapHold(Chord(S), Chord(LAlt), HoldMode.PermissiveHold, 200)),
        ]);
        var rig = new EngineRig(model);
        rig.Down(A).Wait(40).Down(S).Wait(40).Up(A).Wait(40).Up(S);
        Assert.Equal([$"{A} down", $"{A} up", $"{S} down", $"{S} up"], rig.Settle());
    }

    [Fact]
    public void Two_home_row_mods_held_are_both_modifiers()
    {
        var model = Model(remap:
        [
            Bind(A, TapHold(Chord(A), Chord(LGui), HoldMode.PermissiveHold, 200)),
            Bind(S, TapHold(Chord(S), Chord(LAlt), HoldMode.PermissiveHold, 200)),
        ]);
        var rig = new EngineRig(model);
        rig.Down(A).Wait(40).Down(S).Wait(40).Tap(X).Up(S).Up(A);
        Assert.Equal([$"{LGui} down", $"{LAlt} down", $"{X} down", $"{X} up", $"{LAlt} up", $"{LGui} up"], rig.Settle());
    }

    [Fact]
    public void Tap_hold_with_a_layer_hold()
    {
        var model = Model(
            remap: [Bind(Space, TapHold(Chord(Space), Layer("nav"), HoldMode.HoldOnOtherKeyPress, 200))],
            layers: [LayerDef("nav", Bind(H, Chord(Left)))]);
        var rig = new EngineRig(model);
        rig.Down(Space).Wait(30).Tap(H).Up(Space).Wait(30).Tap(Space).Tap(H);
        Assert.Equal([$"{Left} down", $"{Left} up", $"{Space} down", $"{Space} up", $"{H} down", $"{H} up"], rig.Settle());
    }
}
