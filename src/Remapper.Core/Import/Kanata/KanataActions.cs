using System.Globalization;
using Remapper.Core.Import.Karabiner;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// One kanata action → the TOML value of a Remapper binding (<c>"left_control+c"</c>, <c>"layer(nav)"</c>, an inline
/// tap-hold table …), or null after noting why it cannot be converted. Aliases and variables are expanded where
/// they are used. docs/import.md lists the mapping.
/// </summary>
internal sealed class KanataActions(KanataContext context)
{
    private const int MaxAliasDepth = 32;

    private static readonly HashSet<string> NoOps = new(StringComparer.Ordinal) { "XX", "✗", "∅", "•" };

    private readonly List<string> _expanding = [];

    /// <summary>The value for <paramref name="node"/>; <see cref="Transparent"/> for <c>_</c>.</summary>
    public string? Convert(SExpression node)
    {
        switch (node)
        {
            case SAtom atom:
                return Atom(atom);
            case SList list:
                return List(list);
            default:
                return null;
        }
    }

    public const string Transparent = "\"transparent\"";

    private string? Atom(SAtom atom)
    {
        var text = atom.Text;
        if (atom.Quoted) return Fail(atom, $"a string where an action was expected: \"{text}\"");
        if (text is "_" or "‗" or "≝") return Transparent;
        if (NoOps.Contains(text)) return "\"none\"";
        if (text.StartsWith('@') && text.Length > 1) return Alias(atom, text[1..]);
        if (text.StartsWith('$') && text.Length > 1)
        {
            if (context.Variables.TryGetValue(text[1..], out var value)) return Convert(value);
            return Fail(atom, $"no defvar defines {text}");
        }
        if (KanataSequences.Atom(text) is { } sequenceAtom) return sequenceAtom;
        if (KanataKeys.Chord(text) is { } chord) return TomlText.String(chord);
        if (MouseButton(text) is { } button) return TomlText.String(button);
        return Fail(atom, $"'{text}' is not a key or action Remapper knows");
    }

    private string? Alias(SAtom at, string name)
    {
        if (!context.Aliases.TryGetValue(name, out var definition)) return Fail(at, $"no defalias defines @{name}");
        if (_expanding.Contains(name) || _expanding.Count >= MaxAliasDepth) return Fail(at, $"@{name} refers to itself");
        _expanding.Add(name);
        try
        {
            return Convert(definition);
        }
        finally
        {
            _expanding.RemoveAt(_expanding.Count - 1);
        }
    }

