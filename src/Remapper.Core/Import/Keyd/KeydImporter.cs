using System.Globalization;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Import.Keyd;

/// <summary>
/// A keyd config (<c>/etc/keyd/*.conf</c>) → keymap TOML: <c>[main]</c> becomes <c>[remap]</c>, each layer a
/// <c>[layer.NAME]</c>, chords (<c>a+b = x</c>) combos, <c>[ids]</c> exclusions ignored devices and
/// <c>chord_timeout</c> the combo term (<c>chord_hold_timeout</c> the combo hold). What Remapper cannot express is reported with its line and column and
/// left in the keymap as a comment. The result always loads. docs/import.md describes the mapping.
/// </summary>
public static class KeydImporter
{
    private static readonly string[] SpecialSections = ["ids", "global", "aliases"];

    public static ImportResult Import(string text, string source)
    {
        if (text.Contains('\0'))
            return ImportResult.Failed(new ImportError(source, 0, 0, "this is a binary file, not a keyd config"));
        var ini = KeydIni.Parse(text);
        if (ini.Sections.Count == 0)
            return ImportResult.Failed(new ImportError(source, 0, 0,
                "this is not a keyd config: it has no [ids], [main] or other [section]"));

        var notes = new ImportNotes(source);
        var layers = Layers(ini);
        var globals = ini.Sections.Where(s => s.Header == "global").SelectMany(s => s.Entries).ToList();
        var overloadTap = globals.LastOrDefault(e => e.Key == "overload_tap_timeout");
        int? overloadTapMs = overloadTap is not null && int.TryParse(overloadTap.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var o) && o is >= 1 and <= 10000 ? o : null;
        var converter = new KeydActionConverter(layers, overloadTapMs);

        var lines = new List<string> { "version = 1", "" };
        foreach (var entry in ini.Preamble)
            Leave(lines, notes, entry, entry.KeyColumn, "only `include` may come before the first section, and the import does not follow includes: import that file too");
        Settings(lines, notes, globals, overloadTap);
        Devices(lines, notes, ini);
        foreach (var section in ini.Sections.Where(s => s.Header == "aliases"))
            foreach (var entry in section.Entries)
                Leave(lines, notes, entry, entry.KeyColumn, "keyd [aliases] rename keys; write the binding for each real key instead");

        var mainEntries = ini.Sections.Where(s => s.Header == "main").SelectMany(s => s.Entries).ToList();
        lines.Add("[remap]");
        Bindings(lines, notes, converter, mainEntries);
        ModifierKeyLayers(lines, layers, mainEntries);
        foreach (var layer in layers.Values.Where(l => l.HasBindings && l.Name != "main"))
        {
            var entries = ini.Sections.Where(s => LayerNameOf(s.Header) == layer.Name).SelectMany(s => s.Entries).ToList();
            lines.Add("");
            if (!LayerNames.IsValid(layer.Name))
            {
                var first = ini.Sections.First(s => LayerNameOf(s.Header) == layer.Name);
                notes.Add($"{first.Line}:1", $"layer name '{layer.Name}': {LayerNames.Rule}");
                lines.Add($"# not supported: {first.Line}:1: layer name '{layer.Name}': {LayerNames.Rule}");
                foreach (var entry in entries) lines.Add($"# {Original(entry)}");
                continue;
            }
            lines.Add($"[layer.{TomlText.Key(layer.Name)}]");
            Bindings(lines, notes, converter, entries);
        }
        foreach (var section in ini.Sections.Where(s => IsComposite(s.Header)))
        {
            lines.Add("");
            var unknown = section.Header.Split('+').FirstOrDefault(part => !layers.ContainsKey(part) || !LayerNames.IsPlain(part));
            if (unknown is not null || !LayerNames.IsComposite(section.Header))
            {
                var why = unknown is not null && !layers.ContainsKey(unknown)
                    ? $"the composite layer [{section.Header}] names '{unknown}', which no section defines"
                    : $"the composite layer [{section.Header}]: {LayerNames.Rule}";
                notes.Add($"{section.Line}:1", why);
                lines.Add($"# not supported: {section.Line}:1: {why}");
                lines.Add($"# [{section.Header}]");
                foreach (var entry in section.Entries) lines.Add($"# {Original(entry)}");
                continue;
            }
            lines.Add($"# keyd: [{section.Header}], active while all of its layers are");
            lines.Add($"[layer.{TomlText.Key(section.Header)}]");
            Bindings(lines, notes, converter, section.Entries);
        }
        foreach (var section in ini.Sections.Where(s => IsUnconvertedSection(s.Header) && !IsComposite(s.Header)))
        {
            var why = section.Header.EndsWith(":layout", StringComparison.Ordinal)
                ? "a layout layer ([name:layout], setlayout()) has no Remapper equivalent yet"
                : $"[{section.Header}] is not a keyd layer Remapper knows";
            notes.Add($"{section.Line}:1", why);
            lines.Add("");
            lines.Add($"# not supported: {section.Line}:1: {why}");
            lines.Add($"# [{section.Header}]");
            foreach (var entry in section.Entries) lines.Add($"# {Original(entry)}");
        }

        var (body, loadError) = LoadableKeymap.Make(lines, notes);
        if (loadError is not null) return ImportResult.Failed(new ImportError(source, 0, 0, $"the converted keymap cannot load: {loadError}"));
        var header = new List<string> { $"# Imported from {source} by `remapper import keyd`." };
        if (notes.All.Count > 0)
            header.Add($"# {notes.All.Count} part(s) could not be converted: see the 'not supported' comments below.");
        var toml = string.Join("\n", header.Concat(body)) + "\n";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(toml);
        if (bytes > KeymapFileReader.MaxBytes)
            return ImportResult.Failed(new ImportError(source, 0, 0,
                $"the converted keymap would be {bytes} bytes, more than a keymap file may hold ({KeymapFileReader.MaxBytes})"));
        return new ImportResult(toml, notes.All, null);
    }

