using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A rule's <c>from</c>: <c>"ctrl+h"</c> (modifiers before the key are mandatory) or
/// <c>{ key, modifiers = { mandatory, optional } }</c> → <see cref="RuleFrom"/> with modifier masks.
/// </summary>
internal sealed class RuleFromReader(ValueReader values)
{
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
        return ok ? new RuleFrom(key, mandatory, 0) : null;
    }

    private RuleFrom? ReadFromTable(TomlTable table)
    {
        Usage? key = null;
        ushort anyPage = 0;
        var mandatory = new List<byte>();
        byte optional = 0;
        bool mandatoryCaps = false, optionalCaps = false;
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
                case "simultaneous_options":
                    Diagnostics.Error(entry.Key.Location, $"not supported yet: from.{entry.Key.Value} in a [[rule]]",
                        "write the keys as a combo in [remap] instead, e.g. \"j+k\" = \"escape\"");
                    ok = false;
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
            + (table.Find("consumer_key_code") is null ? 0 : 1) + (table.Find("any") is null ? 0 : 1);
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
        if (mandatoryCaps)
        {
            Diagnostics.Error(table.Location, "not supported yet: caps_lock among from.modifiers.mandatory",
                "the engine does not know the caps lock state yet");
            return null;
        }
        _ = optionalCaps; // caps lock is never counted as held, so an optional caps_lock changes nothing
        if (!ok) return null;
        if (anyPage != 0) return new RuleFrom(default, mandatory, optional, anyPage);
        return key is { } k ? new RuleFrom(k, mandatory, optional) : null;
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
