using System.Globalization;
using System.Text;
using Remapper.Core.Import.Karabiner;

namespace Remapper.Core.Import.Keyd;

/// <summary>
/// One keyd action (the text right of <c>=</c>) → a keymap action. keyd's grammar: a key name, a key with
/// modifier prefixes (<c>C-S-x</c>), or <c>function(arguments)</c>. docs/import.md lists what each becomes;
/// anything Remapper cannot express yet fails with the reason, and the caller keeps the line as a comment.
/// </summary>
internal sealed class KeydActionConverter(IReadOnlyDictionary<string, KeydLayerInfo> layers, int? overloadTapTimeoutMs)
{
    /// <summary>The longest timeout a keymap allows (keyd's overloadt()/lettermod() terms).</summary>
    private const int UntimedTermMs = 10000;

    public KeydAction Convert(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return KeydAction.Fail("an empty action");
        var open = text.IndexOf('(');
        if (open > 0 && text.EndsWith(')') && text[..open].All(char.IsAsciiLetterOrDigit))
            return Function(text[..open], text[(open + 1)..^1]);
        if (text == "noop") return KeydAction.Of(KeydActionKind.Nothing, "\"none\"");
        var keys = KeySequence(text);
        return keys is null
            ? KeydAction.Fail(IsUnicode(text)
                ? $"'{text}' types a Unicode character (keyd sends it through XCompose); the import does not convert it: write 'unicode(\"{text}\")' instead"
                : $"'{text}' is not a keyd key name or key sequence Remapper knows")
            : KeydAction.Of(KeydActionKind.Key, TomlText.String(string.Join("+", keys)));
    }

    /// <summary><c>C-S-x</c> → left_shift, left_control, x (keyd's modifier order); a bare key name → that key.</summary>
    public static List<string>? KeySequence(string text)
    {
        var modifiers = new HashSet<char>();
        var i = 0;
        while (i + 2 < text.Length && text[i + 1] == '-' && KeydNames.ModifierLetterKey(text[i]) is not null)
        {
            modifiers.Add(text[i]);
            i += 2;
        }
        var key = KeydNames.Output(text[i..]);
        if (key is null) return null;
        var result = new List<string>();
        foreach (var letter in KeydNames.ModifierOrder)
            if (modifiers.Contains(letter)) result.Add(KeydNames.ModifierLetterKey(letter)!);
        foreach (var k in key)
            if (!result.Contains(k)) result.Add(k);
        return result;
    }

    private KeydAction Function(string name, string arguments)
    {
        var args = SplitArguments(arguments);
        switch (name)
        {
            case "layer":
                return One(name, args, out var layer) ?? LayerTarget(layer, LayerUse.Hold);
            case "toggle":
                return One(name, args, out var toggled) ?? LayerTarget(toggled, LayerUse.Toggle);
            case "oneshot":
                return One(name, args, out var oneshot) ?? LayerTarget(oneshot, LayerUse.OneShot);
            case "swap":
                return One(name, args, out var swapped) ?? LayerTarget(swapped, LayerUse.Swap);
            case "togglem":
            case "toggle2":
                return LayerWithMacro(name, args);
            case "swapm":
            case "swap2":
                return LayerAndMacro(name, args, LayerUse.Swap, layerFirst: true);
            case "layerm":
                return LayerAndMacro(name, args, LayerUse.Hold, layerFirst: false);
            case "oneshotm":
                return LayerAndMacro(name, args, LayerUse.OneShot, layerFirst: false);
            case "oneshotk":
                return LayerAndKey(name, args);
            case "clear":
                return args.Count == 0 ? KeydAction.Of(KeydActionKind.LayerTap, "\"clear()\"") : Arity(name, 0, args.Count);
            case "overload":
                if (args.Count != 2) return Arity(name, 2, args.Count);
                return Overload(args[0], args[1], "overload", overloadTapTimeoutMs, null);
            case "overloadt":
            case "overload2":
                if (args.Count != 3) return Arity(name, 3, args.Count);
                return Milliseconds(args[2], out var t) is { } bad ? bad : Overload(args[0], args[1], "hold_on_timeout", t, null, OverloadtFields);
            case "overloadt2":
            case "overload3":
                if (args.Count != 3) return Arity(name, 3, args.Count);
                return Milliseconds(args[2], out var t2) is { } bad2 ? bad2 : Overload(args[0], args[1], "permissive_hold", t2, null, Overloadt2Fields);
            case "lettermod":
                // overloadi(key, overloadt2(layer, key, hold), idle): typed within idle of the previous key, the key at once
                if (args.Count != 4) return Arity(name, 4, args.Count);
                if (Milliseconds(args[2], out var idle) is { } bad4) return bad4;
                if (Milliseconds(args[3], out var hold) is { } bad3) return bad3;
                return Overload(args[0], args[1], "permissive_hold", hold, null,
                    [.. Overloadt2Fields, $"require_prior_idle_ms = {idle.ToString(CultureInfo.InvariantCulture)}"]);
            case "macro":
                return Macro(Unescape(arguments));
            case "timeout":
                return Timeout(args);
            case "repeat":
                return args.Count == 0 ? KeydAction.Of(KeydActionKind.Key, "\"repeat\"") : Arity(name, 0, args.Count);
            case "command":
                return KeydAction.Fail("command() runs a shell command; nothing in a Remapper keymap does");
            default:
                return KeydAction.Fail($"keyd's {name}() has no Remapper equivalent yet");
        }
    }

