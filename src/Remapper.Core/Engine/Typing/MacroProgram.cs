using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Typing;

internal enum MacroOp : byte
{
    Press,
    Release,
    /// <summary>A character of text: the key tapped, with shift if <see cref="MacroStep.Shift"/> — flipped for letters while caps lock is on.</summary>
    Type,
    /// <summary>Wait <see cref="MacroStep.DelayUs"/> on the engine's clock.</summary>
    Delay,
}

internal readonly record struct MacroStep(MacroOp Op, Usage Key, bool Shift, long DelayUs);

/// <summary>
/// A macro compiled to a flat step array once, at load: playing it allocates nothing. Between two waits every
/// key pressed is released again (the compiler emits chords as press…release), so a macro never holds a key
/// while it waits, and stopping it between steps can leave nothing down.
/// </summary>
internal sealed class MacroProgram(MacroStep[] steps, bool repeats, long repeatGapUs, MacroCancel cancel)
{
    public MacroStep[] Steps { get; } = steps;

    /// <summary>Played again, <see cref="RepeatGapUs"/> after each run ends, while its key is held.</summary>
    public bool Repeats { get; } = repeats;

    public long RepeatGapUs { get; } = repeatGapUs;

    public MacroCancel Cancel { get; } = cancel;
}
