namespace Remapper.Core.Engine.Actions;

/// <summary>
/// A compiled action. Press runs when the key it is bound to goes down, Release when that same press
/// ends — even if layers changed in between, because the engine remembers the action per press.
/// Instances are shared and immutable; per-press state lives in the engine's active-key table.
/// </summary>
internal abstract class KeyAction
{
    public abstract void Press(EngineState state, in Trigger trigger);

    public abstract void Release(EngineState state, in Trigger trigger);

    public void Tap(EngineState state, in Trigger trigger)
    {
        Press(state, trigger);
        Release(state, trigger);
    }
}
