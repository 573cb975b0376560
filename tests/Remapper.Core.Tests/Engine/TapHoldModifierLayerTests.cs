using Remapper.Core.Tests.Keymap;

namespace Remapper.Core.Tests.Engine;

/// <summary>A tap-hold whose hold is a layer that holds modifiers: the term deciding hold presses them then.</summary>
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
}
