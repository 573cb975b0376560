namespace Remapper.Core.Engine.Actions;

/// <summary><c>none</c>: the key is swallowed.</summary>
internal sealed class NoOpAction : KeyAction
{
    public static readonly NoOpAction Instance = new();

    public override void Press(EngineState state, in Trigger trigger) { }

    public override void Release(EngineState state, in Trigger trigger) { }
}
