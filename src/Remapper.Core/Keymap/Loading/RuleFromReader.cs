using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A rule's <c>from</c>: <c>"ctrl+h"</c> (modifiers before the key are mandatory) or
/// <c>{ key, modifiers = { mandatory, optional } }</c> → <see cref="RuleFrom"/> with modifier masks.
/// </summary>
internal sealed class RuleFromReader(ValueReader values, ToEventReader? toEvents = null)
{
    private static readonly string[] OptionKeys =
        ["detect_key_down_uninterruptedly", "key_down_order", "key_up_order", "key_up_when", "to_after_key_up"];

    private static readonly string[] FromKeys = ["key", "key_code", "consumer_key_code", "any", "modifiers", "simultaneous", "simultaneous_options"];
    private static readonly string[] ModifierKeys = ["mandatory", "optional"];

    private DiagnosticBag Diagnostics => values.Diagnostics;

    public RuleFrom? Read(TomlNode node)
    {
        switch (node)
        {
            case TomlString s:
                return ReadFromString(s);
            case TomlTable t:
                return ReadFromTable(t);
            default:
                Diagnostics.WrongType(node, "a string or a table");
                return null;
        }
    }

    private RuleFrom? ReadFromString(TomlString s)
    {
        var parts = s.Value.Split('+');
        if (parts.Length > ActionParser.MaxChordKeys)
        {
            Diagnostics.Error(s.Location, $"a rule's from can have at most {ActionParser.MaxChordKeys - 1} modifiers and a key");
            return null;
        }
        var mandatory = new List<byte>();
        var offset = 0;
        var ok = true;
        Usage key = default;
        for (var i = 0; i < parts.Length; i++)
        {
            var raw = parts[i];
            var part = raw.Trim();
            var at = s.LocationOf(offset + (raw.Length - raw.TrimStart().Length));
            offset += raw.Length + 1;
            if (part.Length == 0)
            {
                Diagnostics.Error(s.Location, $"'{MessageText.Short(s.Value)}' has an empty key name", "e.g. from = \"ctrl+h\"");
                return null;
            }
            if (i < parts.Length - 1)
            {
                if (ReadModifier(part, at, allowAny: false) is { } mask) mandatory.Add(mask);
                else ok = false;
            }
            else if (!ModifierWords.TryParseKey(part, out key))
            {
                Diagnostics.Error(at, $"unknown key '{MessageText.Short(part)}'", () => KeyNameSuggestions.For(part));
                ok = false;
            }
        }
        // The short form never names caps lock, so caps lock being on does not stop it (in a from table, as in
        // Karabiner, it does unless optional lists caps_lock or any).
        return ok ? new RuleFrom(key, mandatory, 0, OptionalCapsLock: true) : null;
    }

