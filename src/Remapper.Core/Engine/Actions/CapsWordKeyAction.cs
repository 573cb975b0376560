using Remapper.Core.Engine.Typing;

namespace Remapper.Core.Engine.Actions;

/// <summary>
/// <c>caps_word</c>: the press turns it on (again: starts over, or with <c>toggle</c> turns it off).
/// <paramref name="perKeyShift"/>: shift goes down and up with each key it shifts (kanata), not across the word.
/// </summary>
internal sealed class CapsWordKeyAction(CapsWordKeys keys, long timeoutUs, bool toggle, bool perKeyShift = false) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger)
    {
        var capsWord = state.Output.CapsWord;
        if (toggle && capsWord.Active) capsWord.Stop();
        else capsWord.Start(keys, timeoutUs, state.Output.NowUs, perKeyShift);
    }

    public override void Release(EngineState state, in Trigger trigger) { }
}