    /// <summary>keyd's built-in modifier layers, then every layer a section names (<c>[nav:C]</c>, <c>[nav]</c>).</summary>
    private static Dictionary<string, KeydLayerInfo> Layers(KeydIni ini)
    {
        var layers = new Dictionary<string, KeydLayerInfo>(StringComparer.Ordinal)
        {
            ["control"] = new("control", "C", false),
            ["shift"] = new("shift", "S", false),
            ["meta"] = new("meta", "M", false),
            ["alt"] = new("alt", "A", false),
            ["altgr"] = new("altgr", "G", false),
        };
        foreach (var section in ini.Sections)
        {
            if (SpecialSections.Contains(section.Header) || IsUnconvertedSection(section.Header)) continue;
            if (IsComposite(section.Header)) continue;
            var colon = section.Header.IndexOf(':');
            var name = LayerNameOf(section.Header);
            var modifiers = colon < 0 ? "" : new string(section.Header[(colon + 1)..].Where(c => c != '-').Distinct().ToArray());
            layers.TryGetValue(name, out var known);
            layers[name] = new KeydLayerInfo(name,
                modifiers.Length > 0 ? modifiers : known?.Modifiers ?? "",
                (known?.HasBindings ?? false) || section.Entries.Count > 0);
        }
        // A composite layer's parts must be on the layer stack to be seen active: keyd's built-in modifier layers
        // among them become layers too (their keys activate them, holding their modifier).
        foreach (var section in ini.Sections.Where(s => IsComposite(s.Header) && s.Entries.Count > 0))
            foreach (var part in section.Header.Split('+'))
                if (layers.TryGetValue(part, out var known) && !known.HasBindings)
                    layers[part] = known with { HasBindings = true };
        return layers;
    }

    /// <summary>A composite layer: <c>[a+b]</c>, active while a and b are (no modifiers of its own).</summary>
    private static bool IsComposite(string header) =>
        header.Contains('+') && !header.Contains(':') && header.Split('+').All(part => part.Length > 0);

