using Remapper.Core.Engine.Typing;

namespace Remapper.Core.Engine.Actions;

/// <summary><c>macro(…)</c>, <c>text(…)</c>, <c>unicode(…)</c>: the press starts the program; the release only matters for repeat and cancel_on_release.</summary>
internal sealed class MacroKeyAction(MacroProgram program) : KeyAction
{
    public MacroProgram Program { get; } = program;

    public override void Press(EngineState state, in Trigger trigger) => state.Macros.Start(Program, trigger);

    public override void Release(EngineState state, in Trigger trigger) => state.Macros.KeyReleased(trigger.Token);
}
