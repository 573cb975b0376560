namespace Remapper.Core.Engine.Actions;

/// <summary>An unbound key (or any key while paused): the key itself, unchanged.</summary>
internal sealed class SelfKeyAction : KeyAction
{
    public static readonly SelfKeyAction Instance = new();

    public override void Press(EngineState state, in Trigger trigger) => state.Output.Press(trigger.Usage, passThrough: true);

    public override void Release(EngineState state, in Trigger trigger) => state.Output.Release(trigger.Usage, passThrough: true);
}
