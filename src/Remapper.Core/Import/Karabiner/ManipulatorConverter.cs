using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// One Karabiner manipulator → one <c>[[rule]]</c>. The keymap's [[rule]] takes a <c>basic</c> manipulator's
/// fields one-to-one (docs/keymap.md), so this is mostly a field-by-field transliteration that checks each part
/// can be expressed. A from or condition that cannot be leaves the whole manipulator out (as a comment with the
/// original JSON); a to-event that cannot be is left out alone, noted right above its line.
/// </summary>
internal sealed class ManipulatorConverter
{
    private static readonly string[] KnownParameters =
    [
        "basic.to_if_alone_timeout_milliseconds", "basic.to_if_held_down_threshold_milliseconds",
        "basic.to_delayed_action_delay_milliseconds", "basic.simultaneous_threshold_milliseconds",
    ];

    private readonly ImportNotes _notes;
    private readonly ConditionConverter _conditions;
    private readonly EventConverter _events;

    public ManipulatorConverter(ImportNotes notes)
    {
        _notes = notes;
        _conditions = new ConditionConverter(notes);
        _events = new EventConverter(notes, _conditions);
    }

    /// <summary>
    /// The profile's simple_modifications, key → key. Karabiner applies them before complex rules, so a rule's
    /// from.key_code names the key after them; Remapper's rules see the physical key, so the rule is written for
    /// each physical key that becomes its from key.
    /// </summary>
    public IReadOnlyDictionary<string, string> SimpleModifications { get; set; } = new Dictionary<string, string>();

    /// <param name="extraCondition">A condition added to the rule's own (a device's fn_function_keys use one).</param>
    public List<string> Convert(JsonElement manipulator, string path, string? ruleDescription, string? extraCondition = null)
    {
        var start = _notes.Mark;
        var lines = TryConvert(manipulator, path, ruleDescription, extraCondition);
        if (lines is not null) return ForPhysicalKeys(lines, manipulator);

        // Left out: say why, and keep the original so the user can rewrite it by hand.
        var leftOut = new List<string>();
        leftOut.AddRange(_notes.CommentsSince(start));
        var description = Description(manipulator) ?? ruleDescription;
        leftOut.Add(description is null
            ? "# This manipulator is left out; in Karabiner it was:"
            : $"# This manipulator (\"{description}\") is left out; in Karabiner it was:");
        leftOut.Add("# " + CompactJson(manipulator));
        return leftOut;
    }

    private List<string> ForPhysicalKeys(List<string> lines, JsonElement manipulator)
    {
        if (SimpleModifications.Count == 0 || !JsonValues.TryProperty(manipulator, "from", out var from)
            || !JsonValues.TryProperty(from, "key_code", out var keyElement) || JsonValues.String(keyElement) is not { } key) return lines;
        var sources = SimpleModifications.TryGetValue(key, out _) ? new List<string>() : [key];
        sources.AddRange(SimpleModifications.Where(m => m.Value == key && m.Key != key).Select(m => m.Key));
        if (sources.Count == 1 && sources[0] == key) return lines;
        if (sources.Count == 0)
        {
            var dead = new List<string> { $"# Never runs in Karabiner: simple_modifications turn {key} into {SimpleModifications[key]} before any rule sees it." };
            dead.AddRange(lines.Select(line => "# " + line));
            return dead;
        }
        var fromLine = lines.FindIndex(line => line.StartsWith("from = ", StringComparison.Ordinal));
        var written = new List<string>();
        foreach (var source in sources)
        {
            if (written.Count > 0) written.Add("");
            if (source != key)
                written.Add($"# simple_modifications turn {source} into {key} before Karabiner's rules see it: so this rule is also {source}'s.");
            var copy = new List<string>(lines);
            var needle = $"key_code = {TomlText.String(key)}";
            var at = copy[fromLine].IndexOf(needle, StringComparison.Ordinal);
            copy[fromLine] = copy[fromLine][..at] + $"key_code = {TomlText.String(source)}" + copy[fromLine][(at + needle.Length)..];
            written.AddRange(copy);
        }
        return written;
    }

