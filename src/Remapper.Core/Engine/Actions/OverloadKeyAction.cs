namespace Remapper.Core.Engine.Actions;

/// <summary>
/// keyd's <c>overload(layer, key)</c> (a tap-hold with <c>mode = "overload"</c>): the hold (a layer and its
/// modifiers, or a modifier) is pressed at once, and the release taps <see cref="TapAction"/> if no other key was
/// pressed meanwhile and the key was held less than <see cref="TapTermUs"/>. Unlike a tap-hold it never waits, so
/// keys typed with it are never delayed. The engine arms and fires the tap (RemapEngine.Overload.cs,
/// <see cref="OverloadStage"/>): it must come after the hold's layer modifiers are let go.
/// </summary>
internal sealed class OverloadKeyAction(KeyAction tap, KeyAction hold, long tapTermUs) : KeyAction
{
    public KeyAction TapAction { get; } = tap;

    /// <summary>What is held from the press on (a modifier chord, or a layer).</summary>
    public KeyAction HoldAction { get; } = hold;

    /// <summary>Held this long or longer, the release taps nothing (keyd's overload_tap_timeout; long.MaxValue: any time).</summary>
    public long TapTermUs { get; } = tapTermUs;

    public override void Press(EngineState state, in Trigger trigger) => HoldAction.Press(state, trigger);

    public override void Release(EngineState state, in Trigger trigger) => HoldAction.Release(state, trigger);
}
