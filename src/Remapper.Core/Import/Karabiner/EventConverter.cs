using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// Karabiner event definitions → TOML: a manipulator's <c>from</c> (which must convert whole, or the manipulator
/// is left out) and its to-events (one that cannot convert is left out alone, with a note, and the rest stay).
/// </summary>
internal sealed class EventConverter(ImportNotes notes, ConditionConverter conditions)
{
    private static readonly Dictionary<string, string> UnsupportedKeyTypes = new()
    {
        ["pointing_button"] = "mouse buttons — Remapper takes over keyboards only",
        ["apple_vendor_keyboard_key_code"] = "Apple vendor keys (mission_control, launchpad, ...) exist only on macOS",
        ["apple_vendor_top_case_key_code"] = "Apple vendor keys (the fn key, keyboard_fn) exist only on macOS",
        ["generic_desktop"] = "generic_desktop events",
    };

    private static readonly Dictionary<string, string> UnsupportedActions = new()
    {
        ["shell_command"] = "shell_command — nothing in a keymap runs a shell command",
        ["send_user_command"] = "send_user_command — nothing in a keymap talks to other programs",
        ["select_input_source"] = "select_input_source — Remapper does not switch the desktop's input source",
        ["software_function"] = "software_function (open an application, move the cursor, sleep) is macOS-only",
        ["set_notification_message"] = "set_notification_message — Remapper shows no notifications from a keymap",

    };

    // ---- from ----

    /// <summary>The <c>from</c> inline table, or null when any part of it cannot be converted.</summary>
    public string? From(JsonElement from, string path)
    {
        if (from.ValueKind != JsonValueKind.Object) return Fail(path, "from must be an object");
        var entries = new List<string>();
        foreach (var p in from.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (UnsupportedKeyTypes.TryGetValue(p.Name, out var why)) return Fail(at, why);
            switch (p.Name)
            {
                case "key_code" or "consumer_key_code":
                    if (KeyName(p.Value, at) is not { } name) return null;
                    entries.Add(TomlText.Entry(p.Name, TomlText.String(name)));
                    break;
                case "any":
                    if (JsonValues.String(p.Value) is not ("key_code" or "consumer_key_code"))
                        return Fail(at, $"any = {p.Value.GetRawText()} — only \"key_code\" and \"consumer_key_code\" are keyboard keys");
                    entries.Add(TomlText.Entry("any", TomlText.String(JsonValues.String(p.Value)!)));
                    break;
                case "modifiers":
                    if (FromModifiers(p.Value, at) is not { } modifiers) return null;
                    entries.Add(TomlText.Entry("modifiers", modifiers));
                    break;
                case "simultaneous":
                    if (Simultaneous(p.Value, at) is not { } keys) return null;
                    entries.Add(TomlText.Entry("simultaneous", keys));
                    break;
                case "simultaneous_options":
                    if (SimultaneousOptions(p.Value, at) is not { } options) return null;
                    entries.Add(TomlText.Entry("simultaneous_options", options));
                    break;
                case "description": break;
                default:
                    return Fail(at, $"'{p.Name}' in from");
            }
        }
        return TomlText.Table(entries);
    }

