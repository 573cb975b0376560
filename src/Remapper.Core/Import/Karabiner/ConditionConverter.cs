using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// Karabiner <c>conditions</c> → the keymap's condition tables. A condition the keymap cannot test is never
/// dropped on its own (the rule would then fire where Karabiner's does not): the caller leaves the whole
/// manipulator, or the whole to-event, out.
/// </summary>
internal sealed class ConditionConverter(ImportNotes notes)
{
    private static readonly Dictionary<string, string> Unsupported = new()
    {
        ["frontmost_application_if"] = "Remapper does not see which application is in front",
        ["frontmost_application_unless"] = "Remapper does not see which application is in front",
        ["input_source_if"] = "Remapper does not see the desktop's input source (keyboard layout)",
        ["input_source_unless"] = "Remapper does not see the desktop's input source (keyboard layout)",
        ["event_changed_if"] = "event_changed conditions are internal to Karabiner's pipeline",
        ["event_changed_unless"] = "event_changed conditions are internal to Karabiner's pipeline",
    };

    /// <summary>The TOML array, or null when a condition cannot be converted (the reason is noted).</summary>
    public string? ConvertAll(JsonElement conditions, string path)
    {
        if (conditions.ValueKind != JsonValueKind.Array)
        {
            notes.Add(path, "conditions must be an array");
            return null;
        }
        var items = new List<string>();
        var index = 0;
        foreach (var condition in conditions.EnumerateArray())
        {
            var item = Convert(condition, JsonPathText.Index(path, index++));
            if (item is null) return null;
            items.Add(item);
        }
        return TomlText.Array(items);
    }

    private string? Convert(JsonElement condition, string path)
    {
        if (condition.ValueKind != JsonValueKind.Object || !JsonValues.TryProperty(condition, "type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            notes.Add(path, "a condition needs a \"type\"");
            return null;
        }
        var type = JsonValues.String(typeElement)!;
        var typePath = JsonPathText.Property(path, "type");
        if (Unsupported.TryGetValue(type, out var why))
        {
            notes.Add(typePath, $"{type} — {why}");
            return null;
        }
        return type switch
        {
            "variable_if" or "variable_unless" => Variable(condition, type, path),
            "device_if" or "device_unless" or "device_exists_if" or "device_exists_unless" => Device(condition, type, path),
            "keyboard_type_if" or "keyboard_type_unless" => KeyboardType(condition, type, path),
            "expression_if" or "expression_unless" => Expression(condition, type, path),
            _ => Fail(typePath, $"condition type '{type}' is not one Remapper knows"),
        };
    }

    private string? Fail(string path, string message)
    {
        notes.Add(path, message);
        return null;
    }