    private string? List(SList list)
    {
        var head = list.Head;
        if (head is null) return Fail(list, "a list where an action was expected");
        switch (head)
        {
            case "layer-switch":
                return LayerName(list, 1) is { } to ? TomlText.String($"switch({to})") : null;
            case "layer-while-held":
            case "layer-toggle":
                return LayerName(list, 1) is { } held ? TomlText.String($"layer({held})") : null;
            case "one-shot":
            case "one-shot-press":
            case "one-shot-release":
            case "one-shot-press-pcancel":
            case "one-shot-release-pcancel":
                return OneShot(list);
            case "multi":
                return Multi(list);
            case "macro":
                return Macro(list);
            case var macroHead when KanataMacroVariants.Of(macroHead) is { } variant:
                return Macro(list, variant);
            case "unicode":
                return list.Items.Count == 2 && list.Items[1] is SAtom u
                    ? TomlText.String($"unicode({TomlText.String(u.Text)})")
                    : Fail(list, "unicode takes one character");
            case "caps-word" or "word⇪" or "caps-word-toggle" or "word⇪toggle":
            case "caps-word-custom" or "word⇪custom" or "caps-word-custom-toggle" or "word⇪custom-toggle":
                return new KanataCapsWord(context, this).Convert(list);
            case "tap-dance":
                return TapDance(list);
            case "mwheel-up" or "mwheel-down" or "mwheel-left" or "mwheel-right":
                return MouseMotion(list, "wheel", head["mwheel-".Length..]);
            case "movemouse-up" or "movemouse-down" or "movemouse-left" or "movemouse-right":
                return MouseMotion(list, "mouse", head["movemouse-".Length..]);
            case "movemouse-accel-up" or "movemouse-accel-down" or "movemouse-accel-left" or "movemouse-accel-right":
                return MouseMotion(list, "mouse", head["movemouse-accel-".Length..]);
            case "movemouse-speed":
                return list.Items.Count == 2 && list.Items[1] is SAtom percent
                    && int.TryParse(percent.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and <= 10_000
                    ? TomlText.String(string.Create(CultureInfo.InvariantCulture, $"mouse_speed({p / 100.0})"))
                    : Fail(list, "movemouse-speed takes a percentage");
            case "sequence":
                return KanataSequences.Leader(list, this);
            case "cmd":
            case "cmd-log":
            case "cmd-output-keys":
                return Fail(list, $"kanata's '{head}' runs a shell command, and nothing in a Remapper keymap does");
            default:
                if (head.StartsWith("tap-hold", StringComparison.Ordinal)) return new KanataTapHold(context, this).Convert(list);
                return Fail(list, $"kanata's '{head}' has no Remapper equivalent yet");
        }
    }

    /// <summary>kanata's mouse buttons: <c>mlft</c> … held while the key is, <c>mltp</c> … clicked.</summary>
    private static string? MouseButton(string name) => name switch
    {
        "mlft" or "mouseleft" => "button(left)",
        "mrgt" or "mouseright" => "button(right)",
        "mmid" or "mousemid" => "button(middle)",
        "mbck" or "mousebackward" => "button(back)",
        "mfwd" or "mouseforward" => "button(forward)",
        "mltp" or "mousetapleft" => "click(left)",
        "mrtp" or "mousetapright" => "click(right)",
        "mmtp" or "mousetapmid" => "click(middle)",
        "mbtp" or "mousetapbackward" => "click(back)",
        "mftp" or "mousetapforward" => "click(forward)",
        _ => null,
    };

    /// <summary>
    /// Wheel and pointer motion in one direction. kanata gives each action its own interval and distance (and
    /// acceleration); a Remapper keymap has one curve for all, in [settings.mouse], so those numbers are noted as not kept.
    /// </summary>
    private string MouseMotion(SList list, string function, string direction)
    {
        if (list.Items.Count > 1)
            context.Notes.Add($"{list.Items[1].Line}:{list.Items[1].Column}",
                $"{list.Head}'s interval and distance are not kept: Remapper's mouse keys share one speed curve, set in [settings.mouse]");
        return TomlText.String($"{function}({direction})");
    }

    private string? LayerName(SList list, int index)
    {
        if (list.Items.Count != index + 1 || list.Items[index] is not SAtom name)
            return Fail(list, $"{list.Head} takes one layer name");
        if (context.LayerName(name.Text) is { } mapped) return mapped;
        return Fail(name, $"no deflayer is called '{name.Text}'");
    }

    /// <summary>
    /// <c>(one-shot 500 lsft)</c> → <c>{ oneshot = "left_shift", timeout_ms = 500, end = "press" }</c>: kanata's one-shot and
    /// one-shot-press end right after the next key's press; one-shot-release keeps Remapper's end (the key event after it).
    /// </summary>
    private string? OneShot(SList list)
    {
        if (list.Items.Count != 3 || list.Items[2] is not { } what) return Fail(list, $"{list.Head} takes a timeout and an action");
        if (list.Items[1] is not SAtom t || !int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var timeout))
            return Fail(list.Items[1], $"{list.Head}'s timeout must be a number of milliseconds");
        string? target = null;
        if (what is SList { Head: "layer-while-held" or "layer-toggle" } layer && LayerName(layer, 1) is { } name)
            target = $"layer({name})";
        else if (what is SAtom key && KanataKeys.Chord(key.Text) is { } chord)
            target = chord; // keys that are not modifiers are held until the one-shot ends (it always has a timeout here)
        if (target is null) return Fail(what, "a one-shot of this action (only keys, chords or a layer) has no Remapper equivalent");
        List<string> fields = [TomlText.Entry("oneshot", TomlText.String(target)), TomlText.Entry("timeout_ms", TomlText.Integer(Math.Clamp(timeout, 1, 60_000)))];
        if (list.Head is "one-shot" or "one-shot-press" or "one-shot-press-pcancel") fields.Add(TomlText.Entry("end", TomlText.String("press")));
        if (list.Head?.EndsWith("-pcancel", StringComparison.Ordinal) == true)
            context.Notes.Add($"{list.Line}:{list.Column}", $"{list.Head}'s cancel on re-pressing another one-shot key is not kept: pressed again, a Remapper one-shot key cancels only its own");
        return TomlText.Table(fields);
    }

