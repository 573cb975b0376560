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
    private readonly SimpleModificationConverter _simple = new(notes);
    private DeviceConverter? _deviceConverter;
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
        _manipulators.SimpleModifications = SimpleModificationConverter.KeyToKey(profile);
        foreach (var p in profile.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            switch (p.Name)
            {
                case "complex_modifications":
                    ComplexModifications(p.Value, at);
                    break;
                case "simple_modifications":
                    _simple.Convert(p.Value, at, _remap);
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

    /// <summary>
    /// karabiner.json's "global": the one setting that changes what keys do, the same-instant reordering, becomes a
    /// keymap setting; the rest (update checks, the menu bar, notifications) is about the Karabiner app itself.
    /// </summary>
    public void Global(JsonElement global, string path)
    {
        if (!JsonValues.TryProperty(global, "reorder_same_timestamp_input_events_to_prioritize_modifiers", out var reorder)) return;
        var at = JsonPathText.Property(path, "reorder_same_timestamp_input_events_to_prioritize_modifiers");
        if (reorder.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { notes.Add(at, "must be true or false"); return; }
        if (reorder.GetBoolean())
            _settings.Add("modifiers_first_at_same_instant = true".PadRight(38) + "# global.reorder_same_timestamp_input_events_to_prioritize_modifiers");
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

    private void FnFunctionKeys(JsonElement list, string path, string? deviceCondition)
    {
        var into = deviceCondition is null ? _fnRules : _deviceFnRules;
        if (list.ValueKind != JsonValueKind.Array) { notes.Add(path, "fn_function_keys must be an array"); return; }
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = JsonPathText.Index(path, i++);
            if (_simple.SingleKey(entry, "from", at, allowNone: false) is not { } from) continue;
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
            _deviceConverter ??= new DeviceConverter(notes, _simple, (list, at, condition) => FnFunctionKeys(list, at, condition));
            _deviceConverter.Convert(device, JsonPathText.Index(path, i++), block);
            // What the device left out is said right above its block (or alone, when nothing was written).
            var comments = notes.CommentsSince(mark).ToList();
            if (comments.Count + block.Count == 0) continue;
            _devices.Add("");
            _devices.AddRange(comments);
            _devices.AddRange(block);
        }
    }

}
