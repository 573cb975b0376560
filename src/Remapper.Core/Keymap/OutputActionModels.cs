using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary>One step of a <c>macro(…)</c>: a chord tapped, text typed, a code point through the input method, or a wait.</summary>
public abstract record MacroStepModel(SourceLocation Location);

/// <summary><c>"ctrl+c"</c> in a macro: the keys pressed in order, then released in reverse.</summary>
public sealed record MacroChordStep(IReadOnlyList<Usage> Keys, SourceLocation Location) : MacroStepModel(Location);

/// <summary><c>50ms</c> in a macro: the engine waits this long (on its own clock) before the next step.</summary>
public sealed record MacroDelayStep(int Milliseconds, SourceLocation Location) : MacroStepModel(Location);

/// <summary><c>text("…")</c> in a macro: typed through the US layout.</summary>
public sealed record MacroTextStep(string Text, SourceLocation Location) : MacroStepModel(Location);

/// <summary><c>unicode("é")</c> in a macro: each code point through the desktop's input method.</summary>
public sealed record MacroUnicodeStep(string Text, SourceLocation Location) : MacroStepModel(Location);

/// <summary>What else stops a running macro before its last step (it always releases what it pressed).</summary>
[Flags]
public enum MacroCancel
{
    Never = 0,
    /// <summary><c>cancel_on_press</c>: another key going down.</summary>
    OnOtherPress = 1,
    /// <summary><c>cancel_on_release</c>: the macro's own key going up.</summary>
    OnRelease = 2,
}

/// <summary>
/// <c>macro("ctrl+c", 50ms, "ctrl+v")</c>, and the single-step forms <c>text("…")</c> and <c>unicode("…")</c>.
/// <paramref name="RepeatGapMs"/>: null = play once; otherwise play again this long after each run while the key is held.
/// </summary>
public sealed record MacroAction(
    IReadOnlyList<MacroStepModel> Steps,
    int? RepeatGapMs,
    MacroCancel Cancel,
    SourceLocation Location) : ActionModel(Location)
{
    /// <summary>
    /// <c>keep_modifiers</c>: modifiers the user holds stay down while the macro types (keyd's and kanata's way);
    /// by default they are lifted for it and come back after.
    /// </summary>
    public bool KeepHeldModifiers { get; init; }
}

/// <summary>
/// <c>caps_word</c>, <c>caps_word(5000ms, toggle, shift="a b", continue="1 backspace")</c>: letters are shifted
/// until a key that ends a word is pressed, or nothing is typed for <paramref name="TimeoutMs"/> (null: the
/// <c>caps_word_timeout_ms</c> setting). <paramref name="Toggle"/>: pressed again while on, it turns off (else it
/// starts over). <paramref name="ShiftKeys"/> / <paramref name="ContinueKeys"/>: null for the default lists
/// (letters and minus shifted; digits, backspace and delete continue), else exactly these keys.
/// <paramref name="PerKeyShift"/> (<c>per_key_shift</c>, kanata's way): shift goes down and up with each key it
/// shifts, instead of staying down from one shifted key to the next.
/// </summary>
public sealed record CapsWordAction(
    int? TimeoutMs,
    bool Toggle,
    IReadOnlyList<Usage>? ShiftKeys,
    IReadOnlyList<Usage>? ContinueKeys,
    SourceLocation Location,
    bool PerKeyShift = false) : ActionModel(Location);

/// <summary>How <c>unicode("…")</c> types a code point: the desktop's own input method does the work.</summary>
public enum UnicodeInput
{
    /// <summary>Ctrl+Shift+U, the hex digits, space: GTK apps, and any app while IBus (GNOME's default) is the input method.</summary>
    CtrlShiftU,
    /// <summary>Option held while the hex digits (UTF-16, four per unit) are typed: macOS with the "Unicode Hex Input" source.</summary>
    MacosHex,
}

/// <summary>The names <c>unicode_input</c> takes in [settings].</summary>
public static class UnicodeInputNames
{
    public const string List = "ctrl_shift_u or macos_hex";

    public static bool TryParse(string name, out UnicodeInput method)
    {
        switch (name)
        {
            case "ctrl_shift_u": method = UnicodeInput.CtrlShiftU; return true;
            case "macos_hex": method = UnicodeInput.MacosHex; return true;
            default: method = default; return false;
        }
    }
}
