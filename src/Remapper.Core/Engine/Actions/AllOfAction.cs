namespace Remapper.Core.Engine.Actions;

/// <summary>A rule's <c>to</c> list: every item held while the key is, released in reverse order.</summary>
internal sealed class AllOfKeyAction(KeyAction[] items) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger)
    {
        foreach (var item in items) item.Press(state, trigger);
    }

    public override void Release(EngineState state, in Trigger trigger)
    {
        for (int i = items.Length - 1; i >= 0; i--) items[i].Release(state, trigger);
    }
}
