using System.Globalization;
using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// A Karabiner profile (or a rule file's rules) → keymap sections, in the keymap's order: [settings], [remap]
/// (simple_modifications), [[device]] (devices), [[rule]] (complex_modifications, then fn_function_keys, which
/// Karabiner applies after the complex rules and only to keys no rule changed — the last rules do the same).
/// </summary>
internal sealed class ProfileConverter(ImportNotes notes)
{
    private static readonly (string Karabiner, string Setting)[] Parameters =
    [
        ("basic.to_if_alone_timeout_milliseconds", "rule_alone_timeout_ms"),
        ("basic.to_if_held_down_threshold_milliseconds", "rule_held_down_threshold_ms"),
        ("basic.to_delayed_action_delay_milliseconds", "rule_delayed_action_delay_ms"),
        ("basic.simultaneous_threshold_milliseconds", "rule_simultaneous_threshold_ms"),
    ];

    private readonly ManipulatorConverter _manipulators = new(notes);
    private readonly List<string> _settings = [];
    private readonly List<string> _remap = [];
    private readonly List<string> _devices = [];
    private readonly List<string> _rules = [];
    private readonly List<string> _fnRules = [];
    private readonly List<string> _deviceFnRules = [];

    public List<string> Lines()
    {
        var lines = new List<string>();
        if (_settings.Count > 0) lines.AddRange(["", "[settings]", .. _settings]);
        if (_remap.Count > 0) lines.AddRange(["", "[remap]                               # simple_modifications", .. _remap]);
        lines.AddRange(_devices);
        lines.AddRange(_rules);
        if (_fnRules.Count + _deviceFnRules.Count > 0)
        {
            // A keyboard's own fn_function_keys come first: the first rule that matches wins.
            lines.AddRange(["", "# fn_function_keys: Karabiner applies them after the rules above, to keys no rule changed."]);
            lines.AddRange(_deviceFnRules);
            lines.AddRange(_fnRules);
        }
        return lines;
    }

