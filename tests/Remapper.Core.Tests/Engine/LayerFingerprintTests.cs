using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>The event loop republishes status when this number moves, so it must move exactly when the active layers do.</summary>
public class LayerFingerprintTests
{
    [Fact]
    public void It_moves_with_switch_toggle_and_momentary_layers_and_comes_back_when_they_do()
    {
        var rig = new EngineRig(Model(
            remap: [Bind(F, Layer("nav", LayerActionKind.SwitchBase)), Bind(J, Layer("nav", LayerActionKind.Toggle)), Bind(KK, Layer("fn"))],
            layers: [LayerDef("nav", Bind(H, Chord(Left)), Bind(F, Layer("base", LayerActionKind.SwitchBase))), LayerDef("fn")]));
        var engine = rig.Engine;
        long start = engine.LayerFingerprint;

        rig.Tap(F); // switch(nav)
        Assert.Equal(["nav"], engine.ActiveLayers);
        long switched = engine.LayerFingerprint;
        Assert.NotEqual(start, switched);

        rig.Tap(F); // switch(base) from nav
        Assert.Equal(["base"], engine.ActiveLayers);
        Assert.Equal(start, engine.LayerFingerprint);

        rig.Down(KK);
        Assert.Equal(["base", "fn"], engine.ActiveLayers);
        Assert.NotEqual(start, engine.LayerFingerprint);
        rig.Up(KK);
        Assert.Equal(start, engine.LayerFingerprint);

        rig.Tap(J); // toggle(nav)
        Assert.Equal(["base", "nav"], engine.ActiveLayers);
        Assert.NotEqual(start, engine.LayerFingerprint);
        Assert.NotEqual(switched, engine.LayerFingerprint); // nav on top of base is not nav as the base
    }
}
