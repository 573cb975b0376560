using System.Text;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Typing;

/// <summary><see cref="MacroAction"/> → <see cref="MacroProgram"/>: chords, text and code points become key steps.</summary>
internal static class MacroCompiler
{
    private const long UsPerMs = 1000;

    public static MacroProgram Compile(MacroAction macro, KeymapSettings settings)
    {
        var steps = new List<MacroStep>();
        foreach (var step in macro.Steps)
        {
            switch (step)
            {
                case MacroChordStep chord:
                    Chord(steps, chord.Keys, settings.ChordReleaseOrder);
                    break;
                case MacroDelayStep delay:
                    steps.Add(new MacroStep(MacroOp.Delay, default, false, delay.Milliseconds * UsPerMs));
                    break;
                case MacroTextStep text:
                    foreach (var c in text.Text)
                        if (UsLayout.TryGetKey(c, out var key, out var shift)) steps.Add(new MacroStep(MacroOp.Type, key, shift, 0));
                    break;
                case MacroUnicodeStep unicode:
                    foreach (var rune in unicode.Text.EnumerateRunes()) CodePoint(steps, rune, settings.UnicodeInput);
                    break;
            }
        }
        return new MacroProgram([.. steps], macro.RepeatGapMs is not null, (macro.RepeatGapMs ?? 0) * UsPerMs, macro.Cancel, macro.KeepHeldModifiers);
    }

    /// <summary>A chord tapped: pressed in order, released in the chord_release_order (reverse by default).</summary>
    private static void Chord(List<MacroStep> steps, IReadOnlyList<Usage> keys, ChordReleaseOrder order = ChordReleaseOrder.Reverse)
    {
        foreach (var key in keys) steps.Add(new MacroStep(MacroOp.Press, key, false, 0));
        switch (order)
        {
            case ChordReleaseOrder.Pressed:
                foreach (var key in keys) steps.Add(new MacroStep(MacroOp.Release, key, false, 0));
                break;
            case ChordReleaseOrder.KeyFirst:
                foreach (var key in keys) if (!key.IsModifier) steps.Add(new MacroStep(MacroOp.Release, key, false, 0));
                foreach (var key in keys) if (key.IsModifier) steps.Add(new MacroStep(MacroOp.Release, key, false, 0));
                break;
            default:
                for (int i = keys.Count - 1; i >= 0; i--) steps.Add(new MacroStep(MacroOp.Release, keys[i], false, 0));
                break;
        }
    }

    private static void CodePoint(List<MacroStep> steps, Rune rune, UnicodeInput method)
    {
        switch (method)
        {
            case UnicodeInput.MacosHex:
                // Unicode Hex Input reads UTF-16: a code point past U+FFFF is its two surrogates, four digits each.
                Span<char> units = stackalloc char[2];
                int n = rune.EncodeToUtf16(units);
                steps.Add(new MacroStep(MacroOp.Press, Usages.LeftOption, false, 0));
                for (int i = 0; i < n; i++) HexDigits(steps, ((int)units[i]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                steps.Add(new MacroStep(MacroOp.Release, Usages.LeftOption, false, 0));
                break;
            default:
                // IBus/GTK/Fcitx: ctrl+shift+u opens the code entry, space commits it.
                Chord(steps, [Usages.LeftControl, Usages.LeftShift, Usage.Key(0x18)]);
                HexDigits(steps, rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
                Chord(steps, [Usages.Spacebar]);
                break;
        }
    }

    private static void HexDigits(List<MacroStep> steps, string hex)
    {
        foreach (var c in hex)
        {
            UsLayout.TryGetKey(c, out var key, out _);
            Chord(steps, [key]);
        }
    }
}