    private enum LayerUse { Hold, Toggle, OneShot, Swap }

    /// <summary>
    /// A layer as layer()/toggle()/oneshot() uses it: a layer with modifiers holds them (<c>layer(nav, left_control)</c>);
    /// a modifier-only layer is its modifiers (held, one-shot or toggled).
    /// </summary>
    private KeydAction LayerTarget(string name, LayerUse use)
    {
        if (!layers.TryGetValue(name, out var layer)) return KeydAction.Fail($"unknown layer '{name}'");
        var function = use switch { LayerUse.Hold => "layer", LayerUse.Toggle => "toggle", LayerUse.Swap => "swap", _ => "oneshot" };
        var kind = use == LayerUse.Hold ? KeydActionKind.Layer : KeydActionKind.LayerTap;
        var modifiers = ModifierWords(layer.Modifiers);
        if (layer.IsModifierOnly)
        {
            if (layer.Modifiers.Length == 0) return KeydAction.Of(KeydActionKind.Nothing, "\"none\"");
            return use == LayerUse.Hold
                ? KeydAction.Of(KeydActionKind.Key, TomlText.String(modifiers))
                : KeydAction.Of(kind, TomlText.String($"{function}({modifiers})"));
        }
        return KeydAction.Of(kind, TomlText.String(layer.Modifiers.Length == 0 ? $"{function}({name})" : $"{function}({name}, {modifiers})"));
    }

    /// <summary>togglem(L, macro): the macro, then the toggle (keyd's order), as a sequence (whose steps may be toggle()).</summary>
    private KeydAction LayerWithMacro(string name, List<string> args)
    {
        if (args.Count != 2) return Arity(name, 2, args.Count);
        var layer = LayerTarget(args[0].Trim(), LayerUse.Toggle);
        if (layer.Failed) return layer;
        var body = args[1].Trim();
        if (body.StartsWith("macro(", StringComparison.Ordinal) && body.EndsWith(')')) body = Unescape(body[6..^1]);
        var macro = Macro(body);
        if (macro.Failed) return macro;
        var steps = macro.Toml[1..^1];
        var toml = $"[{steps}, {layer.Toml}]";
        return new KeydAction(KeydActionKind.Sequence, toml, [.. layer.Notes, .. macro.Notes], null);
    }

    /// <summary>
    /// layerm(L, macro), oneshotm(L, macro): the macro typed, then the layer held or one-shot (keyd's order); swapm(L,
    /// macro): the swap, its layer's modifiers, then the macro. Each is a multi of the two, held while the key is.
    /// </summary>
    private KeydAction LayerAndMacro(string name, List<string> args, LayerUse use, bool layerFirst)
    {
        if (args.Count != 2) return Arity(name, 2, args.Count);
        var layer = LayerTarget(args[0].Trim(), use);
        if (layer.Failed) return layer;
        var body = args[1].Trim();
        if (body.StartsWith("macro(", StringComparison.Ordinal) && body.EndsWith(')')) body = Unescape(body[6..^1]);
        var macro = Macro(body);
        if (macro.Failed) return macro;
        List<string> items = layer.Kind == KeydActionKind.Nothing ? [macro.Toml]
            : layerFirst ? [layer.Toml, macro.Toml] : [macro.Toml, layer.Toml];
        return new KeydAction(KeydActionKind.Multi, TomlText.Table([$"multi = {TomlText.Array(items)}"]), [.. layer.Notes, .. macro.Notes], null);
    }

