namespace Remapper.Core.Keymap.Loading;

/// <summary>A rule's <c>conditions</c>: <c>variable_if</c>/<c>_unless</c> and <c>device_if</c>/<c>_unless</c>.</summary>
internal sealed class ConditionReader(ValueReader values)
{
    private static readonly string[] ConditionTypes =
    [
        "variable_if", "variable_unless", "device_if", "device_unless", "device_exists_if", "device_exists_unless",
        "keyboard_type_if", "keyboard_type_unless", "expression_if", "expression_unless",
    ];

    private static readonly string[] KeyboardTypes = ["ansi", "iso", "jis"];

    private readonly DeviceMatchReader _matches = new(values);
    private DiagnosticBag Diagnostics => values.Diagnostics;

    /// <summary>Adds each valid condition; false if any was wrong.</summary>
    public bool ReadAll(TomlNode node, List<ConditionModel> conditions)
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
                return ReadDeviceCondition(table, negate: type.Value == "device_unless") is { } d
                    ? new DeviceCondition(d.Matches, d.Negate, d.Location) : null;
            case "device_exists_if" or "device_exists_unless":
                return ReadDeviceCondition(table, negate: type.Value == "device_exists_unless") is { } x
                    ? new DeviceExistsCondition(x.Matches, x.Negate, x.Location) : null;
            case "keyboard_type_if" or "keyboard_type_unless":
                return ReadKeyboardType(table, negate: type.Value == "keyboard_type_unless");
            case "expression_if" or "expression_unless":
                return ReadExpressionCondition(table, negate: type.Value == "expression_unless");
            case "frontmost_application_if" or "frontmost_application_unless" or "input_source_if" or "input_source_unless"
                or "event_changed_if" or "event_changed_unless":
                Diagnostics.Error(type.Location, $"not supported: {type.Value} (Remapper sees keys, not the desktop's apps or input sources)",
                    "the importer leaves such rules out and says so");
                return null;
            default:
                Diagnostics.Error(type.Location, $"unknown condition type '{MessageText.Short(type.Value)}'",
                    () => Suggestions.DidYouMean(type.Value, ConditionTypes) ?? $"types are: {string.Join(", ", ConditionTypes)}");
                return null;
        }
    }

    private ExpressionCondition? ReadExpressionCondition(TomlTable table, bool negate)
    {
        ExpressionModel? expression = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "type":
                    break;
                case "expression":
                    expression = ToEventReader.ReadExpression(entry.Value, values);
                    ok &= expression is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in an expression condition", ["type", "expression"]);
                    ok = false;
                    break;
            }
        }
        if (ok && expression is null)
        {
            Diagnostics.Error(table.Location, "an expression condition needs 'expression'", "e.g. { type = \"expression_if\", expression = \"count > 2\" }");
            return null;
        }
        return ok ? new ExpressionCondition(expression!, negate, table.Location) : null;
    }

    private VariableCondition? ReadVariableCondition(TomlTable table, bool negate)
    {
        string? name = null;
        VariableValue? value = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "type":
                    break;
                case "name":
                    if (values.String(entry.Value) is { } s && s.Value.Length > 0) name = s.Value;
                    else
                    {
                        if (entry.Value is TomlString bad) Diagnostics.Error(bad.Location, $"'{MessageText.Short(bad.Value)}' is not a variable name", "use letters, digits and _");
                        ok = false;
                    }
                    break;
                case "value":
                    value = ToEventReader.ReadValue(entry, values);
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

    private KeyboardTypeCondition? ReadKeyboardType(TomlTable table, bool negate)
    {
        var types = new List<string>();
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "type":
                    break;
                case "keyboard_types":
                    foreach (var t in values.StringOrStrings(entry.Value))
                    {
                        if (KeyboardTypes.Contains(t.Value)) types.Add(t.Value);
                        else
                        {
                            Diagnostics.Error(t.Location, $"unknown keyboard type '{MessageText.Short(t.Value)}'", "it is ansi, iso or jis");
                            ok = false;
                        }
                    }
                    break;
                default:
                    values.UnknownKey(entry, "in a keyboard_type condition", ["type", "keyboard_types"]);
                    ok = false;
                    break;
            }
        }
        if (ok && table.Find("keyboard_types") is null)
        {
            Diagnostics.Error(table.Location, "a keyboard_type condition needs 'keyboard_types'", "e.g. keyboard_types = [\"ansi\"]");
            return null;
        }
        return ok ? new KeyboardTypeCondition(types, negate, table.Location) : null;
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
            if (ValueReader.AllKnown(table, ["type", "identifiers"]))
                Diagnostics.Error(table.Location, "a device condition needs 'identifiers'", "e.g. identifiers = [{ vendor_id = 0x05ac }]");
            return null;
        }
        return ok ? new DeviceCondition(matches, negate, table.Location) : null;
    }
}
