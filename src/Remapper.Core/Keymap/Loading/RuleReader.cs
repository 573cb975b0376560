using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary><c>[[rule]]</c> tables (Karabiner-style complex modifications) → <see cref="RuleModel"/>s.</summary>
internal sealed class RuleReader(ValueReader values, ActionParser actions)
{
    private static readonly string[] Known =
    [
        "description", "from", "to", "to_if_alone", "to_if_held_down", "to_after_key_up", "conditions",
        "alone_timeout_ms", "held_down_threshold_ms",
    ];
    private static readonly string[] FromKeys = ["key", "modifiers"];
    private static readonly string[] ModifierKeys = ["mandatory", "optional"];
    private static readonly string[] ConditionTypes = ["variable_if", "variable_unless", "device_if", "device_unless"];

    private readonly DeviceMatchReader _matches = new(values);
    private DiagnosticBag Diagnostics => values.Diagnostics;

    public RuleModel? Read(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        string? description = null;
        RuleFrom? from = null;
        ActionModel? to = null, alone = null, heldDown = null, afterUp = null;
        var conditions = new List<ConditionModel>();
        int? aloneTimeout = null, heldThreshold = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "description":
                    description = values.String(entry.Value)?.Value;
                    ok &= description is not null;
                    break;
                case "from":
                    from = ReadFrom(entry.Value);
                    ok &= from is not null;
                    break;
                case "to":
                    to = ReadTo(entry.Value, held: true);
                    ok &= to is not null;
                    break;
                case "to_if_alone":
                    alone = ReadTo(entry.Value, held: false);
                    ok &= alone is not null;
                    break;
                case "to_if_held_down":
                    heldDown = ReadTo(entry.Value, held: true);
                    ok &= heldDown is not null;
                    break;
                case "to_after_key_up":
                    afterUp = ReadTo(entry.Value, held: false);
                    ok &= afterUp is not null;
                    break;
                case "conditions":
                    ok &= ReadConditions(entry.Value, conditions);
                    break;
                case "alone_timeout_ms":
                    aloneTimeout = values.Integer(entry, 1, 60_000);
                    ok &= aloneTimeout is not null;
                    break;
                case "held_down_threshold_ms":
                    heldThreshold = values.Integer(entry, 1, 60_000);
                    ok &= heldThreshold is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in [[rule]]", Known);
                    ok = false;
                    break;
            }
        }
        if (table.Find("from") is null)
        {
            Diagnostics.Error(table.Location, "this rule has no 'from'", "add e.g. from = \"right_command\"");
            return null;
        }
        if (table.Find("to") is null && table.Find("to_if_alone") is null && table.Find("to_if_held_down") is null
            && table.Find("to_after_key_up") is null)
        {
            Diagnostics.Error(table.Location, "this rule does nothing: it has no to, to_if_alone, to_if_held_down or to_after_key_up");
            return null;
        }
        return ok && from is not null
            ? new RuleModel(description, from, to, alone, heldDown, afterUp, conditions, aloneTimeout, heldThreshold, table.Location)
            : null;
    }

    /// <summary>Held results become one <see cref="AllOfAction"/>, tapped ones one <see cref="SequenceAction"/>, even for a single action.</summary>
    private ActionModel? ReadTo(TomlNode node, bool held)
    {
        var place = held ? ActionPlace.RuleHeld : ActionPlace.RuleTapped;
        List<ActionModel>? items;
        if (node is TomlArray array) items = actions.ParseItems(array, place);
        else if (node is TomlString s)
        {
            var single = actions.ParseString(s, place);
            items = single switch
            {
                null => null,
                SequenceAction fromAlias => [.. fromAlias.Steps],
                _ => [single],
            };
        }
        else
        {
            Diagnostics.WrongType(node, "a string or an array");
            return null;
        }
        if (items is null) return null;
        return held ? new AllOfAction(items, node.Location) : new SequenceAction(items, node.Location);
    }

    private RuleFrom? ReadFrom(TomlNode node)
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
                Diagnostics.Error(s.Location, $"'{s.Value}' has an empty key name", "e.g. from = \"ctrl+h\"");
                return null;
            }
            if (i < parts.Length - 1)
            {
                if (ReadModifier(part, at, allowAny: false) is { } mask) mandatory.Add(mask);
                else ok = false;
            }
            else if (!ModifierWords.TryParseKey(part, out key))
            {
                Diagnostics.Error(at, $"unknown key '{part}'", KeyNameSuggestions.For(part));
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
                    if (values.String(entry.Value) is not { } s) ok = false;
                    else if (ModifierWords.TryParseKey(s.Value.Trim(), out var usage)) key = usage;
                    else
                    {
                        Diagnostics.Error(s.Location, $"unknown key '{s.Value}'", KeyNameSuggestions.For(s.Value.Trim()));
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
        if (table.Find("key") is null)
        {
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
            Diagnostics.Error(at, $"'{name}' is not a modifier",
                "modifiers are control, shift, option, command (either side) or left_/right_ versions of them");
        else
            Diagnostics.Error(at, $"unknown modifier '{name}'",
                Suggestions.DidYouMean(name, ModifierWords.Words.Concat(["left_control", "right_control", "left_shift", "right_shift",
                    "left_option", "right_option", "left_command", "right_command"])));
        return null;
    }

    private bool ReadConditions(TomlNode node, List<ConditionModel> conditions)
    {
        if (node is not TomlArray array)
        {
            Diagnostics.WrongType(node, "an array of condition tables");
            return false;
        }
        var ok = true;
        foreach (var item in array.Items)
        {
            if (ReadCondition(item) is { } c) conditions.Add(c);
            else ok = false;
        }
        return ok;
    }

    private ConditionModel? ReadCondition(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        if (table.Find("type") is not { } typeEntry)
        {
            Diagnostics.Error(table.Location, "this condition has no 'type'", $"types are: {string.Join(", ", ConditionTypes)}");
            return null;
        }
        if (values.String(typeEntry.Value) is not { } type) return null;
        switch (type.Value)
        {
            case "variable_if" or "variable_unless":
                return ReadVariableCondition(table, negate: type.Value == "variable_unless");
            case "device_if" or "device_unless":
                return ReadDeviceCondition(table, negate: type.Value == "device_unless");
            default:
                Diagnostics.Error(type.Location, $"unknown condition type '{type.Value}'",
                    Suggestions.DidYouMean(type.Value, ConditionTypes) ?? $"types are: {string.Join(", ", ConditionTypes)}");
                return null;
        }
    }

    private VariableCondition? ReadVariableCondition(TomlTable table, bool negate)
    {
        string? name = null;
        int? value = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "type":
                    break;
                case "name":
                    if (values.String(entry.Value) is { } s && ActionParser.IsVariableName(s.Value)) name = s.Value;
                    else
                    {
                        if (entry.Value is TomlString bad) Diagnostics.Error(bad.Location, $"'{bad.Value}' is not a variable name", "use letters, digits and _");
                        ok = false;
                    }
                    break;
                case "value":
                    value = entry.Value switch
                    {
                        TomlBoolean b => b.Value ? 1 : 0,
                        _ => values.Integer(entry, int.MinValue, int.MaxValue),
                    };
                    ok &= value is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in a variable condition", ["type", "name", "value"]);
                    ok = false;
                    break;
            }
        }
        if (ok && (name is null || value is null))
        {
            Diagnostics.Error(table.Location, "a variable condition needs 'name' and 'value'", "e.g. { type = \"variable_if\", name = \"vim\", value = 1 }");
            return null;
        }
        return ok ? new VariableCondition(name!, value!.Value, negate, table.Location) : null;
    }

    private DeviceCondition? ReadDeviceCondition(TomlTable table, bool negate)
    {
        var matches = new List<DeviceMatch>();
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "type":
                    break;
                case "identifiers":
                    if (entry.Value is not TomlArray array)
                    {
                        Diagnostics.WrongType(entry.Value, "an array of device matches");
                        ok = false;
                        break;
                    }
                    foreach (var item in array.Items)
                    {
                        if (_matches.Read(item, "in a device condition") is { } m) matches.Add(m);
                        else ok = false;
                    }
                    if (array.Items.Count == 0)
                    {
                        Diagnostics.Error(array.Location, "a device condition needs at least one identifier");
                        ok = false;
                    }
                    break;
                default:
                    values.UnknownKey(entry, "in a device condition", ["type", "identifiers"]);
                    ok = false;
                    break;
            }
        }
        if (table.Find("identifiers") is null)
        {
            Diagnostics.Error(table.Location, "a device condition needs 'identifiers'", "e.g. identifiers = [{ vendor_id = 0x05ac }]");
            return null;
        }
        return ok ? new DeviceCondition(matches, negate, table.Location) : null;
    }
}