    /// <summary>oneshotk(L, key): the key pressed and held while this one is, with L one-shot from that press on.</summary>
    private KeydAction LayerAndKey(string name, List<string> args)
    {
        if (args.Count != 2) return Arity(name, 2, args.Count);
        var layer = LayerTarget(args[0].Trim(), LayerUse.OneShot);
        if (layer.Failed) return layer;
        var key = Convert(args[1]);
        if (key.Failed) return key;
        if (key.Kind is not (KeydActionKind.Key or KeydActionKind.Sequence or KeydActionKind.Nothing))
            return KeydAction.Fail($"oneshotk()'s second argument '{args[1].Trim()}' must be a key");
        List<string> items = layer.Kind == KeydActionKind.Nothing ? [key.Toml] : [key.Toml, layer.Toml];
        return new KeydAction(KeydActionKind.Multi, TomlText.Table([$"multi = {TomlText.Array(items)}"]), [.. layer.Notes, .. key.Notes], null);
    }

    /// <summary>
    /// overloadt(): only its own release (tap) or the term (hold) decides; keys pressed meanwhile wait and are replayed
    /// under the tap, as keyd flushes them; a term that ran out while it waited behind another overloadt() is seen at
    /// the next key event, as keyd sees it; keyd has no quick-tap repeat.
    /// </summary>
    private static readonly string[] OverloadtFields = ["quick_tap_ms = 0", "replay = \"under_tap\"", "expired_term = \"next_event\""];

    /// <summary>overloadt2(): a key tapped within it decides hold; released first, the tap goes down before the waiting keys (keyd's order).</summary>
    private static readonly string[] Overloadt2Fields = ["quick_tap_ms = 0", "replay = \"under_tap\""];

    private KeydAction Overload(string layerName, string tapText, string mode, int? termMs, string? note, string[]? extra = null)
    {
        var hold = LayerTarget(layerName.Trim(), LayerUse.Hold);
        if (hold.Failed) return hold;
        if (hold.Kind is not (KeydActionKind.Key or KeydActionKind.Layer))
            return KeydAction.Fail($"an overload() whose layer '{layerName.Trim()}' holds nothing");
        var tap = Convert(tapText);
        if (tap.Failed) return tap;
        if (tap.Kind is not (KeydActionKind.Key or KeydActionKind.Sequence or KeydActionKind.LayerTap or KeydActionKind.Nothing or KeydActionKind.Timeout))
            return KeydAction.Fail($"'{tapText.Trim()}' cannot be the tap of a tap-hold key");
        List<string> fields = [$"tap = {tap.Toml}", $"hold = {hold.Toml}", $"mode = {TomlText.String(mode)}"];
        // overload() without overload_tap_timeout taps however long it was held: no term.
        if (termMs is { } term) fields.Add($"term_ms = {term.ToString(CultureInfo.InvariantCulture)}");
        if (extra is not null) fields.AddRange(extra);
        var table = TomlText.Table(fields);
        var notes = hold.Notes.Concat(tap.Notes).ToList();
        if (note is not null) notes.Add(note);
        return new KeydAction(KeydActionKind.TapHold, table, notes, null);
    }

    /// <summary>
    /// timeout(a, ms, b) → <c>{ timeout_ms = ms, before = a, after = b }</c> (keyd's semantics exactly). Either action may
    /// be anything a key takes except a tap-hold that waits: overload() is fine (it never waits), overloadt() is not.
    /// </summary>
    private KeydAction Timeout(List<string> args)
    {
        if (args.Count != 3) return Arity("timeout", 3, args.Count);
        if (Milliseconds(args[1], out var ms) is { } bad) return bad;
        var steps = new KeydAction[2];
        for (int i = 0; i < 2; i++)
        {
            var text = args[i * 2].Trim();
            var step = Convert(text);
            if (step.Failed) return step;
            if (step.Kind == KeydActionKind.TapHold && !text.StartsWith("overload(", StringComparison.Ordinal))
                return KeydAction.Fail($"'{text}' in a timeout(): a tap-hold that waits for its decision can't be chosen by a timeout in Remapper");
            if (step.Kind == KeydActionKind.None) return KeydAction.Fail($"'{text}' cannot be chosen by a timeout()");
            steps[i] = step;
        }
        var table = TomlText.Table([$"timeout_ms = {ms.ToString(CultureInfo.InvariantCulture)}", $"before = {steps[0].Toml}", $"after = {steps[1].Toml}"]);
        return new KeydAction(KeydActionKind.Timeout, table, [.. steps[0].Notes, .. steps[1].Notes], null);
    }