    private List<string>? TryConvert(JsonElement m, string path, string? ruleDescription, string? extraCondition)
    {
        if (m.ValueKind != JsonValueKind.Object)
        {
            _notes.Add(path, "a manipulator must be an object");
            return null;
        }
        if (JsonValues.TryProperty(m, "type", out var type) && JsonValues.String(type) != "basic")
        {
            var why = JsonValues.String(type) switch
            {
                "mouse_basic" => "mouse_basic manipulators (flip or swap mouse axes) — Remapper takes over keyboards only",
                "mouse_motion_to_scroll" => "mouse_motion_to_scroll manipulators — Remapper takes over keyboards only",
                var other => $"manipulator type '{other ?? type.GetRawText()}' (only \"basic\" is)",
            };
            _notes.Add(JsonPathText.Property(path, "type"), why);
            return null;
        }
        if (!JsonValues.TryProperty(m, "from", out _))
        {
            _notes.Add(path, "a manipulator without \"from\"");
            return null;
        }

        var body = new List<string>();
        var hasAction = false;
        string? conditions = null;
        foreach (var p in m.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            var mark = _notes.Mark;
            string? line = null;
            switch (p.Name)
            {
                case "type" or "description": continue;
                case "from":
                    if (_events.From(p.Value, at) is not { } from) return null;
                    line = TomlText.Entry("from", from);
                    break;
                case "conditions":
                    if (_conditions.ConvertAll(p.Value, at) is not { } list) return null;
                    conditions = list;
                    continue;
                case "to" or "to_if_alone" or "to_if_held_down" or "to_after_key_up":
                    if (_events.ToList(p.Value, at) is not { } events) break;
                    if (events == "[]") break;
                    line = TomlText.Entry(p.Name, events);
                    hasAction = true;
                    break;
                case "to_delayed_action":
                    if (DelayedAction(p.Value, at) is not { } delayed) break;
                    line = TomlText.Entry(p.Name, delayed);
                    hasAction = true;
                    break;
                case "to_if_other_key_pressed":
                    if (OtherKeyPressed(p.Value, at) is not { } other) break;
                    line = TomlText.Entry(p.Name, other);
                    hasAction = true;
                    break;
                case "parameters":
                    if (Parameters(p.Value, at) is { } parameters) line = TomlText.Entry(p.Name, parameters);
                    break;
                default:
                    _notes.Add(at, $"'{p.Name}' in a manipulator");
                    break;
            }
            body.AddRange(_notes.CommentsSince(mark));
            if (line is not null) body.Add(line);
        }

        // Karabiner swallows a key whose manipulator does nothing (e.g. every to-event was left out): so does "none".
        if (!hasAction) body.Add(TomlText.Entry("to", TomlText.Array([TomlText.String("none")])));
        if (extraCondition is not null)
            conditions = conditions is null or "[]" ? $"[{extraCondition}]" : conditions[..^1] + ", " + extraCondition + "]";
        if (conditions is not null) body.Add(TomlText.Entry("conditions", conditions));

        var lines = new List<string> { LoadableKeymap.SourceMarker + path, "[[rule]]" };
        var description = Description(m) ?? ruleDescription;
        if (description is not null) lines.Add(TomlText.Entry("description", TomlText.String(description)));
        lines.Add("type = \"basic\"");
        lines.AddRange(body);
        return lines;
    }

    private string? DelayedAction(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _notes.Add(path, "to_delayed_action must be an object");
            return null;
        }
        var entries = new List<string>();
        foreach (var p in value.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (p.Name is not ("to_if_invoked" or "to_if_canceled"))
            {
                _notes.Add(at, $"'{p.Name}' in to_delayed_action");
                continue;
            }
            if (_events.ToList(p.Value, at) is { } list) entries.Add(TomlText.Entry(p.Name, list));
        }
        return TomlText.Table(entries);
    }

    private string? OtherKeyPressed(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            _notes.Add(path, "to_if_other_key_pressed must be an array");
            return null;
        }
        var items = new List<string>();
        var i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var at = JsonPathText.Index(path, i++);
            if (entry.ValueKind != JsonValueKind.Object) { _notes.Add(at, "an entry must be an object with other_keys and to"); continue; }
            var fields = new List<string>();
            var ok = true;
            foreach (var p in entry.EnumerateObject())
            {
                var fieldAt = JsonPathText.Property(at, p.Name);
                switch (p.Name)
                {
                    case "other_keys":
                        // Each other key is a from-event: it must convert whole or the entry is left out.
                        if (p.Value.ValueKind != JsonValueKind.Array) { _notes.Add(fieldAt, "other_keys must be an array"); ok = false; break; }
                        var keys = new List<string>();
                        var k = 0;
                        foreach (var key in p.Value.EnumerateArray())
                        {
                            if (_events.From(key, JsonPathText.Index(fieldAt, k++)) is { } one) keys.Add(one);
                            else ok = false;
                        }
                        fields.Add(TomlText.Entry("other_keys", TomlText.Array(keys)));
                        break;
                    case "to":
                        if (_events.ToList(p.Value, fieldAt) is { } to) fields.Add(TomlText.Entry("to", to));
                        break;
                    default:
                        _notes.Add(fieldAt, $"'{p.Name}' in to_if_other_key_pressed");
                        break;
                }
            }
            if (ok) items.Add(TomlText.Table(fields));
        }
        return TomlText.Array(items);
    }

    private string? Parameters(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _notes.Add(path, "parameters must be an object");
            return null;
        }
        var entries = new List<string>();
        foreach (var p in value.EnumerateObject())
        {
            var at = JsonPathText.Property(path, p.Name);
            if (!KnownParameters.Contains(p.Name)) { _notes.Add(at, $"parameter '{p.Name}'"); continue; }
            if (!JsonValues.TryInteger(p.Value, out var ms) || ms < 0) { _notes.Add(at, $"{p.Name} must be a non-negative integer"); continue; }
            entries.Add(TomlText.Entry(p.Name, TomlText.Integer(ms)));
        }
        return entries.Count == 0 ? null : TomlText.Table(entries);
    }

    /// <summary>The element on one line (reader-only comment text; Utf8JsonWriter needs no reflection).</summary>
    private static string CompactJson(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            element.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Description(JsonElement m) =>
        m.ValueKind == JsonValueKind.Object && JsonValues.TryProperty(m, "description", out var d) && d.ValueKind == JsonValueKind.String
            ? JsonValues.String(d)
            : null;
}
