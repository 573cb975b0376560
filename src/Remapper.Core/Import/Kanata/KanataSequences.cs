using System.Globalization;
using Remapper.Core.Import.Karabiner;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// kanata's sequences → the keymap's: <c>(defseq NAME (keys…))</c> with the <c>defvirtualkeys</c>/<c>deffakekeys</c>
/// action it taps → a <c>[sequences]</c> line (<c>"g s t" = …</c>, <c>O-(a b)</c> → <c>(a b)</c>, <c>S-(h s)</c> →
/// <c>left_shift+(h s)</c>); <c>sldr</c> and <c>(sequence TIMEOUT MODE)</c> → <c>leader()</c>; <c>nop0</c>…<c>nop9</c> stay
/// themselves; defcfg's sequence-timeout, sequence-input-mode and sequence-backtrack-modcancel → [settings].
/// Virtual keys no defseq uses, <c>sequence-noerase</c> and anything a sequence key list cannot hold are reported.
/// </summary>
internal sealed class KanataSequences(KanataContext context, KanataActions actions)
{
    private readonly Dictionary<string, SExpression> _virtualKeys = new(StringComparer.Ordinal);
    private readonly List<(SList Form, SAtom Name, SExpression Keys)> _sequences = [];

    /// <summary>Takes a defseq, defvirtualkeys or deffakekeys form; false for any other.</summary>
    public bool Collect(SList form, Action<SExpression, string> note)
    {
        switch (form.Head)
        {
            case "defvirtualkeys":
            case "deffakekeys":
                var items = form.Items.Skip(1).ToList();
                for (int i = 0; i + 1 < items.Count; i += 2)
                    if (items[i] is SAtom name) _virtualKeys[name.Text] = items[i + 1];
                    else note(items[i], $"a {form.Head} name must be a word");
                if (items.Count % 2 == 1) note(items[^1], $"this {form.Head} name has no action");
                return true;
            case "defseq":
                var pairs = form.Items.Skip(1).ToList();
                for (int i = 0; i + 1 < pairs.Count; i += 2)
                    if (pairs[i] is SAtom name) _sequences.Add((form, name, pairs[i + 1]));
                    else note(pairs[i], "a defseq pair starts with a virtual key's name");
                if (pairs.Count % 2 == 1) note(pairs[^1], "this defseq name has no key list");
                return true;
            default:
                return false;
        }
    }

    /// <summary>A defcfg option of sequences as a [settings] line (with its place after a tab), or null when it is not one.</summary>
    public static string? Setting(SAtom key, SAtom? value, Action<SExpression, string> note)
    {
        switch (key.Text)
        {
            case "sequence-timeout":
                if (value is not null && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= 60_000)
                    return $"sequence_timeout_ms = {TomlText.Integer(ms)}\t{key.Line}:{key.Column}";
                note(key, "sequence-timeout takes 1 to 60000 (milliseconds)");
                return "";
            case "sequence-input-mode":
                if (value?.Text is "visible-backspaced" or "hidden-suppressed" or "hidden-delay-type")
                    return $"sequence_input_mode = {TomlText.String(value.Text.Replace('-', '_'))}\t{key.Line}:{key.Column}";
                note(key, "sequence-input-mode is visible-backspaced, hidden-suppressed or hidden-delay-type");
                return "";
            case "sequence-backtrack-modcancel":
                if (value?.Text is "yes" or "true" or "no" or "false")
                    return $"sequence_backtrack_modcancel = {TomlText.Bool(value.Text is "yes" or "true")}\t{key.Line}:{key.Column}";
                note(key, "sequence-backtrack-modcancel is yes or no");
                return "";
            case "sequence-always-on":
                note(key, "sequence-always-on (listening for sequences without a leader) has no Remapper equivalent yet");
                return "";
            default:
                return null;
        }
    }

    /// <summary><c>sldr</c> → <c>leader()</c>, <c>nop0</c>…<c>nop9</c> → themselves; null for other atoms.</summary>
    public static string? Atom(string text)
    {
        if (text == "sldr") return TomlText.String("leader()");
        if (text.Length == 4 && text.StartsWith("nop", StringComparison.Ordinal) && char.IsAsciiDigit(text[3])) return TomlText.String(text);
        return null;
    }

