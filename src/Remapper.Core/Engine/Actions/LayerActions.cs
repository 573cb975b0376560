namespace Remapper.Core.Engine.Actions;

/// <summary><c>layer(x)</c>: x is active while this press lasts.</summary>
internal sealed class MomentaryLayerAction(int layer, byte modifiers = 0) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Layers.PushMomentary(layer, trigger.Token, modifiers);

    public override void Release(EngineState state, in Trigger trigger) => state.Layers.RemoveToken(trigger.Token);
}

/// <summary><c>toggle(x)</c>: each press turns x on or off.</summary>
internal sealed class ToggleLayerAction(int layer, byte modifiers = 0) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Layers.Toggle(layer, modifiers);

    public override void Release(EngineState state, in Trigger trigger) { }
}

/// <summary><c>oneshot(x)</c>: x applies to the next key press (or, while held, to every key like momentary).</summary>
internal sealed class OneShotLayerAction(int layer, byte modifiers = 0) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Layers.PushOneShot(layer, trigger.Token, modifiers);

    public override void Release(EngineState state, in Trigger trigger) => state.Layers.ReleaseOneShot(trigger.Token);
}

/// <summary>
/// <c>swap(x)</c> (keyd): the layer this key was found in gives its place on the stack to x, with x's modifiers,
/// activated the same way (still held by the same key, or still toggled). Bound in the base layer it does nothing.
/// </summary>
internal sealed class SwapLayerAction(int layer, byte modifiers = 0) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Layers.SwapLookupEntry(layer, modifiers);

    public override void Release(EngineState state, in Trigger trigger) { }
}

/// <summary><c>clear()</c> (keyd): every toggled layer and every waiting one-shot is turned off.</summary>
internal sealed class ClearLayersAction : KeyAction
{
    public static readonly ClearLayersAction Instance = new();

    public override void Press(EngineState state, in Trigger trigger) => state.Layers.ClearLatched();

    public override void Release(EngineState state, in Trigger trigger) { }
}

/// <summary><c>switch(x)</c>: x becomes the base layer.</summary>
internal sealed class SwitchBaseLayerAction(int layer) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Layers.BaseLayer = layer;

    public override void Release(EngineState state, in Trigger trigger) { }
}