    private string? Variable(JsonElement condition, string type, string path)
    {
        var entries = new List<string> { TomlText.Entry("type", TomlText.String(type)) };
        foreach (var p in condition.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "type" or "description": break;
                case "name":
                    if (p.Value.ValueKind != JsonValueKind.String) return Fail(at, "a variable name must be a string");
                    entries.Add(TomlText.Entry("name", TomlText.String(JsonValues.String(p.Value)!)));
                    break;
                case "value":
                    if (ScalarValue(p.Value) is not { } value) return Fail(at, "a variable value must be an integer, true/false or a string");
                    entries.Add(TomlText.Entry("value", value));
                    break;
                default:
                    return Fail(at, $"'{p.Name}' in a {type} condition");
            }
        }
        return TomlText.Table(entries);
    }

    private string? Expression(JsonElement condition, string type, string path)
    {
        var entries = new List<string> { TomlText.Entry("type", TomlText.String(type)) };
        foreach (var p in condition.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "type" or "description": break;
                case "expression":
                    if (ExpressionText(p.Value, at, notes) is not { } text) return null;
                    entries.Add(TomlText.Entry("expression", TomlText.String(text)));
                    break;
                default:
                    return Fail(at, $"'{p.Name}' in a {type} condition");
            }
        }
        return TomlText.Table(entries);
    }

    /// <summary>An expression the keymap can read, or null with a note saying what it uses that Remapper's expressions lack.</summary>
    internal static string? ExpressionText(JsonElement value, string path, ImportNotes notes)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            notes.Add(path, "an expression must be a string");
            return null;
        }
        var text = JsonValues.String(value)!;
        if (Keymap.Loading.ExpressionParser.Parse(text, out var error, out var column) is null)
        {
            notes.Add(path, $"the expression \"{text}\" (at character {column + 1}: {error})");
            return null;
        }
        return text;
    }

    private string? Device(JsonElement condition, string type, string path)
    {
        var entries = new List<string> { TomlText.Entry("type", TomlText.String(type)) };
        foreach (var p in condition.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "type" or "description": break;
                case "identifiers":
                    if (p.Value.ValueKind != JsonValueKind.Array) return Fail(at, "identifiers must be an array");
                    var list = new List<string>();
                    var i = 0;
                    foreach (var identifier in p.Value.EnumerateArray())
                    {
                        var one = Identifier(identifier, JsonPathText.Index(at, i++));
                        if (one is null) return null;
                        list.Add(one);
                    }
                    entries.Add(TomlText.Entry("identifiers", TomlText.Array(list)));
                    break;
                default:
                    return Fail(at, $"'{p.Name}' in a {type} condition");
            }
        }
        return TomlText.Table(entries);
    }

    private string? Identifier(JsonElement identifier, string path)
    {
        if (identifier.ValueKind != JsonValueKind.Object) return Fail(path, "a device identifier must be an object");
        var entries = new List<string>();
        foreach (var p in identifier.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "vendor_id" or "product_id" or "location_id":
                    if (!JsonValues.TryInteger(p.Value, out var number) || number < 0) return Fail(at, $"{p.Name} must be a non-negative integer");
                    entries.Add(TomlText.Entry(p.Name, TomlText.Integer(number)));
                    break;
                case "is_keyboard" or "is_built_in_keyboard":
                    if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Fail(at, $"{p.Name} must be true or false");
                    entries.Add(TomlText.Entry(p.Name, TomlText.Bool(p.Value.GetBoolean())));
                    break;
                case "is_pointing_device" or "is_game_pad" or "is_consumer" or "is_touch_bar":
                    // Remapper only ever sees keyboards: "false" matches every one of them and can go.
                    if (p.Value.ValueKind == JsonValueKind.False) break;
                    return Fail(at, $"{p.Name} — Remapper only takes over keyboards, so this identifier never matches");
                case "device_address":
                    return Fail(at, "device_address (a Bluetooth address) — match by vendor_id and product_id instead");
                case "description": break;
                default:
                    return Fail(at, $"'{p.Name}' in a device identifier");
            }
        }
        return TomlText.Table(entries);
    }

    private string? KeyboardType(JsonElement condition, string type, string path)
    {
        var entries = new List<string> { TomlText.Entry("type", TomlText.String(type)) };
        foreach (var p in condition.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "type" or "description": break;
                case "keyboard_types":
                    if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
                        return Fail(at, "keyboard_types must be an array of names (ansi, iso, jis)");
                    entries.Add(TomlText.Entry("keyboard_types",
                        TomlText.Array(p.Value.EnumerateArray().Select(t => TomlText.String(JsonValues.String(t)!)))));
                    break;
                default:
                    return Fail(at, $"'{p.Name}' in a {type} condition");
            }
        }
        return TomlText.Table(entries);
    }

    /// <summary>An integer, boolean or string as TOML; null for anything else.</summary>
    public static string? ScalarValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => TomlText.String(JsonValues.String(value)!),
        JsonValueKind.Number when JsonValues.TryInteger(value, out var n) => TomlText.Integer(n),
        _ => null,
    };
}
