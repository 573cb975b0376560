using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class ComboTests
{
    private static EngineRig Rig() => new(Model(remap: [Combo(Chord(Esc), J, KK), Combo(Chord(Backspace), J, KK, L)]));

    [Fact]
    public void Keys_pressed_together_fire_the_combo()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(Esc), J, KK)]));
        rig.Down(J).Wait(10).Down(KK).Wait(100).Up(J).Up(KK);
        Assert.Equal([$"{Esc} down @10ms", $"{Esc} up @110ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Order_does_not_matter()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(Esc), J, KK)]));
        rig.Down(KK).Wait(10).Down(J).Up(KK).Up(J);
        Assert.Equal([$"{Esc} down", $"{Esc} up"], rig.Settle());
    }

    [Fact]
    public void Keys_too_far_apart_are_themselves()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(Esc), J, KK)]));
        rig.Down(J).Wait(80).Down(KK).Up(J).Up(KK);
        Assert.Equal([$"{J} down", $"{KK} down", $"{J} up", $"{KK} up"], rig.Settle());
    }

    [Fact]
    public void A_combo_key_released_early_is_itself()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(Esc), J, KK)]));
        rig.Down(J).Wait(10).Up(J).Wait(10).Tap(KK);
        Assert.Equal([$"{J} down", $"{J} up", $"{KK} down", $"{KK} up"], rig.Settle());
    }

    [Fact]
    public void Another_key_interrupts_the_combo()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(Esc), J, KK)]));
        rig.Down(J).Wait(5).Down(A).Up(A).Up(J);
        Assert.Equal([$"{J} down", $"{A} down", $"{A} up", $"{J} up"], rig.Settle());
    }

    [Fact]
    public void Longer_combo_waits_for_its_last_key()
    {
        var rig = Rig();
        rig.Down(J).Wait(5).Down(KK).Wait(5).Down(L).Up(J).Up(KK).Up(L);
        Assert.Equal([$"{Backspace} down", $"{Backspace} up"], rig.Settle());
    }

    [Fact]
    public void Shorter_combo_fires_when_the_longer_cannot_complete()
    {
        var rig = Rig();
        rig.Down(J).Wait(5).Down(KK).Wait(100).Up(J).Up(KK);
        Assert.Equal([$"{Esc} down @50ms", $"{Esc} up @105ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Combo_member_released_before_others_releases_the_combo_once()
    {
        var rig = new EngineRig(Model(remap: [Combo(Chord(LCtrl), J, KK)]));
        rig.Down(J).Down(KK).Up(KK).Tap(A).Up(J);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{A} down", $"{A} up"], rig.Settle());
    }
}
