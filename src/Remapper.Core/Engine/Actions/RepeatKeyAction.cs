namespace Remapper.Core.Engine.Actions;

/// <summary><c>repeat</c>: the last key that went out again, with its modifiers, held while this key is (<see cref="RepeatStage"/>).</summary>
internal sealed class RepeatKeyAction : KeyAction
{
    public static readonly RepeatKeyAction Instance = new();

    public override void Press(EngineState state, in Trigger trigger) => state.Output.Repeat.Press(state.Output, trigger.Token);

    public override void Release(EngineState state, in Trigger trigger) => state.Output.Repeat.Release(state.Output, trigger.Token);
}