    private string? FromModifiers(JsonElement modifiers, string path)
    {
        if (modifiers.ValueKind != JsonValueKind.Object) return Fail(path, "modifiers must be an object with mandatory and optional");
        var entries = new List<string>();
        foreach (var p in modifiers.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (p.Name is not ("mandatory" or "optional")) return Fail(at, $"'{p.Name}' in from.modifiers");
            // Karabiner also takes a single name as a string ("optional": "any").
            var names = p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : StringList(p.Value);
            if (names is null) return Fail(at, $"{p.Name} must be an array of modifier names (or one name)");
            var kept = new List<string>();
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                var nameAt = JsonPathText.Index(at, i);
                if (name == "any" && p.Name == "optional") { kept.Add(name); continue; }
                if (name == "any")
                    return Fail(nameAt, "\"any\" among mandatory modifiers (match whatever is held and hide it from the output): a keymap takes \"any\" only as an optional modifier");
                if (name == "fn")
                {
                    // A mandatory fn can never be held on Linux; an optional one changes nothing when left out.
                    if (p.Name == "mandatory") return Fail(nameAt, "fn as a mandatory modifier: Apple keyboards keep fn to themselves, it never reaches Linux");
                    notes.Add(nameAt, "fn as an optional modifier (left out: it never reaches Linux, so the rule matches the same keys)");
                    continue;
                }
                if (!KarabinerNames.IsModifier(name)) return Fail(nameAt, $"'{name}' is not a modifier");
                kept.Add(name);
            }
            entries.Add(TomlText.Entry(p.Name, TomlText.Array(kept.Select(TomlText.String))));
        }
        return TomlText.Table(entries);
    }

    private string? Simultaneous(JsonElement keys, string path)
    {
        if (keys.ValueKind != JsonValueKind.Array) return Fail(path, "simultaneous must be an array of keys");
        var items = new List<string>();
        var i = 0;
        foreach (var key in keys.EnumerateArray())
        {
            var at = JsonPathText.Index(path, i++);
            if (key.ValueKind != JsonValueKind.Object) return Fail(at, "a simultaneous key must be an object like { \"key_code\": \"j\" }");
            var entries = new List<string>();
            foreach (var p in key.EnumerateObject())
            {
                var fieldAt = JsonPathText.Property(at, p.Name);
                if (UnsupportedKeyTypes.TryGetValue(p.Name, out var why)) return Fail(fieldAt, why);
                if (p.Name is not ("key_code" or "consumer_key_code")) return Fail(fieldAt, $"'{p.Name}' in a simultaneous key");
                if (KeyName(p.Value, fieldAt) is not { } name) return null;
                entries.Add(TomlText.Entry(p.Name, TomlText.String(name)));
            }
            items.Add(TomlText.Table(entries));
        }
        return TomlText.Array(items);
    }

    private string? SimultaneousOptions(JsonElement options, string path)
    {
        if (options.ValueKind != JsonValueKind.Object) return Fail(path, "simultaneous_options must be an object");
        var entries = new List<string>();
        foreach (var p in options.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "detect_key_down_uninterruptedly":
                    if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Fail(at, "must be true or false");
                    entries.Add(TomlText.Entry(p.Name, TomlText.Bool(p.Value.GetBoolean())));
                    break;
                case "key_down_order" or "key_up_order" or "key_up_when":
                    if (p.Value.ValueKind != JsonValueKind.String) return Fail(at, "must be a string");
                    entries.Add(TomlText.Entry(p.Name, TomlText.String(JsonValues.String(p.Value)!)));
                    break;
                case "to_after_key_up":
                    if (ToList(p.Value, at) is not { } list) return null;
                    entries.Add(TomlText.Entry(p.Name, list));
                    break;
                default:
                    return Fail(at, $"'{p.Name}' in simultaneous_options");
            }
        }
        return TomlText.Table(entries);
    }

    // ---- to ----

    /// <summary>
    /// A list of to-events as a TOML array. Events that cannot convert are left out with a note; null only when
    /// the value is not a list at all.
    /// </summary>
    public string? ToList(JsonElement events, string path)
    {
        if (events.ValueKind == JsonValueKind.Object) return TomlText.Array(ToEvent(events, path) is { } one ? [one] : []);
        if (events.ValueKind != JsonValueKind.Array) return Fail(path, "a list of to-events must be an array");
        var items = new List<string>();
        var i = 0;
        foreach (var e in events.EnumerateArray())
        {
            if (ToEvent(e, JsonPathText.Index(path, i++)) is { } item) items.Add(item);
        }
        return TomlText.Array(items);
    }

    /// <summary>One to-event as an inline table (or <c>"none"</c> for vk_none); null when it is left out.</summary>
    public string? ToEvent(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) return Fail(path, "a to-event must be an object");
        var entries = new List<string>();
        var none = false;
        var acts = false;
        foreach (var p in e.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (p.Name is "mouse_key" or "pointing_button")
            {
                // The virtual pointer takes these; only a pointing_button in `from` stays out (Remapper seizes keyboards only).
                var mouse = p.Name == "mouse_key" ? MouseEventConverter.MouseKey(p.Value, out var why) : MouseEventConverter.PointingButton(p.Value, out why);
                if (mouse is null) return Fail(at, why!);
                entries.Add(TomlText.Entry(p.Name, mouse));
                acts = true;
                continue;
            }
            if (UnsupportedKeyTypes.TryGetValue(p.Name, out var keyWhy)) return Fail(at, keyWhy);
            if (UnsupportedActions.TryGetValue(p.Name, out var actionWhy)) return Fail(at, actionWhy);
            switch (p.Name)
            {
                case "key_code" when p.Value.ValueKind == JsonValueKind.String && JsonValues.String(p.Value) == "vk_none":
                    none = true;
                    acts = true;
                    break;
                case "key_code" or "consumer_key_code":
                    if (KeyName(p.Value, at) is not { } name) return null;
                    entries.Add(TomlText.Entry(p.Name, TomlText.String(name)));
                    acts = true;
                    break;
                case "modifiers":
                    if (ToModifiers(p.Value, at) is not { } modifiers) return null;
                    if (modifiers.Count > 0) entries.Add(TomlText.Entry("modifiers", TomlText.Array(modifiers.Select(TomlText.String))));
                    break;
                case "lazy" or "repeat" or "halt":
                    if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Fail(at, $"{p.Name} must be true or false");
                    entries.Add(TomlText.Entry(p.Name, TomlText.Bool(p.Value.GetBoolean())));
                    break;
                case "hold_down_milliseconds" or "held_down_milliseconds":
                    if (!JsonValues.TryInteger(p.Value, out var ms) || ms < 0) return Fail(at, $"{p.Name} must be a non-negative integer");
                    entries.Add(TomlText.Entry("hold_down_milliseconds", TomlText.Integer(ms)));
                    break;
                case "conditions":
                    if (conditions.ConvertAll(p.Value, at) is not { } list) return null;
                    entries.Add(TomlText.Entry("conditions", list));
                    break;
                case "from_event":
                    if (p.Value.ValueKind != JsonValueKind.True) return Fail(at, "from_event must be true");
                    entries.Add(TomlText.Entry("from_event", TomlText.Bool(true)));
                    acts = true;
                    break;
                case "set_variable":
                    if (SetVariable(p.Value, at) is not { } variable) return null;
                    entries.Add(TomlText.Entry("set_variable", variable));
                    acts = true;
                    break;
                case "sticky_modifier":
                    if (StickyModifier(p.Value, at) is not { } sticky) return null;
                    entries.Add(TomlText.Entry("sticky_modifier", sticky));
                    acts = true;
                    break;
                case "description": break;
                default:
                    return Fail(at, $"'{p.Name}' in a to-event");
            }
        }
        if (!acts) return Fail(path, "a to-event with no key_code, consumer_key_code, set_variable, sticky_modifier, mouse_key or pointing_button");
        if (none)
        {
            // vk_none alone is "nothing"; with modifiers it presses just them (Karabiner's way to order modifiers).
            if (entries.Count == 0) return TomlText.String("none");
            entries.Insert(0, TomlText.Entry("key_code", TomlText.String("vk_none")));
        }
        return TomlText.Table(entries);
    }

    private List<string>? ToModifiers(JsonElement modifiers, string path)
    {
        var names = modifiers.ValueKind == JsonValueKind.String ? [JsonValues.String(modifiers)!] : StringList(modifiers);
        if (names is null) { Fail(path, "modifiers must be a modifier name or an array of them"); return null; }
        var kept = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var at = modifiers.ValueKind == JsonValueKind.String ? path : JsonPathText.Index(path, i);
            if (names[i] == "fn")
            {
                notes.Add(at, "fn as a to-modifier (left out: there is no fn key to press on Linux)");
                continue;
            }
            if (!KarabinerNames.IsModifier(names[i])) { Fail(at, $"'{names[i]}' is not a modifier"); return null; }
            kept.Add(names[i]);
        }
        return kept;
    }

    private string? SetVariable(JsonElement variable, string path)
    {
        if (variable.ValueKind != JsonValueKind.Object) return Fail(path, "set_variable must be an object");
        var entries = new List<string>();
        foreach (var p in variable.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "name":
                    if (p.Value.ValueKind != JsonValueKind.String) return Fail(at, "a variable name must be a string");
                    entries.Add(TomlText.Entry("name", TomlText.String(JsonValues.String(p.Value)!)));
                    break;
                case "value" or "key_up_value":
                    if (ConditionConverter.ScalarValue(p.Value) is not { } value) return Fail(at, "a variable value must be an integer, true/false or a string");
                    entries.Add(TomlText.Entry(p.Name, value));
                    break;
                case "type":
                    if (JsonValues.String(p.Value) is not ("set" or "unset")) return Fail(at, "type must be \"set\" or \"unset\"");
                    entries.Add(TomlText.Entry("type", TomlText.String(JsonValues.String(p.Value)!)));
                    break;
                case "expression" or "key_up_expression":
                    if (ConditionConverter.ExpressionText(p.Value, at, notes) is not { } text) return null;
                    entries.Add(TomlText.Entry(p.Name, TomlText.String(text)));
                    break;
                default:
                    return Fail(at, $"'{p.Name}' in set_variable");
            }
        }
        return TomlText.Table(entries);
    }

    private string? StickyModifier(JsonElement sticky, string path)
    {
        if (sticky.ValueKind != JsonValueKind.Object) return Fail(path, "sticky_modifier must be an object like { \"left_shift\": \"toggle\" }");
        var entries = new List<string>();
        foreach (var p in sticky.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (p.Name == "fn") return Fail(at, "a sticky fn: there is no fn key to press on Linux");
            if (!KarabinerNames.IsModifier(p.Name)) return Fail(at, $"'{p.Name}' is not a modifier");
            if (JsonValues.String(p.Value) is not ("on" or "off" or "toggle")) return Fail(at, "must be \"on\", \"off\" or \"toggle\"");
            entries.Add(TomlText.Entry(p.Name, TomlText.String(JsonValues.String(p.Value)!)));
        }
        return TomlText.Table(entries);
    }

    // ---- shared ----

    private string? KeyName(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
            return Fail(path, $"key code {value.GetRawText()} — only key names are supported, not numbers");
        var name = JsonValues.String(value)!;
        name = KarabinerNames.Canonical(name);
        return KarabinerNames.KeyProblem(name) is { } problem ? Fail(path, problem) : name;
    }

    private static List<string>? StringList(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(v => JsonValues.String(v)!).ToList()
            : null;

    private string? Fail(string path, string message)
    {
        notes.Add(path, message);
        return null;
    }
}