    /// <summary>
    /// keyd's macro(): space-separated tokens, each a key sequence (<c>C-h</c>), keys pressed together
    /// (<c>o+n</c>), a delay (<c>100ms</c>) or text typed as it reads (<c>one</c>) → a sequence of steps.
    /// </summary>
    private static KeydAction Macro(string body)
    {
        var steps = new List<string>();
        foreach (var token in body.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.EndsWith("ms", StringComparison.Ordinal) && token[..^2].All(char.IsAsciiDigit) && token.Length > 2)
                return KeydAction.Fail($"the macro waits {token}; a Remapper sequence has no delays yet");
            var together = token.Contains('+') && token.Length > 1 ? token.Split('+') : [token];
            if (together.All(part => part.Length > 0 && KeySequence(part) is not null))
            {
                var chord = new List<string>();
                foreach (var part in together)
                    foreach (var key in KeySequence(part)!)
                        if (!chord.Contains(key)) chord.Add(key);
                // keyd lets keys held together (o+n, leftcontrol+1) go in the order it pressed them; a key sequence
                // (C-h) the key first, then its modifiers: the keymap's chord_release_order.
                steps.Add(TomlText.String(together.Length > 1 && chord.Count > 1 ? $"chord({string.Join("+", chord)}, release=pressed)" : string.Join("+", chord)));
                continue;
            }
            foreach (var rune in token.EnumerateRunes())
            {
                var keys = KeydNames.Output(rune.ToString());
                if (keys is null)
                    return KeydAction.Fail(rune.Value > 127
                        ? $"the macro types '{rune}', a Unicode character, which a sequence step cannot: write it as 'macro(…)' with a unicode(\"{rune}\") step instead"
                        : $"the macro token '{token}' is not a key Remapper knows");
                steps.Add(TomlText.String(string.Join("+", keys)));
            }
        }
        if (steps.Count == 0) return KeydAction.Fail("an empty macro()");
        return KeydAction.Of(KeydActionKind.Sequence, TomlText.Array(steps));
    }

    /// <summary>keyd unescapes a macro()'s body first: <c>\\</c>, <c>\(</c> and <c>\)</c> are that character.</summary>
    private static string Unescape(string body)
    {
        if (!body.Contains('\\')) return body;
        var result = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] is '\\' or '(' or ')') i++;
            result.Append(body[i]);
        }
        return result.ToString();
    }

    private static KeydAction? One(string name, List<string> args, out string argument)
    {
        argument = args.Count == 1 ? args[0].Trim() : "";
        return args.Count == 1 && argument.Length > 0 ? null : Arity(name, 1, args.Count);
    }

    private static KeydAction Arity(string name, int wanted, int got) =>
        KeydAction.Fail($"{name}() takes {wanted} argument(s), got {got}");

    private static KeydAction? Milliseconds(string text, out int ms)
    {
        var ok = int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ms) && ms is >= 1 and <= UntimedTermMs;
        return ok ? null : KeydAction.Fail($"'{text.Trim()}' is not a timeout Remapper takes (1–{UntimedTermMs} ms)");
    }

    /// <summary>Splits at commas outside parentheses (keyd nests actions: overload(control, macro(a, b))).</summary>
    public static List<string> SplitArguments(string text)
    {
        var parts = new List<string>();
        if (text.Trim().Length == 0) return parts;
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            if (c == ',' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }

    public static List<string> ModifierKeys(string letters) =>
        KeydNames.ModifierOrder.Where(letters.Contains).Select(l => KeydNames.ModifierLetterKey(l)!).ToList();

    private static string ModifierWords(string letters) =>
        string.Join("+", ModifierKeys(letters));

    private static bool IsUnicode(string text) => text.Any(c => c > 127);
}
