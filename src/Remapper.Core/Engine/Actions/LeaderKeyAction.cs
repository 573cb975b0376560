using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Actions;

/// <summary><c>leader()</c> (kanata's <c>sldr</c>, QMK's leader key): the press starts listening for a sequence.</summary>
internal sealed class LeaderKeyAction(SequenceInputMode mode, long timeoutUs) : KeyAction
{
    public SequenceInputMode Mode { get; } = mode;
    public long TimeoutUs { get; } = timeoutUs;

    public override void Press(EngineState state, in Trigger trigger) => state.Sequences.Lead(Mode, TimeoutUs, state.Output.NowUs);

    public override void Release(EngineState state, in Trigger trigger) { }
}

/// <summary><c>nop0</c>…<c>nop9</c>: types nothing; a sequence sees the key (kanata's nop keys).</summary>
internal sealed class NopKeyAction(int index) : KeyAction
{
    public Usage Usage { get; } = SequenceCodes.Nop(index);

    public override void Press(EngineState state, in Trigger trigger) { }

    public override void Release(EngineState state, in Trigger trigger) { }
}