    private RuleFrom? ReadFromTable(TomlTable table)
    {
        Usage? key = null;
        ushort anyPage = 0;
        var mandatory = new List<byte>();
        byte optional = 0;
        bool mandatoryCaps = false, optionalCaps = false;
        List<Usage>? simultaneous = null;
        SimultaneousOptions? options = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "key":
                case "key_code": // Karabiner's spelling; people paste rules from there
                case "consumer_key_code":
                    if (entry.Value is TomlInteger)
                    {
                        Diagnostics.Error(entry.Value.Location, $"{entry.Key.Value} takes a key name here, not a number", "run 'remapper keys' for the names");
                        ok = false;
                    }
                    else if (values.String(entry.Value) is not { } s) ok = false;
                    else if (ModifierWords.TryParseKey(s.Value.Trim(), out var usage))
                    {
                        if (entry.Key.Value == "consumer_key_code" && usage.Page != UsagePages.Consumer)
                        {
                            Diagnostics.Error(s.Location, $"'{MessageText.Short(s.Value)}' is a keyboard key, not a consumer key", "write it as key_code");
                            ok = false;
                        }
                        else key = usage;
                    }
                    else
                    {
                        Diagnostics.Error(s.Location, $"unknown key '{MessageText.Short(s.Value)}'", () => KeyNameSuggestions.For(s.Value.Trim()));
                        ok = false;
                    }
                    break;
                case "any":
                    if (values.String(entry.Value) is not { } any) ok = false;
                    else if (any.Value == "key_code") anyPage = UsagePages.Keyboard;
                    else if (any.Value == "consumer_key_code") anyPage = UsagePages.Consumer;
                    else
                    {
                        Diagnostics.Error(any.Location, $"not supported: from.any = \"{MessageText.Short(any.Value)}\"",
                            "a keymap can match any = \"key_code\" or any = \"consumer_key_code\"");
                        ok = false;
                    }
                    break;
                case "simultaneous":
                    simultaneous = ReadSimultaneous(entry.Value);
                    ok &= simultaneous is not null;
                    break;
                case "simultaneous_options":
                    options = ReadOptions(entry.Value);
                    ok &= options is not null;
                    break;
                case "modifiers":
                    if (values.Table(entry.Value) is not { } modifiers) { ok = false; break; }
                    foreach (var m in modifiers.Entries)
                    {
                        var isMandatory = m.Key.Value == "mandatory";
                        if (!isMandatory && m.Key.Value != "optional")
                        {
                            values.UnknownKey(m, "in from.modifiers", ModifierKeys);
                            ok = false;
                            continue;
                        }
                        foreach (var name in values.StringOrStrings(m.Value))
                        {
                            if (name.Value.Trim() == "caps_lock")
                            {
                                if (isMandatory) mandatoryCaps = true;
                                else optionalCaps = true;
                                continue;
                            }
                            var mask = ReadModifier(name.Value.Trim(), name.Location, allowAny: !isMandatory);
                            if (mask is null) ok = false;
                            else if (isMandatory) mandatory.Add(mask.Value);
                            else optional |= mask.Value;
                        }
                    }
                    break;
                default:
                    values.UnknownKey(entry, "in a rule's from", FromKeys);
                    ok = false;
                    break;
            }
        }
        int keyFields = (table.Find("key") is null ? 0 : 1) + (table.Find("key_code") is null ? 0 : 1)
            + (table.Find("consumer_key_code") is null ? 0 : 1) + (table.Find("any") is null ? 0 : 1)
            + (table.Find("simultaneous") is null ? 0 : 1);
        if (options is not null && table.Find("simultaneous") is null)
        {
            Diagnostics.Error(table.Location, "simultaneous_options without simultaneous", "add simultaneous = [{ key_code = \"j\" }, { key_code = \"k\" }]");
            return null;
        }
        if (keyFields == 0)
        {
            if (ValueReader.AllKnown(table, FromKeys) && table.Find("simultaneous") is null)
                Diagnostics.Error(table.Location, "this from has no 'key_code'", "e.g. from = { key_code = \"h\", modifiers = { mandatory = [\"control\"] } }");
            return null;
        }
        if (keyFields > 1)
        {
            Diagnostics.Error(table.Location, "a from names one key: key_code, consumer_key_code or any");
            return null;
        }
        if (!ok) return null;
        if (simultaneous is not null)
            return new RuleFrom(simultaneous[0], mandatory, optional, 0, mandatoryCaps, optionalCaps, simultaneous, options ?? SimultaneousOptions.Default);
        if (anyPage != 0) return new RuleFrom(default, mandatory, optional, anyPage, mandatoryCaps, optionalCaps);
        return key is { } k ? new RuleFrom(k, mandatory, optional, 0, mandatoryCaps, optionalCaps) : null;
    }

    private List<Usage>? ReadSimultaneous(TomlNode node)
    {
        if (node is not TomlArray array)
        {
            Diagnostics.WrongType(node, "an array of keys, e.g. [{ key_code = \"j\" }, { key_code = \"k\" }]");
            return null;
        }
        var keys = new List<Usage>();
        var ok = true;
        foreach (var item in array.Items)
        {
            TomlString? name = item switch
            {
                TomlString s => s,
                TomlTable t when t.Entries.Count == 1 && t.Entries[0].Key.Value is "key_code" or "consumer_key_code" => values.String(t.Entries[0].Value),
                _ => null,
            };
            if (name is null)
            {
                if (item is not TomlString) Diagnostics.Error(item.Location, "each simultaneous key is { key_code = \"...\" }");
                ok = false;
                continue;
            }
            if (!ModifierWords.TryParseKey(name.Value.Trim(), out var usage))
            {
                Diagnostics.Error(name.Location, $"unknown key '{MessageText.Short(name.Value)}'", () => KeyNameSuggestions.For(name.Value.Trim()));
                ok = false;
            }
            else if (keys.Contains(usage))
            {
                Diagnostics.Error(name.Location, $"'{MessageText.Short(name.Value)}' appears twice in simultaneous");
                ok = false;
            }
            else keys.Add(usage);
        }
        if (ok && keys.Count is < 2 or > 8)
        {
            Diagnostics.Error(array.Location, $"simultaneous takes 2 to 8 keys, got {keys.Count}");
            return null;
        }
        return ok ? keys : null;
    }

    private SimultaneousOptions? ReadOptions(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        var options = SimultaneousOptions.Default;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "detect_key_down_uninterruptedly":
                    if (values.Boolean(entry.Value) is not { } uninterrupted) ok = false;
                    else if (uninterrupted)
                    {
                        Diagnostics.Error(entry.Value.Location, "not supported yet: detect_key_down_uninterruptedly = true",
                            "another key pressed while the keys are waiting ends the wait");
                        ok = false;
                    }
                    break;
                case "key_down_order":
                    if (ReadOrder(entry.Value) is { } order) options = options with { KeyDownOrder = order };
                    else ok = false;
                    break;
                case "key_up_order":
                    // Read and accepted: it only decides anything when the keys are let go again within the
                    // threshold, before the rule fired; here the rule fires as soon as every key is down.
                    ok &= ReadOrder(entry.Value) is not null;
                    break;
                case "key_up_when":
                    if (values.String(entry.Value) is not { } when) ok = false;
                    else if (when.Value is "any" or "all") options = options with { KeyUpWhenAll = when.Value == "all" };
                    else
                    {
                        Diagnostics.Error(when.Location, $"unknown key_up_when '{MessageText.Short(when.Value)}'", "it is \"any\" or \"all\"");
                        ok = false;
                    }
                    break;
                case "to_after_key_up":
                    if (toEvents?.ReadList(entry.Value, ActionPlace.RuleTapped) is { } after) options = options with { ToAfterKeyUp = after };
                    else ok = false;
                    break;
                default:
                    values.UnknownKey(entry, "in simultaneous_options", OptionKeys);
                    ok = false;
                    break;
            }
        }
        return ok ? options : null;
    }

    private KeyOrder? ReadOrder(TomlNode node)
    {
        if (values.String(node) is not { } s) return null;
        KeyOrder? order = s.Value switch
        {
            "insensitive" => KeyOrder.Insensitive,
            "strict" => KeyOrder.Strict,
            "strict_inverse" => KeyOrder.StrictInverse,
            _ => null,
        };
        if (order is null)
            Diagnostics.Error(s.Location, $"unknown key order '{MessageText.Short(s.Value)}'", "it is \"insensitive\", \"strict\" or \"strict_inverse\"");
        return order;
    }

    private byte? ReadModifier(string name, SourceLocation at, bool allowAny)
    {
        if (name.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            if (allowAny) return 0xFF;
            Diagnostics.Error(at, "'any' only makes sense among optional modifiers");
            return null;
        }
        if (ModifierWords.TryParseMask(name, out var mask)) return mask;
        if (ModifierWords.TryParseKey(name, out _))
            Diagnostics.Error(at, $"'{MessageText.Short(name)}' is not a modifier",
                "modifiers are control, shift, option, command (either side) or left_/right_ versions of them");
        else
            Diagnostics.Error(at, $"unknown modifier '{MessageText.Short(name)}'",
                () => Suggestions.DidYouMean(name, ModifierWords.Words.Concat(["left_control", "right_control", "left_shift", "right_shift",
                    "left_option", "right_option", "left_command", "right_command"])));
        return null;
    }
}