    /// <summary>
    /// keyd's modifier keys activate its modifier layers (control = layer(control)): where a config binds keys in
    /// one of those, the modifier key must activate it, holding its modifier for every other key.
    /// </summary>
    private static void ModifierKeyLayers(List<string> lines, Dictionary<string, KeydLayerInfo> layers, List<KeydEntry> main)
    {
        var bound = main.SelectMany(e => KeydNames.Input(e.Key) ?? []).ToHashSet();
        foreach (var (name, keys) in KeydNames.ModifierKeys)
        {
            if (!layers.TryGetValue(name, out var layer) || !layer.HasBindings || !LayerNames.IsValid(name)) continue;
            var modifiers = string.Join("+", KeydActionConverter.ModifierKeys(layer.Modifiers));
            var value = modifiers.Length == 0 ? $"layer({name})" : $"layer({name}, {modifiers})";
            var free = keys.Where(k => !bound.Contains(k)).ToList();
            if (free.Count == 0) continue;
            lines.Add($"# keyd: the {name} key activates the {name} layer, which this config binds keys in");
            foreach (var key in free) lines.Add($"{TomlText.Key(key)} = {TomlText.String(value)}");
        }
    }

    private static string LayerNameOf(string header)
    {
        var colon = header.IndexOf(':');
        return colon < 0 ? header : header[..colon];
    }

    /// <summary>Composite layers (<c>[a+b]</c>) and layout layers (<c>[name:layout]</c>).</summary>
    private static bool IsUnconvertedSection(string header) =>
        (header.Contains('+') && !header.StartsWith('+')) || header.EndsWith(":layout", StringComparison.Ordinal) ||
        (header.Contains(':') && !header[(header.IndexOf(':') + 1)..].All(c => c is 'C' or 'S' or 'M' or 'A' or 'G' or '-'));

