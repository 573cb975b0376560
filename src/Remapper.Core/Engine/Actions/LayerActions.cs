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

/// <summary>
/// <c>oneshot(x)</c>: x applies to the next key press (or, while held, to every key like momentary). With a timeout
/// (<c>{ oneshot = "left_shift", timeout_ms = 2500 }</c>) a one-shot still waiting that long after its press is cancelled;
/// with <paramref name="endOnPress"/> its modifiers go up right after the next key's press.
/// </summary>
internal sealed class OneShotLayerAction(int layer, byte modifiers = 0, long timeoutUs = 0, bool endOnPress = false) : KeyAction
{
    /// <summary>Keys that are not modifiers, down while the one-shot lasts (LayerModifiers presses them); null: none.</summary>
    public Hid.Usage[]? Keys { get; init; }

    public override void Press(EngineState state, in Trigger trigger) =>
        state.Layers.PushOneShot(layer, trigger.Token, modifiers,
            timeoutUs > 0 ? state.Output.NowUs + timeoutUs : long.MaxValue, endOnPress, Keys);

    public override void Release(EngineState state, in Trigger trigger) => state.Layers.ReleaseOneShot(trigger.Token, state.Output.NowUs);
}

/// <summary>
/// <c>{ multi = [...] }</c>: every item pressed in order and held while the key is, released in reverse. The layers'
/// modifiers are brought up to date after each item, so a layer or swap item's modifiers are down before the next item
/// types (keyd's swapm(): the swapped-in layer's control, then the macro).
/// </summary>
internal sealed class MultiKeyAction(KeyAction[] items) : KeyAction
{
    public KeyAction[] Items { get; } = items;

    public override void Press(EngineState state, in Trigger trigger)
    {
        foreach (var item in Items)
        {
            item.Press(state, trigger);
            state.SyncLayerModifiers();
        }
    }

    public override void Release(EngineState state, in Trigger trigger)
    {
        for (int i = Items.Length - 1; i >= 0; i--) Items[i].Release(state, trigger);
    }
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