    /// <summary><c>(sequence 250)</c>, <c>(sequence 250 visible-backspaced)</c> → <c>leader(250, visible_backspaced)</c>.</summary>
    public static string? Leader(SList list, KanataActions actions)
    {
        if (list.Items.Count is < 2 or > 3 || list.Items[1] is not SAtom t
            || !int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms is < 1 or > 60_000)
            return actions.Fail(list, "sequence takes a timeout (1 to 60000 ms) and perhaps an input mode");
        if (list.Items.Count == 2) return TomlText.String($"leader({ms})");
        if (list.Items[2] is not SAtom { Text: "visible-backspaced" or "hidden-suppressed" or "hidden-delay-type" } mode)
            return actions.Fail(list.Items[2], "the input mode is visible-backspaced, hidden-suppressed or hidden-delay-type");
        return TomlText.String($"leader({ms}, {mode.Text.Replace('-', '_')})");
    }

    /// <summary>The [sequences] lines (each with its kanata place after a tab); what cannot be converted is noted.</summary>
    public List<string> Lines(Action<SExpression, string> note, List<string> leftOut)
    {
        var lines = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (form, name, keys) in _sequences)
        {
            if (!_virtualKeys.TryGetValue(name.Text, out var definition))
            {
                note(form, $"kanata's (defseq {name.Text} …) taps a virtual key no defvirtualkeys defines");
                continue;
            }
            used.Add(name.Text);
            if (keys is not SList list || list.Items.Count == 0)
            {
                note(keys, "a defseq key list is a list of keys");
                continue;
            }
            var steps = Steps(list, note);
            if (steps is null) continue;
            int mark = context.Notes.Mark;
            var action = actions.Convert(definition);
            if (action is null)
            {
                leftOut.AddRange(context.Notes.CommentsSince(mark));
                leftOut.AddRange(TomlText.Comment($"(defseq {name.Text} {keys}) → {definition}"));
                continue;
            }
            lines.Add($"{TomlText.String(steps)} = {action}\t{keys.Line}:{keys.Column}");
        }
        foreach (var (name, definition) in _virtualKeys)
            if (!used.Contains(name))
                note(definition, $"virtual key '{name}' is converted only as what a defseq taps; (on-press …) and other uses of virtual keys have no Remapper equivalent yet");
        return lines;
    }

    private static string? Steps(SList list, Action<SExpression, string> note)
    {
        var steps = new List<string>();
        var items = list.Items;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is SAtom prefix && prefix.Text.EndsWith('-') && i + 1 < items.Count && items[i + 1] is SList group)
            {
                var inner = new List<string>();
                foreach (var k in group.Items)
                    if (k is SAtom a && Key(a.Text) is { } n) inner.Add(n);
                    else { note(k, $"'{k}' is not a key a sequence can hold"); return null; }
                i++;
                if (prefix.Text == "O-")
                {
                    if (inner.Count is < 2 or > 6) { note(group, "O-(…) holds 2 to 6 keys"); return null; }
                    steps.Add($"({string.Join(" ", inner)})");
                    continue;
                }
                var modifiers = KanataKeys.Chord(prefix.Text + "a");
                if (modifiers is null || !modifiers.EndsWith("+a", StringComparison.Ordinal)) { note(prefix, $"'{prefix.Text}(…)' is not a chord a sequence can hold"); return null; }
                steps.Add($"{modifiers[..^2]}+({string.Join(" ", inner)})");
                continue;
            }
            if (items[i] is SAtom atom && (Key(atom.Text) ?? KanataKeys.Chord(atom.Text)) is { } chord)
            {
                steps.Add(chord);
                continue;
            }
            note(items[i], $"'{items[i]}' is not a key a sequence can hold");
            return null;
        }
        return string.Join(" ", steps);
    }

    private static string? Key(string text) =>
        text.Length == 4 && text.StartsWith("nop", StringComparison.Ordinal) && char.IsAsciiDigit(text[3]) ? text : KanataKeys.Key(text);
}
