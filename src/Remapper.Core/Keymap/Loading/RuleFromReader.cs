using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A rule's <c>from</c>: <c>"ctrl+h"</c> (modifiers before the key are mandatory) or
/// <c>{ key, modifiers = { mandatory, optional } }</c> → <see cref="RuleFrom"/> with modifier masks.
/// </summary>
internal sealed class RuleFromReader(ValueReader values)
{
    private static readonly string[] FromKeys = ["key", "key_code", "modifiers"];
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
        var mandatory = new List<byte>();
        byte optional = 0;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "key":
                case "key_code": // Karabiner's spelling; people paste rules from there
                    if (values.String(entry.Value) is not { } s) ok = false;
                    else if (ModifierWords.TryParseKey(s.Value.Trim(), out var usage)) key = usage;
                    else
                    {
                        Diagnostics.Error(s.Location, $"unknown key '{MessageText.Short(s.Value)}'", () => KeyNameSuggestions.For(s.Value.Trim()));
                        ok = false;
                    }
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
        if (table.Find("key") is null && table.Find("key_code") is null)
        {
            if (ValueReader.AllKnown(table, FromKeys))
                Diagnostics.Error(table.Location, "this from has no 'key'", "e.g. from = { key = \"h\", modifiers = { mandatory = [\"control\"] } }");
            return null;
        }
        return ok && key is { } k ? new RuleFrom(k, mandatory, optional) : null;
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
