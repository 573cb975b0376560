namespace Remapper.Core.Engine.Actions;

/// <summary><c>set(name, value)</c>: changes a variable that rule conditions read.</summary>
internal sealed class SetVariableKeyAction(int variable, int value) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Variables[variable] = value;

    public override void Release(EngineState state, in Trigger trigger) { }
}
