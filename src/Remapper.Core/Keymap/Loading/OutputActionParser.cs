using System.Globalization;
using System.Text;
using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// The actions that type things: <c>macro("ctrl+c", 50ms, "ctrl+v")</c>, <c>text("Hello")</c>, <c>unicode("é")</c>
/// and <c>caps_word</c>. Their arguments hold quoted strings (with commas, parentheses and '+' inside), so they get
/// a small parser of their own instead of the one for <c>layer(x)</c>. Errors point at the argument at fault.
/// </summary>
internal sealed class OutputActionParser(DiagnosticBag diagnostics)
{
    /// <summary>Far beyond anything typed by hand; keeps a pasted novel from becoming a million-step macro.</summary>
    public const int MaxTextLength = 1000;

    public const int MaxMacroSteps = ActionParser.MaxSequenceSteps;

    /// <summary>Waits longer than this are a mistake (a forgotten unit), not a macro.</summary>
    public const int MaxDelayMs = 60_000;

    private static readonly string[] MacroOptions = ["repeat", "cancel_on_press", "cancel_on_release", "keep_modifiers"];

    /// <summary>True when <paramref name="text"/> is written as one of these actions (so errors come from here).</summary>
    public static bool Handles(string text)
    {
        var name = FunctionName(text);
        return name is "macro" or "text" or "unicode" || name == "caps_word";
    }

    private static string FunctionName(string text)
    {
        var open = text.IndexOf('(');
        var name = (open < 0 ? text : text[..open]).Trim();
        return name.ToLowerInvariant();
    }

    public ActionModel? Parse(TomlString s, string text, int lead)
    {
        var name = FunctionName(text);
        var open = text.IndexOf('(');
        if (open < 0)
        {
            if (name == "caps_word") return new CapsWordAction(null, false, null, null, s.Location);
            diagnostics.Error(s.Location, $"{name}() needs its arguments in parentheses", Example(name));
            return null;
        }
        if (!text.EndsWith(')'))
        {
            diagnostics.Error(s.Location, $"'{MessageText.Short(text)}' is missing its closing ')'");
            return null;
        }
        var args = SplitArguments(s, text, open + 1, text.Length - 1, lead);
        if (args is null) return null;
        return name switch
        {
            "macro" => ParseMacro(s, args),
            "text" => ParseSingle(s, args, "text") is { } t ? Text(t.Value, t.At) is { } step ? new MacroAction([step], null, MacroCancel.Never, s.Location) : null : null,
            "unicode" => ParseSingle(s, args, "unicode") is { } u ? Unicode(u.Value, u.At) is { } ustep ? new MacroAction([ustep], null, MacroCancel.Never, s.Location) : null : null,
            _ => ParseCapsWord(s, args),
        };
    }

    private static string Example(string name) => name switch
    {
        "macro" => "e.g. macro(\"ctrl+c\", 50ms, \"ctrl+v\")",
        "text" => "e.g. text(\"Hello, world\")",
        "unicode" => "e.g. unicode(\"é\")",
        _ => "e.g. caps_word or caps_word(5000ms, toggle)",
    };

    /// <summary>One argument as written: a quoted string (unquoted value), or a bare word like <c>50ms</c> or <c>repeat=200ms</c>.</summary>
    private sealed record Argument(string Value, bool Quoted, SourceLocation At);

