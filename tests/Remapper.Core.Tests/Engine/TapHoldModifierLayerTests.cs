using Remapper.Core.Tests.Keymap;

namespace Remapper.Core.Tests.Engine;

/// <summary>A tap-hold or tap-dance whose hold is a layer that holds modifiers: the term deciding it presses them then.</summary>
public class TapHoldModifierLayerTests
{
    [Fact]
    public void The_term_running_out_presses_the_layers_modifier_at_the_term()
    {
        var rig = new EngineRig(KeymapAssert.Valid("""
            [remap]
            o = { tap = "a", hold = "layer(nav, left_control)", mode = "hold_on_timeout", term_ms = 10 }
            [layer.nav]
            a = "b"
            """));
        rig.Down(Km.K(0x12)).Wait(11);
        Assert.Equal([$"{Km.LCtrl} down @10ms"], rig.Output.TimedLog);
        rig.Up(Km.K(0x12));
        Assert.Equal([$"{Km.LCtrl} down @10ms", $"{Km.LCtrl} up @11ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void A_tap_dance_step_held_at_the_term_presses_its_layers_modifier_at_the_term()
    {
        var rig = new EngineRig(KeymapAssert.Valid("""
            [remap]
            f1 = { tap_dance = ["a", "layer(nav, left_control)", "c"], term_ms = 100 }
            [layer.nav]
            a = "b"
            """));
        var f1 = Km.K(0x3A);
        rig.Down(f1).Up(f1).Down(f1).Wait(150);
        Assert.Equal([$"{Km.LCtrl} down @100ms"], rig.Output.TimedLog);
        rig.Up(f1);
        Assert.Equal([$"{Km.LCtrl} down @100ms", $"{Km.LCtrl} up @150ms"], rig.Output.TimedLog);
    }
}
