using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// simple_modifications (a profile's or a device's) → <c>[remap]</c> bindings: one key becomes one key, a key
/// with modifiers (<c>left_shift+a</c>) or <c>none</c>. Anything else is noted and left out.
/// </summary>
internal sealed class SimpleModificationConverter(ImportNotes notes)
{
    public void Convert(JsonElement list, string path, List<string> into)
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
    public string? SingleKey(JsonElement entry, string field, string path, bool allowNone)
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
                    key = KarabinerNames.Canonical(key);
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

    /// <summary>The profile's simple_modifications that turn one key into another (no modifiers), by key_code.</summary>
    public static Dictionary<string, string> KeyToKey(JsonElement profile)
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
}