    private List<Argument>? SplitArguments(TomlString s, string text, int start, int end, int lead)
    {
        var args = new List<Argument>();
        int i = start;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end)
            {
                if (args.Count > 0)
                {
                    diagnostics.Error(s.LocationOf(lead + i), "an argument is missing after the last ','");
                    return null;
                }
                return args;
            }
            var at = s.LocationOf(lead + i);
            if (text[i] is '"' or '\'')
            {
                var quote = text[i];
                var value = new StringBuilder();
                int j = i + 1;
                for (; j < end && text[j] != quote; j++)
                {
                    if (quote == '"' && text[j] == '\\' && j + 1 < end)
                    {
                        j++;
                        char escaped = text[j] switch { 'n' => '\n', 't' => '\t', var c => c };
                        if (text[j] is not ('n' or 't' or '"' or '\\'))
                        {
                            diagnostics.Error(s.LocationOf(lead + j - 1), $"unknown escape '\\{text[j]}'", "inside \"…\" write \\\" for a quote, \\\\ for a backslash, \\n and \\t; or quote with '…'");
                            return null;
                        }
                        value.Append(escaped);
                    }
                    else value.Append(text[j]);
                }
                if (j >= end)
                {
                    diagnostics.Error(at, $"the string starting here has no closing {quote}");
                    return null;
                }
                args.Add(new Argument(value.ToString(), true, at));
                i = j + 1;
            }
            else
            {
                int j = i;
                int depth = 0;
                for (; j < end; j++)
                {
                    if (text[j] == '(') depth++;
                    else if (text[j] == ')') depth--;
                    else if (text[j] is '"' or '\'')
                    {
                        // a nested text("…") or unicode("…"): skip the string
                        var quote = text[j];
                        for (j++; j < end && text[j] != quote; j++) if (quote == '"' && text[j] == '\\') j++;
                    }
                    else if (text[j] == ',' && depth == 0) break;
                }
                j = Math.Min(j, end); // a string left open inside ran to the end
                args.Add(new Argument(text[i..j].Trim(), false, at));
                i = j;
            }
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end) return args;
            if (text[i] != ',')
            {
                diagnostics.Error(s.LocationOf(lead + i), $"expected ',' between arguments, got '{text[i]}'");
                return null;
            }
            i++;
        }
    }

    private MacroAction? ParseMacro(TomlString s, List<Argument> args)
    {
        var steps = new List<MacroStepModel>();
        int? repeat = null;
        var cancel = MacroCancel.Never;
        var keep = false;
        var ok = true;
        foreach (var arg in args)
        {
            MacroStepModel? step = null;
            if (arg.Quoted) step = Chord(arg);
            else if (TryInner(arg, "text", out var inner)) step = inner is null ? null : Text(inner.Value, inner.At);
            else if (TryInner(arg, "unicode", out var uinner)) step = uinner is null ? null : Unicode(uinner.Value, uinner.At);
            else if (arg.Value.Length > 0 && char.IsAsciiDigit(arg.Value[0]))
            {
                if (Duration(arg.Value, arg.At) is { } ms) step = new MacroDelayStep(ms, arg.At);
            }
            else
            {
                var (option, value) = arg.Value.IndexOf('=') is var eq and > 0
                    ? (arg.Value[..eq].Trim().ToLowerInvariant(), arg.Value[(eq + 1)..].Trim())
                    : (arg.Value.ToLowerInvariant(), null);
                switch (option)
                {
                    case "repeat" when value is null:
                        repeat = 0;
                        continue;
                    case "repeat":
                        if (Duration(value, arg.At) is { } gap) repeat = gap;
                        else ok = false;
                        continue;
                    case "cancel_on_press" when value is null:
                        cancel |= MacroCancel.OnOtherPress;
                        continue;
                    case "cancel_on_release" when value is null:
                        cancel |= MacroCancel.OnRelease;
                        continue;
                    case "keep_modifiers" when value is null:
                        keep = true;
                        continue;
                    case "cancel_on_press" or "cancel_on_release" or "keep_modifiers":
                        diagnostics.Error(arg.At, $"'{option}' takes no value");
                        ok = false;
                        continue;
                    default:
                        diagnostics.Error(arg.At, $"'{MessageText.Short(arg.Value)}' is not a macro step",
                            () => Suggestions.DidYouMean(option, MacroOptions)
                                  ?? "steps are \"ctrl+c\" (a chord, quoted), 50ms (a wait), text(\"…\") and unicode(\"…\"); options are repeat, repeat=100ms, cancel_on_press, cancel_on_release and keep_modifiers");
                        ok = false;
                        continue;
                }
            }
            if (step is null) ok = false;
            else steps.Add(step);
            if (steps.Count > MaxMacroSteps)
            {
                diagnostics.Error(s.Location, $"a macro can have at most {MaxMacroSteps} steps");
                return null;
            }
        }
        if (!ok) return null;
        if (!steps.Any(step => step is not MacroDelayStep))
        {
            diagnostics.Error(s.Location, "this macro types nothing", Example("macro"));
            return null;
        }
        if (repeat == 0 && steps.OfType<MacroDelayStep>().Sum(d => d.Milliseconds) == 0)
        {
            // Back to back with no wait at all, a held key would flood the desktop faster than any app reads.
            diagnostics.Error(s.Location, "a macro with no wait in it needs a gap to repeat", "e.g. repeat=50ms");
            return null;
        }
        return new MacroAction(steps, repeat, cancel, s.Location) { KeepHeldModifiers = keep };
    }

    /// <summary><c>text("…")</c> written as a macro step; <paramref name="inner"/> is null after an error.</summary>
    private bool TryInner(Argument arg, string function, out Argument? inner)
    {
        inner = null;
        if (!arg.Value.StartsWith(function, StringComparison.OrdinalIgnoreCase) ||
            !arg.Value[function.Length..].TrimStart().StartsWith('(')) return false;
        var open = arg.Value.IndexOf('(');
        var body = arg.Value[(open + 1)..].TrimEnd();
        var value = body.Length >= 3 && body[0] is '"' or '\'' && body.EndsWith(')') ? Unquote(body.AsSpan(0, body.Length - 1).TrimEnd()) : null;
        if (value is null)
        {
            diagnostics.Error(arg.At, $"{function}() takes one quoted string", Example(function));
            return true;
        }
        inner = new Argument(value, true, arg.At);
        return true;
    }

    /// <summary>The value of exactly one quoted string (escapes as in <see cref="SplitArguments"/>), or null.</summary>
    private static string? Unquote(ReadOnlySpan<char> quoted)
    {
        if (quoted.Length < 2) return null;
        var quote = quoted[0];
        var value = new StringBuilder();
        int j = 1;
        for (; j < quoted.Length && quoted[j] != quote; j++)
        {
            if (quote == '"' && quoted[j] == '\\')
            {
                if (++j >= quoted.Length) return null;
                char c = quoted[j] switch { 'n' => '\n', 't' => '\t', '"' => '"', '\\' => '\\', _ => '\0' };
                if (c == '\0') return null;
                value.Append(c);
            }
            else value.Append(quoted[j]);
        }
        return j == quoted.Length - 1 ? value.ToString() : null;
    }

    private Argument? ParseSingle(TomlString s, List<Argument> args, string function)
    {
        if (args.Count != 1 || !args[0].Quoted)
        {
            diagnostics.Error(args.Count > 0 ? args[0].At : s.Location, $"{function}() takes one quoted string", Example(function));
            return null;
        }
        return args[0];
    }

    private MacroChordStep? Chord(Argument arg)
    {
        var keys = new List<Usage>();
        foreach (var raw in arg.Value.Split('+'))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                diagnostics.Error(arg.At, $"'{MessageText.Short(arg.Value)}' has an empty key name", "a quoted macro step is a key or chord like \"ctrl+c\"; type text with text(\"…\")");
                return null;
            }
            if (!ModifierWords.TryParseKey(part, out var usage))
            {
                diagnostics.Error(arg.At, $"unknown key '{MessageText.Short(part)}' in a macro",
                    () => part.Length == 1 || part.Contains(' ')
                        ? $"a quoted macro step is a key or chord; to type it, write text(\"{MessageText.Short(arg.Value)}\")"
                        : KeyNameSuggestions.For(part));
                return null;
            }
            if (keys.Contains(usage))
            {
                diagnostics.Error(arg.At, $"'{MessageText.Short(part)}' appears twice in '{MessageText.Short(arg.Value)}'");
                return null;
            }
            keys.Add(usage);
            if (keys.Count > ActionParser.MaxChordKeys)
            {
                diagnostics.Error(arg.At, $"a chord can have at most {ActionParser.MaxChordKeys} keys");
                return null;
            }
        }
        return new MacroChordStep(keys, arg.At);
    }

    private MacroTextStep? Text(string text, SourceLocation at)
    {
        if (text.Length == 0)
        {
            diagnostics.Error(at, "text(\"\") types nothing");
            return null;
        }
        if (text.Length > MaxTextLength)
        {
            diagnostics.Error(at, $"text() can type at most {MaxTextLength} characters");
            return null;
        }
        for (int i = 0; i < text.Length; i++)
        {
            if (UsLayout.TryGetKey(text[i], out _, out _)) continue;
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out _); // a lone surrogate decodes as U+FFFD
            diagnostics.Error(at, $"text() can't type '{Describe(rune)}': it is not on the US keyboard layout",
                $"type it with unicode(\"{rune}\"), through the desktop's input method");
            return null;
        }
        return new MacroTextStep(text, at);
    }

    private static string Describe(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? $"U+{rune.Value:X4}"
            : $"{rune} (U+{rune.Value:X4})";

    private MacroUnicodeStep? Unicode(string text, SourceLocation at)
    {
        if (text.Length == 0)
        {
            diagnostics.Error(at, "unicode(\"\") types nothing");
            return null;
        }
        int count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar && !text.Contains('\uFFFD'))
            {
                diagnostics.Error(at, "unicode() was given a broken character (a lone surrogate)");
                return null;
            }
            if (Rune.IsControl(rune))
            {
                diagnostics.Error(at, $"unicode() can't type the control character U+{rune.Value:X4}", "use a key, e.g. \"enter\" or \"tab\"");
                return null;
            }
            count++;
        }
        if (count > MaxTextLength)
        {
            diagnostics.Error(at, $"unicode() can type at most {MaxTextLength} characters");
            return null;
        }
        return new MacroUnicodeStep(text, at);
    }

    private static readonly string[] CapsWordOptions = ["timeout", "toggle", "shift", "continue", "per_key_shift"];

    private CapsWordAction? ParseCapsWord(TomlString s, List<Argument> args)
    {
        int? timeout = null;
        bool toggle = false, perKeyShift = false;
        List<Usage>? shift = null, keep = null;
        foreach (var arg in args)
        {
            var (option, value) = !arg.Quoted && arg.Value.IndexOf('=') is var eq and > 0
                ? (arg.Value[..eq].Trim().ToLowerInvariant(), arg.Value[(eq + 1)..].Trim())
                : (arg.Quoted ? "" : arg.Value.ToLowerInvariant(), null);
            if (value is null && option.Length > 0 && char.IsAsciiDigit(option[0])) (option, value) = ("timeout", arg.Value);
            switch (option)
            {
                case "timeout" when value is not null:
                    timeout = Duration(value, arg.At);
                    if (timeout is null) return null;
                    if (timeout == 0)
                    {
                        diagnostics.Error(arg.At, "a caps_word timeout of 0 would end it at once", "use a time such as 5000ms");
                        return null;
                    }
                    break;
                case "toggle" when value is null:
                    toggle = true;
                    break;
                case "per_key_shift" when value is null:
                    perKeyShift = true;
                    break;
                case "shift" or "continue" when value is not null:
                    var keys = KeyList(value, arg.At, option);
                    if (keys is null) return null;
                    if (option == "shift") shift = keys;
                    else keep = keys;
                    break;
                default:
                    diagnostics.Error(arg.At, $"'{MessageText.Short(arg.Value)}' is not a caps_word option",
                        () => (option.Length > 0 ? Suggestions.DidYouMean(option, CapsWordOptions) : null)
                              ?? "options are a timeout (5000ms), toggle, per_key_shift, shift=\"a b …\" and continue=\"1 backspace …\"");
                    return null;
            }
        }
        return new CapsWordAction(timeout, toggle, shift, keep, s.Location, perKeyShift);
    }

    /// <summary><c>"a b minus"</c> (quoted, space-separated key names) → keys; null after an error.</summary>
    private List<Usage>? KeyList(string value, SourceLocation at, string option)
    {
        if (value.Length < 2 || value[0] is not ('"' or '\'') || value[^1] != value[0])
        {
            diagnostics.Error(at, $"{option}= takes key names in quotes, e.g. {option}=\"a b minus\"");
            return null;
        }
        var keys = new List<Usage>();
        foreach (var name in value[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ModifierWords.TryParseKey(name, out var usage) || usage.IsModifier)
            {
                diagnostics.Error(at, $"'{MessageText.Short(name)}' in {option}= is not a key caps_word can see",
                    () => usage.IsModifier ? "modifiers never end caps_word; list other keys" : KeyNameSuggestions.For(name));
                return null;
            }
            keys.Add(usage);
        }
        return keys;
    }

    /// <summary><c>50ms</c> or <c>2s</c> → milliseconds; null after an error.</summary>
    private int? Duration(string text, SourceLocation at)
    {
        var (digits, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1)
            : text.EndsWith('s') || text.EndsWith('S') ? (text[..^1], 1000)
            : (text, 0);
        if (scale == 0 || !int.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            diagnostics.Error(at, $"'{MessageText.Short(text)}' is not a duration", "write milliseconds or seconds, e.g. 50ms or 2s");
            return null;
        }
        if ((long)n * scale > MaxDelayMs)
        {
            diagnostics.Error(at, $"{MessageText.Short(text)} is longer than a macro may wait ({MaxDelayMs / 1000}s)");
            return null;
        }
        return n * scale;
    }
}