    /// <summary>
    /// <c>(multi lctl lsft)</c>: keys held together are a chord (see <see cref="KanataMulti"/>); with other actions
    /// (<c>(multi a (one-shot 100 …))</c>) a <c>{ multi = [...] }</c>, every item pressed in order and held while the key is.
    /// </summary>
    private string? Multi(SList list)
    {
        var keys = new List<string>();
        var reverse = false;
        var allKeys = true;
        foreach (var item in list.Items.Skip(1))
        {
            if (item is SAtom { Text: "reverse-release-order", Quoted: false }) reverse = true;
            else if (item is SAtom a && KanataKeys.Chord(a.Text) is { } chord) keys.Add(chord);
            else allKeys = false;
        }
        if (list.Items.Count < 2 || (allKeys && keys.Count == 0)) return Fail(list, "an empty multi");
        if (allKeys) return KanataMulti.Chord(keys, reverse);
        var items = new List<string>();
        foreach (var item in list.Items.Skip(1))
        {
            if (item is SAtom { Text: "reverse-release-order", Quoted: false }) continue; // a multi table releases last first already
            if (item is SList inner && inner.Head is { } head && head.StartsWith("tap-hold", StringComparison.Ordinal))
                return Fail(item, "a tap-hold inside a multi has no Remapper equivalent");
            if (Convert(item) is not { } converted) return null;
            if (converted == Transparent) return Fail(item, "a transparent key inside a multi has no Remapper equivalent");
            items.Add(converted);
        }
        return TomlText.Table([TomlText.Entry("multi", TomlText.Array(items))]);
    }

    /// <summary><c>(macro a b 50 C-v)</c>: without delays a sequence of taps, with them <c>macro(...)</c>.</summary>
    private string? Macro(SList list, MacroVariant? variant = null)
    {
        var steps = new List<string>();
        var delays = false;
        foreach (var item in list.Items.Skip(1))
        {
            if (item is SAtom { Quoted: false } a && int.TryParse(a.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && a.Text.Length > 1)
            {
                steps.Add($"{ms}ms");
                delays = true;
            }
            else if (item is SAtom b && KanataKeys.Chord(b.Text) is { } chord) steps.Add(TomlText.String(chord));
            else return Fail(item, "only keys, chords and delays convert in a macro");
        }
        if (steps.Count == 0) return Fail(list, "an empty macro");
        if (variant is { IsPlain: false }) steps.AddRange(KanataMacroVariants.Options(variant, delays));
        return delays || variant is { IsPlain: false } ? TomlText.String($"macro({string.Join(", ", steps)})") : TomlText.Array(steps);
    }

    /// <summary><c>(tap-dance 200 (a C-c esc))</c> → <c>{ tap_dance = ["a", "ctrl+c", "escape"], term_ms = 200 }</c>.</summary>
    private string? TapDance(SList list)
    {
        if (list.Items.Count != 3 || list.Items[1] is not SAtom t || !int.TryParse(t.Text, out var term) || list.Items[2] is not SList actions)
            return Fail(list, "tap-dance takes a timeout and a list of actions");
        var steps = new List<string>();
        foreach (var action in actions.Items)
        {
            if (Convert(action) is not { } step) return null;
            steps.Add(step);
        }
        return TomlText.Table([TomlText.Entry("tap_dance", TomlText.Array(steps)), TomlText.Entry("term_ms", TomlText.Integer(Math.Max(1, term)))]);
    }

    public string? Fail(SExpression at, string message)
    {
        context.Notes.Add($"{at.Line}:{at.Column}", message);
        return null;
    }
}
