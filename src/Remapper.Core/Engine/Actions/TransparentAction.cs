namespace Remapper.Core.Engine.Actions;

/// <summary>
/// <c>transparent</c> in a layer: a marker the lookup skips so the layers below decide. Never pressed.
/// </summary>
internal sealed class TransparentKeyAction : KeyAction
{
    public static readonly TransparentKeyAction Instance = new();

    public override void Press(EngineState state, in Trigger trigger) { }

    public override void Release(EngineState state, in Trigger trigger) { }
}
