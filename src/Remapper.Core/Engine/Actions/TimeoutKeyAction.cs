namespace Remapper.Core.Engine.Actions;

/// <summary>
/// keyd's <c>timeout(before, ms, after)</c>: its press only starts the wait (<see cref="TimeoutStage"/>); the engine
/// then presses <see cref="Before"/> or <see cref="After"/> for the same key (RemapEngine.Timeout.cs). A release at
/// the instant of the press (a tap of it) leaves the wait running, to be decided and tapped later.
/// </summary>
internal sealed class TimeoutKeyAction(KeyAction before, long timeoutUs, KeyAction after) : KeyAction
{
    public KeyAction Before { get; } = before;
    public KeyAction After { get; } = after;
    public long TimeoutUs { get; } = timeoutUs;

    public override void Press(EngineState state, in Trigger trigger) => state.Timeouts.Arm(trigger, this, state.Output.NowUs);

    public override void Release(EngineState state, in Trigger trigger) => state.Timeouts.Released(trigger.Token, state.Output.NowUs);
}
