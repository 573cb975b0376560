using Remapper.Core.Hid;

namespace Remapper.Core.Engine.Actions;

/// <summary><c>escape</c>, <c>ctrl+shift+t</c>: pressed in order, released in reverse.</summary>
internal sealed class ChordKeyAction(Usage[] keys) : KeyAction
{
    public Usage[] Keys { get; } = keys;

    public override void Press(EngineState state, in Trigger trigger)
    {
        foreach (var key in Keys) state.Output.Press(key);
    }

    public override void Release(EngineState state, in Trigger trigger)
    {
        for (int i = Keys.Length - 1; i >= 0; i--) state.Output.Release(Keys[i]);
    }
}