    private static void Settings(List<string> lines, ImportNotes notes, List<KeydEntry> globals, KeydEntry? overloadTap)
    {
        // keyd lets a key sequence's key (C-x) go first, then its modifiers in the order it pressed them.
        var settings = new List<string> { "chord_release_order = \"key_first\"    # as keyd: x up, then control up" };
        foreach (var entry in globals)
        {
            switch (entry.Key)
            {
                case "chord_timeout" when int.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= 1000:
                    settings.Add($"combo_term_ms = {ms.ToString(CultureInfo.InvariantCulture)}");
                    break;
                case "chord_hold_timeout" when int.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hold) && hold is >= 0 and <= 10000:
                    settings.Add($"combo_hold_ms = {hold.ToString(CultureInfo.InvariantCulture)}");
                    break;
                case "disable_modifier_guard" when entry.Value is "0" or "1":
                    settings.Add($"modifier_guard = {(entry.Value == "0" ? "true" : "false")}");
                    break;
                case "overload_tap_timeout" when entry == overloadTap:
                    settings.Add($"# overload_tap_timeout = {entry.Value}: the term_ms of each overload() below");
                    break;
                default:
                    var why = entry.Key switch
                    {
                        "chord_hold_timeout" => $"chord_hold_timeout = {entry.Value} is outside 0–10000 ms",
                        "oneshot_timeout" => "oneshot_timeout has no Remapper setting yet",
                        "macro_timeout" or "macro_repeat_timeout" or "macro_sequence_timeout" => $"{entry.Key}: Remapper sequences neither repeat nor pause yet",
                        "layer_indicator" => "layer_indicator (the caps lock LED shows a layer) has no Remapper equivalent",
                        "default_layout" => "default_layout: layout layers have no Remapper equivalent yet",
                        "chord_timeout" => $"chord_timeout = {entry.Value} is outside 1–1000 ms",
                        _ => $"'{entry.Key}' is not a keyd [global] setting Remapper knows",
                    };
                    Leave(settings, notes, entry, entry.KeyColumn, why);
                    break;
            }
        }
        lines.Add("[settings]");
        lines.AddRange(settings);
        lines.Add("");
    }

    /// <summary>[ids]: <c>*</c> is every keyboard (as a keymap is); <c>-vid:pid</c> leaves that keyboard alone.</summary>
    private static void Devices(List<string> lines, ImportNotes notes, KeydIni ini)
    {
        foreach (var entry in ini.Sections.Where(s => s.Header == "ids").SelectMany(s => s.Entries))
        {
            var id = entry.Key;
            if (id == "*") continue;
            var excluded = id.StartsWith('-');
            var parts = (excluded ? id[1..] : id).Split(':');
            if (excluded && parts.Length is 2 or 3 && TryHex(parts[0], out var vendor) && TryHex(parts[1], out var product))
            {
                lines.Add($"# [ids] {id}" + (parts.Length == 3 ? " (keyd's third part, a name hash, is not kept)" : ""));
                lines.Add("[[device]]");
                lines.Add($"match = {{ vendor_id = 0x{vendor:x4}, product_id = 0x{product:x4} }}");
                lines.Add("ignore = true");
                lines.Add("");
                continue;
            }
            var why = id.StartsWith("m:", StringComparison.Ordinal)
                ? "keyd also remaps this mouse; Remapper seizes keyboards only"
                : $"keyd applies this config to {id} only; a Remapper keymap applies to every keyboard (leave others alone with [[device]] ignore = true)";
            Leave(lines, notes, entry, entry.KeyColumn, why);
            lines.Add("");
        }
    }

    private static bool TryHex(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && text.Length is >= 1 and <= 4;

    private static void Bindings(List<string> lines, ImportNotes notes, KeydActionConverter converter, List<KeydEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Value is null)
            {
                Leave(lines, notes, entry, entry.KeyColumn, "a line with no '=': keyd ignores it too");
                continue;
            }
            var inputs = Inputs(entry.Key, out var inputError);
            if (inputs is null)
            {
                Leave(lines, notes, entry, entry.KeyColumn, inputError!);
                continue;
            }
            var action = converter.Convert(entry.Value);
            if (action.Failed)
            {
                Leave(lines, notes, entry, entry.ValueColumn, action.Failure!);
                continue;
            }
            foreach (var note in action.Notes)
            {
                var place = $"{entry.Line}:{entry.ValueColumn}";
                notes.Add(place, note);
                lines.Add($"# not supported: {place}: {note}");
            }
            // The marker names the keyd line for a note, should the loader refuse the binding (LoadableKeymap).
            lines.Add($"{LoadableKeymap.SourceMarker}{entry.Line}:{entry.ValueColumn}");
            lines.Add($"# keyd: {Original(entry)}");
            // keyd lets a chord go when the last of its keys is up, and its chord_hold_timeout is the combo_hold_ms setting.
            bool chord = IsChord(entry.Key);
            foreach (var input in inputs)
                lines.Add(chord ? $"{TomlText.Key(input)} = {{ combo = {action.Toml}, key_up_when = \"all\" }}" : $"{TomlText.Key(input)} = {action.Toml}");
        }
    }

    private static bool IsChord(string key) => key.Length > 1 && key.Contains('+');

    /// <summary>The physical keys (or the one combo) a keyd left-hand side binds.</summary>
    private static List<string>? Inputs(string key, out string? error)
    {
        error = null;
        if (IsChord(key))
        {
            var keys = new List<string>();
            foreach (var part in key.Split('+'))
            {
                var physical = KeydNames.Input(part);
                if (physical is not { Length: 1 })
                {
                    error = physical is null ? $"'{part}' is not a keyd key name Remapper knows" : $"a chord of '{part}' (either side) has no Remapper equivalent: name one side";
                    return null;
                }
                keys.Add(physical[0]);
            }
            if (keys.Distinct().Count() != keys.Count || keys.Count > 8)
            {
                error = "a chord needs 2–8 different keys";
                return null;
            }
            return [string.Join("+", keys)];
        }
        var single = KeydNames.Input(key);
        if (single is null) error = $"'{key}' is not a keyd key name Remapper knows";
        return single?.ToList();
    }

    private static void Leave(List<string> lines, ImportNotes notes, KeydEntry entry, int column, string why)
    {
        var place = $"{entry.Line}:{column}";
        notes.Add(place, why);
        lines.Add($"# not supported: {place}: {why}");
        lines.Add($"# {Original(entry)}");
    }

    private static string Original(KeydEntry entry) => entry.Value is null ? entry.Key : $"{entry.Key} = {entry.Value}";
}
