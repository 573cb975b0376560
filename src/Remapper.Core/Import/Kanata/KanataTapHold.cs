using System.Globalization;
using Remapper.Core.Import.Karabiner;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// kanata's tap-hold family → a tap-hold table that behaves the same: each variant is a mode plus options
/// (docs/import.md has the table). kanata replays the keys that waited with the tap still down, so every
/// imported tap-hold sets <c>replay = "under_tap"</c>.
/// </summary>
internal sealed class KanataTapHold(KanataContext context, KanataActions actions)
{
    private readonly List<string> _entries = [];

    public string? Convert(SList list)
    {
        var head = list.Head!;
        var args = list.Items.Skip(1).ToList();
        bool handed = head is "tap-hold-opposite-hand" or "tap-hold-opposite-hand-release";
        int fixedCount = handed ? 3 : 4;
        if (args.Count < fixedCount) return actions.Fail(list, $"{head} needs at least {fixedCount} parameters");

        int repress = 0, term;
        if (handed)
        {
            if (Number(args[0]) is not { } t) return actions.Fail(args[0], "expected a timeout in milliseconds");
            term = t;
        }
        else
        {
            if (Number(args[0]) is not { } r) return actions.Fail(args[0], "expected the tap-repress timeout in milliseconds");
            if (Number(args[1]) is not { } t) return actions.Fail(args[1], "expected the hold timeout in milliseconds");
            repress = r;
            term = t;
        }
        var tapNode = args[fixedCount - 2];
        var holdNode = args[fixedCount - 1];
        if (actions.Convert(tapNode) is not { } tap || actions.Convert(holdNode) is not { } hold) return null;
        _entries.Add(TomlText.Entry("tap", tap));
        _entries.Add(TomlText.Entry("hold", hold));
        var rest = args.Skip(fixedCount).ToList();
        string? timeout = null;
        int? priorIdle = context.PriorIdleMs;
        // (require-prior-idle N) may end any variant (it overrides defcfg's tap-hold-require-prior-idle).
        if (!handed && head != "tap-hold-keys" && rest.Count > 0 && rest[^1] is SList { Head: "require-prior-idle" } idle)
        {
            if (idle.Items.Count != 2 || Number(idle.Items[1]) is not { } ms) return actions.Fail(idle, "require-prior-idle takes milliseconds");
            priorIdle = ms;
            rest.RemoveAt(rest.Count - 1);
        }

        string mode;
        switch (head)
        {
            case "tap-hold":
                mode = "hold_on_timeout";
                if (rest.Count > 0) return actions.Fail(rest[0], "tap-hold takes four parameters");
                break;
            case "tap-hold-press":
            case "tap-hold-release":
                mode = head == "tap-hold-press" ? "hold_on_other_key_press" : "permissive_hold";
                if (rest.Count > 0) return actions.Fail(rest[0], $"{head} takes four parameters");
                break;
            case "tap-hold-press-timeout":
            case "tap-hold-release-timeout":
                mode = head == "tap-hold-press-timeout" ? "hold_on_other_key_press" : "permissive_hold";
                if (rest.Count == 0) return actions.Fail(list, $"{head} needs a timeout action");
                timeout = actions.Convert(rest[0]);
                if (timeout is null) return null;
                if (rest.Count > 1 && rest[1] is SAtom { Text: "reset-timeout-on-press" } && rest.Count == 2)
                    _entries.Add(TomlText.Entry("reset_term_on_press", TomlText.Bool(true)));
                else if (rest.Count > 1)
                    return actions.Fail(rest[1], $"unexpected parameter {rest[1]}");
                break;
            case "tap-hold-release-keys":
            case "tap-hold-except-keys":
            case "tap-hold-tap-keys":
                mode = head switch
                {
                    "tap-hold-release-keys" => "permissive_hold",
                    "tap-hold-except-keys" => "hold_on_other_key_press",
                    _ => "hold_on_timeout",
                };
                if (rest.Count != 1 || KeyList(rest[0]) is not { } tapKeys) return actions.Fail(list, $"{head} ends with one list of keys");
                if (tapKeys != "[]") _entries.Add(TomlText.Entry("tap_keys", tapKeys));
                break;
            case "tap-hold-release-tap-keys-release":
                mode = "permissive_hold";
                if (rest.Count != 2 || KeyList(rest[0]) is not { } onPress || KeyList(rest[1]) is not { } onRelease)
                    return actions.Fail(list, $"{head} ends with two lists of keys");
                if (onPress != "[]") _entries.Add(TomlText.Entry("tap_keys", onPress));
                if (onRelease != "[]") _entries.Add(TomlText.Entry("tap_release_keys", onRelease));
                break;
            case "tap-hold-order":
                // Decided by release order alone: permissive hold that never holds on time; $buffer-ms is the grace.
                mode = "permissive_hold";
                if (Number(args[1]) is { } buffer && buffer > 0) _entries.Add(TomlText.Entry("release_grace_ms", TomlText.Integer(Math.Min(buffer, 10_000))));
                term = 10_000;
                timeout = tap;
                foreach (var option in rest)
                    if (!KeysOption(option, ref priorIdle)) return null;
                break;
            case "tap-hold-keys":
                mode = "permissive_hold";
                foreach (var option in rest)
                    if (!KeysOption(option, ref priorIdle)) return null;
                break;
            case "tap-hold-opposite-hand":
            case "tap-hold-opposite-hand-release":
                mode = "hold_on_timeout";
                timeout = tap;
                bool anyHand = false;
                foreach (var option in rest)
                    if (!HandOption(option, hold, tap, ref timeout, ref priorIdle, ref repress, ref anyHand)) return null;
                if (!anyHand) _entries.Add(TomlText.Entry("same_hand", TomlText.String("tap")));
                if (head.EndsWith("-release", StringComparison.Ordinal)) _entries.Add(TomlText.Entry("hands_decide_on", TomlText.String("release")));
                break;
            default:
                return actions.Fail(list, $"kanata's '{head}' has no Remapper equivalent yet");
        }

        _entries.Add(TomlText.Entry("mode", TomlText.String(mode)));
        _entries.Add(TomlText.Entry("term_ms", TomlText.Integer(Math.Clamp(term, 1, 10_000))));
        if (repress > 0) _entries.Add(TomlText.Entry("quick_tap_ms", TomlText.Integer(Math.Min(repress, 10_000))));
        if (timeout is not null && timeout != hold) _entries.Add(TomlText.Entry("timeout", timeout));
        if (priorIdle is > 0) _entries.Add(TomlText.Entry("require_prior_idle_ms", TomlText.Integer(Math.Min(priorIdle.Value, 10_000))));
        _entries.Add(TomlText.Entry("replay", TomlText.String("under_tap")));
        return TomlText.Table(_entries);
    }