    public void Profile(JsonElement profile, string path)
    {
        _manipulators.SimpleModifications = KeyToKey(profile);
        foreach (var p in profile.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "complex_modifications":
                    ComplexModifications(p.Value, at);
                    break;
                case "simple_modifications":
                    SimpleModifications(p.Value, at, _remap);
                    break;
                case "fn_function_keys":
                    FnFunctionKeys(p.Value, at, null);
                    break;
                case "devices":
                    Devices(p.Value, at);
                    break;
                case "virtual_hid_keyboard":
                    WithComments(_settings, () => VirtualKeyboard(p.Value, at));
                    break;
                // Names, selection and macOS-only device timing change nothing a keymap could say.
                case "name" or "selected" or "parameters" or "ignore_pointing_device_events_by_default" or "one_to_many_mappings":
                    break;
                default:
                    WithComments(_settings, () => notes.Add(at, $"'{p.Name}' in a profile"));
                    break;
            }
        }
    }

    /// <summary>Runs <paramref name="convert"/> and writes what it left out as comments into <paramref name="into"/>.</summary>
    private void WithComments(List<string> into, Action convert)
    {
        var mark = notes.Mark;
        convert();
        into.AddRange(notes.CommentsSince(mark));
    }

    /// <summary>The profile's simple_modifications that turn one key into another (no modifiers), by key_code.</summary>
    private static Dictionary<string, string> KeyToKey(JsonElement profile)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!JsonValues.TryProperty(profile, "simple_modifications", out var list) || list.ValueKind != JsonValueKind.Array) return map;
        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !JsonValues.TryProperty(entry, "from", out var from) || !JsonValues.TryProperty(entry, "to", out var to)) continue;
            if (to.ValueKind == JsonValueKind.Array && to.GetArrayLength() == 1) to = to[0];
            if (from.ValueKind != JsonValueKind.Object || to.ValueKind != JsonValueKind.Object) continue;
            if (from.EnumerateObject().Count() != 1 || to.EnumerateObject().Count() != 1) continue;
            if (JsonValues.TryProperty(from, "key_code", out var f) && JsonValues.TryProperty(to, "key_code", out var t)
                && JsonValues.String(f) is { } fk && JsonValues.String(t) is { } tk) map[fk] = tk;
        }
        return map;
    }

    /// <summary>A rule file's <c>rules</c> array (also a profile's complex_modifications.rules).</summary>
    public void Rules(JsonElement rules, string path)
    {
        if (rules.ValueKind != JsonValueKind.Array) { notes.Add(path, "rules must be an array"); return; }
        var i = 0;
        foreach (var rule in rules.EnumerateArray()) Rule(rule, JsonPathText.Index(path, i++));
    }

    /// <summary>A bare array of manipulators (the shape of Karabiner's own test rule files): one unnamed rule.</summary>
    public void Manipulators(JsonElement manipulators, string path)
    {
        var i = 0;
        foreach (var m in manipulators.EnumerateArray())
        {
            _rules.Add("");
            _rules.AddRange(_manipulators.Convert(m, JsonPathText.Index(path, i++), null));
        }
    }

    private void ComplexModifications(JsonElement complex, string path)
    {
        if (complex.ValueKind != JsonValueKind.Object) { notes.Add(path, "complex_modifications must be an object"); return; }
        foreach (var p in complex.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (p.Name == "rules") Rules(p.Value, at);
            else if (p.Name == "parameters") WithComments(_settings, () => ProfileParameters(p.Value, at));
            else notes.Add(at, $"'{p.Name}' in complex_modifications");
        }
    }

    private void ProfileParameters(JsonElement parameters, string path)
    {
        if (parameters.ValueKind != JsonValueKind.Object) { notes.Add(path, "parameters must be an object"); return; }
        foreach (var p in parameters.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            var setting = Parameters.FirstOrDefault(x => x.Karabiner == p.Name).Setting;
            if (setting is null)
            {
                // Mouse parameters only matter to mouse manipulators, which are reported where they are.
                if (!p.Name.StartsWith("mouse_motion_to_scroll.", StringComparison.Ordinal)) notes.Add(at, $"parameter '{p.Name}'");
                continue;
            }
            if (!JsonValues.TryInteger(p.Value, out var ms) || ms < 0) { notes.Add(at, $"{p.Name} must be a non-negative integer"); continue; }
            _settings.Add($"{setting} = {ms.ToString(CultureInfo.InvariantCulture)}".PadRight(38) + $"# {p.Name}");
        }
    }

    private void Rule(JsonElement rule, string path)
    {
        if (rule.ValueKind != JsonValueKind.Object) { notes.Add(path, "a rule must be an object"); return; }
        var description = JsonValues.TryProperty(rule, "description", out var d) && d.ValueKind == JsonValueKind.String ? JsonValues.String(d) : null;
        var enabled = !JsonValues.TryProperty(rule, "enabled", out var e) || e.ValueKind != JsonValueKind.False;
        if (JsonValues.TryProperty(rule, "eval_js", out _))
        {
            notes.Add(JsonPathText.Property(path, "eval_js"), "a rule generated by JavaScript (eval_js): import the JSON it generates instead");
            return;
        }
        if (!JsonValues.TryProperty(rule, "manipulators", out var manipulators) || manipulators.ValueKind != JsonValueKind.Array)
        {
            notes.Add(path, "a rule without a \"manipulators\" array");
            return;
        }

        var block = new List<string> { "", $"# Karabiner rule {path}" + (description is null ? "" : $": {description}") };
        var mark = notes.Mark;
        var i = 0;
        var converted = new List<string>();
        foreach (var m in manipulators.EnumerateArray())
        {
            if (i > 0) converted.Add("");
            converted.AddRange(_manipulators.Convert(m, JsonPathText.Index(JsonPathText.Property(path, "manipulators"), i++), description));
        }
        if (enabled)
        {
            block.AddRange(converted);
        }
        else
        {
            // Off in Karabiner, so off here: written out in full, commented, ready to switch on.
            notes.DropSince(mark);
            block.Add("# Disabled in Karabiner (\"enabled\": false): remove the leading '# ' of the lines below to use it.");
            block.AddRange(converted.Select(line => line.Length == 0 ? "#" : "# " + line));
        }
        _rules.AddRange(block);
    }

    private void SimpleModifications(JsonElement list, string path, List<string> into)
    {
        if (list.ValueKind != JsonValueKind.Array) { notes.Add(path, "simple_modifications must be an array"); return; }
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = JsonPathText.Index(path, i++);
            if (SimpleModification(entry, at) is { } binding) into.Add(binding);
        }
    }

    private string? SimpleModification(JsonElement entry, string path)
    {
        if (SingleKey(entry, "from", path, allowNone: false) is not { } from) return null;
        if (SingleKey(entry, "to", path, allowNone: true) is not { } to) return null;
        return $"{TomlText.Key(from)} = {TomlText.String(to)}";
    }

    /// <summary>
    /// The one key of a simple modification's from or to (to may also carry modifiers: <c>left_shift+a</c>, or be
    /// empty / vk_none: <c>none</c>). Null, with a note, when it is not a single keyboard key.
    /// </summary>
    private string? SingleKey(JsonElement entry, string field, string path, bool allowNone)
    {
        var at = JsonPathText.Property(path, field);
        if (entry.ValueKind != JsonValueKind.Object || !JsonValues.TryProperty(entry, field, out var value))
        {
            notes.Add(path, $"a simple modification without \"{field}\"");
            return null;
        }
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() == 0 && allowNone) return "none";
            if (value.GetArrayLength() != 1) { notes.Add(at, "a simple modification to several events — write it as a [[rule]]"); return null; }
            value = value[0];
            at = JsonPathText.Index(at, 0);
        }
        if (value.ValueKind != JsonValueKind.Object) { notes.Add(at, "must be an object like { \"key_code\": \"escape\" }"); return null; }
        string? key = null;
        var modifiers = new List<string>();
        foreach (var p in value.EnumerateObject())
        {
            var fieldAt = JsonPathText.Property(at, p.Name);
            switch (p.Name)
            {
                case "key_code" or "consumer_key_code":
                    if (p.Value.ValueKind != JsonValueKind.String) { notes.Add(fieldAt, $"key code {p.Value.GetRawText()} — only key names are supported"); return null; }
                    key = JsonValues.String(p.Value)!;
                    if (key == "vk_none" && allowNone) { key = "none"; break; }
                    if (KarabinerNames.KeyProblem(key) is { } problem) { notes.Add(fieldAt, problem); return null; }
                    break;
                case "modifiers" when allowNone && p.Value.ValueKind == JsonValueKind.Array:
                    foreach (var mod in p.Value.EnumerateArray())
                    {
                        var name = JsonValues.String(mod);
                        if (name is null || !KarabinerNames.IsModifier(name) || name == "caps_lock") { notes.Add(fieldAt, $"modifier {mod.GetRawText()}"); return null; }
                        modifiers.Add(name);
                    }
                    break;
                case "pointing_button":
                    notes.Add(fieldAt, "mouse buttons — Remapper takes over keyboards only");
                    return null;
                case "apple_vendor_keyboard_key_code" or "apple_vendor_top_case_key_code":
                    notes.Add(fieldAt, "Apple vendor keys (mission_control, launchpad, keyboard_fn, ...) exist only on macOS");
                    return null;
                default:
                    notes.Add(fieldAt, $"'{p.Name}' in a simple modification");
                    return null;
            }
        }
        if (key is null) { notes.Add(at, "no key_code or consumer_key_code"); return null; }
        return modifiers.Count == 0 || key == "none" ? key : string.Join("+", [.. modifiers, key]);
    }

    private void FnFunctionKeys(JsonElement list, string path, string? deviceCondition)
    {
        var into = deviceCondition is null ? _fnRules : _deviceFnRules;
        if (list.ValueKind != JsonValueKind.Array) { notes.Add(path, "fn_function_keys must be an array"); return; }
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = JsonPathText.Index(path, i++);
            if (SingleKey(entry, "from", at, allowNone: false) is not { } from) continue;
            if (!JsonValues.TryProperty(entry, "to", out var to)) continue;
            // An F-key left as itself is Karabiner's way of writing "no change".
            if (to.ValueKind == JsonValueKind.Array && to.GetArrayLength() == 1 && JsonValues.TryProperty(to[0], "key_code", out var same)
                && JsonValues.String(same) == from && to[0].EnumerateObject().Count() == 1) continue;

            var mark = notes.Mark;
            var events = new EventConverter(notes, new ConditionConverter(notes)).ToList(to, JsonPathText.Property(at, "to"));
            into.Add("");
            into.AddRange(notes.CommentsSince(mark));
            if (events is null or "[]") continue;
            into.Add(LoadableKeymap.SourceMarker + at);
            into.Add("[[rule]]");
            into.Add(TomlText.Entry("description", TomlText.String($"fn_function_keys: {from}")));
            into.Add("type = \"basic\"");
            into.Add(TomlText.Entry("from", TomlText.Table([
                TomlText.Entry("key_code", TomlText.String(from)),
                TomlText.Entry("modifiers", "{ optional = [\"any\"] }")])));
            into.Add(TomlText.Entry("to", events));
            if (deviceCondition is not null) into.Add(TomlText.Entry("conditions", $"[{deviceCondition}]"));
        }
    }

    private void VirtualKeyboard(JsonElement keyboard, string path)
    {
        if (keyboard.ValueKind != JsonValueKind.Object) return;
        foreach (var p in keyboard.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "keyboard_type_v2" or "keyboard_type":
                    if (JsonValues.String(p.Value) is { } type && type is "ansi" or "iso" or "jis")
                        _settings.Add(TomlText.Entry("keyboard_type", TomlText.String(type)).PadRight(38) + $"# virtual_hid_keyboard.{p.Name}");
                    else notes.Add(at, $"keyboard type {p.Value.GetRawText()} (ansi, iso or jis)");
                    break;
                case "country_code" or "mouse_key_xy_scale" or "indicate_sticky_modifier_keys_state" or "strict_fn_arrows":
                    break; // macOS-side presentation of the virtual keyboard; nothing to carry over.
                default:
                    notes.Add(at, $"'{p.Name}' in virtual_hid_keyboard");
                    break;
            }
        }
    }

    private void Devices(JsonElement devices, string path)
    {
        if (devices.ValueKind != JsonValueKind.Array) { notes.Add(path, "devices must be an array"); return; }
        var i = 0;
        foreach (var device in devices.EnumerateArray())
        {
            var mark = notes.Mark;
            var block = new List<string>();
            Device(device, JsonPathText.Index(path, i++), block);
            // What the device left out is said right above its block (or alone, when nothing was written).
            var comments = notes.CommentsSince(mark).ToList();
            if (comments.Count + block.Count == 0) continue;
            _devices.Add("");
            _devices.AddRange(comments);
            _devices.AddRange(block);
        }
    }

    private void Device(JsonElement device, string path, List<string> block)
    {
        if (device.ValueKind != JsonValueKind.Object || !JsonValues.TryProperty(device, "identifiers", out var ids) || ids.ValueKind != JsonValueKind.Object)
        {
            notes.Add(path, "a device without \"identifiers\"");
            return;
        }
        var idPath = JsonPathText.Property(path, "identifiers");
        bool Flag(JsonElement o, string name) => JsonValues.TryProperty(o, name, out var v) && v.ValueKind == JsonValueKind.True;
        long? Number(string name) => JsonValues.TryProperty(ids, name, out var v) && JsonValues.TryInteger(v, out var n) ? n : null;

        var isKeyboard = Flag(ids, "is_keyboard") || (!JsonValues.TryProperty(ids, "is_keyboard", out _) && !Flag(ids, "is_pointing_device"));
        var hasSimple = JsonValues.TryProperty(device, "simple_modifications", out var simple) && simple.ValueKind == JsonValueKind.Array && simple.GetArrayLength() > 0;
        var hasFn = JsonValues.TryProperty(device, "fn_function_keys", out var fn) && fn.ValueKind == JsonValueKind.Array && fn.GetArrayLength() > 0;
        var ignore = Flag(device, "ignore");
        if (!isKeyboard)
        {
            // Karabiner leaves pointing devices alone by default, and Remapper never takes them over.
            if (hasSimple || (JsonValues.TryProperty(device, "ignore", out var ig) && ig.ValueKind == JsonValueKind.False))
                notes.Add(path, "settings of a pointing device — Remapper takes over keyboards only");
            return;
        }

        foreach (var flag in new[] { "disable_built_in_keyboard_if_exists", "treat_as_built_in_keyboard" })
            if (Flag(device, flag)) notes.Add(JsonPathText.Property(path, flag), $"{flag}: there is no such device setting in a keymap yet");
        if (JsonValues.TryProperty(device, "manipulate_caps_lock_led", out var led) && led.ValueKind == JsonValueKind.False)
            notes.Add(JsonPathText.Property(path, "manipulate_caps_lock_led"), "manipulate_caps_lock_led = false: Remapper always mirrors the caps lock light");
        if (JsonValues.TryProperty(ids, "device_address", out _))
            notes.Add(JsonPathText.Property(idPath, "device_address"), "device_address (a Bluetooth address) — matched by vendor_id and product_id only");

        if (!ignore && !hasSimple && !hasFn) return; // Karabiner's defaults: nothing to write.

        var vendor = Number("vendor_id");
        var product = Number("product_id");
        if (vendor is null && product is null)
        {
            notes.Add(idPath, "a device identified by neither vendor_id nor product_id");
            return;
        }
        var match = new List<string>();
        if (vendor is { } v) match.Add(TomlText.Entry("vendor_id", Hex(v)));
        if (product is { } pr) match.Add(TomlText.Entry("product_id", Hex(pr)));

        block.Add($"# Karabiner device {path}");
        block.Add("[[device]]");
        block.Add(TomlText.Entry("match", TomlText.Table(match)));
        if (ignore)
        {
            block.Add("ignore = true");
            return;
        }
        if (hasSimple)
        {
            var bindings = new List<string>();
            SimpleModifications(simple, JsonPathText.Property(path, "simple_modifications"), bindings);
            if (bindings.Count > 0)
            {
                block.Add("[device.remap]                        # simple_modifications");
                block.AddRange(bindings);
            }
        }
        if (hasFn)
        {
            var identifier = TomlText.Table(match);
            var condition = TomlText.Table([TomlText.Entry("type", "\"device_if\""), TomlText.Entry("identifiers", $"[{identifier}]")]);
            FnFunctionKeys(fn, JsonPathText.Property(path, "fn_function_keys"), condition);
        }
    }

    private static string Hex(long value) => "0x" + value.ToString("x4", CultureInfo.InvariantCulture);
}
