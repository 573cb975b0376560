namespace Remapper.Core.Engine.Actions;

/// <summary>
/// A tap-dance: never pressed directly. The engine counts the taps (see TapDanceStage.cs) and then runs the step for
/// that count.
/// </summary>
internal sealed class TapDanceKeyAction(KeyAction[] steps, long termUs) : KeyAction
{
    public KeyAction[] Steps { get; } = steps;
    public long TermUs { get; } = termUs;

    // Intercepted by the engine like a tap-hold; doing nothing is the safe answer if ever reached.
    public override void Press(EngineState state, in Trigger trigger) { }

    public override void Release(EngineState state, in Trigger trigger) { }
}
