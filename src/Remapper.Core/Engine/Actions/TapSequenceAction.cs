namespace Remapper.Core.Engine.Actions;

/// <summary><c>["ctrl+a", "c"]</c>: every step tapped in turn when the key goes down; the release does nothing.</summary>
internal sealed class TapSequenceAction(KeyAction[] steps) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger)
    {
        foreach (var step in steps) step.Tap(state, trigger);
    }

    public override void Release(EngineState state, in Trigger trigger) { }
}
