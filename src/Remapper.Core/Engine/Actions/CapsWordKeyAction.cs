using Remapper.Core.Engine.Typing;

namespace Remapper.Core.Engine.Actions;

/// <summary><c>caps_word</c>: the press turns it on (again: starts over, or with <c>toggle</c> turns it off).</summary>
internal sealed class CapsWordKeyAction(CapsWordKeys keys, long timeoutUs, bool toggle) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger)
    {
        var capsWord = state.Output.CapsWord;
        if (toggle && capsWord.Active) capsWord.Stop();
        else capsWord.Start(keys, timeoutUs, state.Output.NowUs);
    }

    public override void Release(EngineState state, in Trigger trigger) { }
}