    /// <summary>tap-hold-keys' <c>(tap-on-press …)</c>, <c>(tap-on-press-release …)</c>, <c>(hold-on-press …)</c>, <c>(require-prior-idle N)</c>.</summary>
    private bool KeysOption(SExpression option, ref int? priorIdle)
    {
        if (option is not SList { Head: { } name } list) return actions.Fail(option, "expected an option list like (tap-on-press b)") is not null;
        if (name == "require-prior-idle")
        {
            if (list.Items.Count != 2 || Number(list.Items[1]) is not { } ms) return actions.Fail(list, "require-prior-idle takes milliseconds") is not null;
            priorIdle = ms;
            return true;
        }
        var key = name switch
        {
            "tap-on-press" => "tap_keys",
            "tap-on-press-release" => "tap_release_keys",
            "hold-on-press" => "hold_keys",
            _ => null,
        };
        if (key is null) return actions.Fail(list, $"tap-hold-keys option '{name}' has no Remapper equivalent") is not null;
        if (KeyList(new SList(list.Items.Skip(1).ToList(), list.Line, list.Column, list.EndLine, list.EndColumn)) is not { } keys) return false;
        _entries.Add(TomlText.Entry(key, keys));
        return true;
    }

    private bool HandOption(SExpression option, string hold, string tap, ref string? timeout, ref int? priorIdle, ref int repress, ref bool anyHand)
    {
        if (option is not SList { Head: { } name } list || list.Items.Count < 2)
            return actions.Fail(option, "expected an option list like (same-hand tap)") is not null;
        var value = list.Items[1] as SAtom;
        switch (name)
        {
            case "timeout":
                if (value?.Text is not ("tap" or "hold")) return actions.Fail(list, "(timeout …) is tap or hold") is not null;
                timeout = value.Text == "tap" ? tap : hold;
                return true;
            case "same-hand":
            case "unknown-hand":
            case "neutral":
                if (value?.Text is not ("tap" or "hold" or "ignore")) return actions.Fail(list, $"({name} …) is tap, hold or ignore") is not null;
                _entries.Add(TomlText.Entry(name.Replace('-', '_'), TomlText.String(value.Text)));
                if (name == "same-hand") anyHand = true;
                return true;
            case "neutral-keys":
                if (KeyList(new SList(list.Items.Skip(1).ToList(), list.Line, list.Column, list.EndLine, list.EndColumn)) is not { } keys) return false;
                _entries.Add(TomlText.Entry("neutral_keys", keys));
                return true;
            case "require-prior-idle":
                if (Number(list.Items[1]) is not { } ms) return actions.Fail(list, "require-prior-idle takes milliseconds") is not null;
                priorIdle = ms;
                return true;
            case "tap-repress-timeout":
                if (Number(list.Items[1]) is not { } rt) return actions.Fail(list, "tap-repress-timeout takes milliseconds") is not null;
                repress = rt;
                return true;
            default:
                return actions.Fail(list, $"tap-hold-opposite-hand option '{name}' has no Remapper equivalent") is not null;
        }
    }

    /// <summary>A list of keys, written out or as a <c>$variable</c> that defvar sets to one (a common way to name each hand's keys).</summary>
    private string? KeyList(SExpression node)
    {
        if (node is SAtom { Quoted: false, Text: ['$', ..] } v && context.Variables.TryGetValue(v.Text[1..], out var value)) node = value;
        if (node is not SList list) return null;
        var keys = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is SAtom a && KanataKeys.Key(a.Text) is { } key) keys.Add(TomlText.String(key));
            else
            {
                actions.Fail(item, $"'{item}' is not a key");
                return null;
            }
        }
        return TomlText.Array(keys);
    }

    /// <summary>A number, written out or as a <c>$variable</c> that defvar sets to one.</summary>
    private int? Number(SExpression node)
    {
        if (node is SAtom { Quoted: false, Text: ['$', ..] } v && context.Variables.TryGetValue(v.Text[1..], out var value)) node = value;
        return node is SAtom { Quoted: false } a && int.TryParse(a.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
