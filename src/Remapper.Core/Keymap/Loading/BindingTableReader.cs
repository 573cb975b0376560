using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A remap table (<c>[remap]</c>, <c>[layer.x]</c>, a device's <c>remap</c>) → bindings. A key bound twice —
/// through two spellings, or in two included files — is an error naming the first place.
/// </summary>
internal sealed class BindingTableReader(DiagnosticBag diagnostics, ActionParser actions, Func<string, bool>? isLayer = null)
{
    private readonly ValueReader _values = new(diagnostics);

    public const int MaxComboKeys = 8;

    public List<Binding> Read(IEnumerable<TomlEntry> entries, ActionPlace place)
    {
        var bindings = new List<Binding>();
        var seen = new Dictionary<string, TomlEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var from = ReadFrom(entry.Key);
            if (from is not null)
            {
                var identity = string.Join('+', from.Select(u => u.Packed).Order());
                if (seen.TryGetValue(identity, out var first))
                {
                    var what = from.Count == 1 ? $"'{KeyNames.NameOf(from[0])}'" : $"the combo '{string.Join('+', from.Select(KeyNames.NameOf))}'";
                    diagnostics.Error(entry.Key.Location, $"{what} is already bound at {first.Key.Location} (as '{MessageText.Short(first.Key.Value)}')",
                        "remove one of the two lines");
                    from = null;
                }
                else
                {
                    seen[identity] = entry;
                }
            }
            var value = entry.Value;
            ComboOptions? combo = null;
            if (from is { Count: > 1 } && ComboOptionsReader.IsComboTable(value))
            {
                (var comboAction, combo) = ComboOptionsReader.Read((TomlTable)value, _values, isLayer ?? (_ => false));
                if (comboAction is null) continue;
                value = comboAction;
            }
            var action = actions.Parse(value, place);
            if (from is not null && action is not null)
                bindings.Add(new Binding(from, action, entry.Key.Location, combo));
        }
        return bindings;
    }

    private List<Usage>? ReadFrom(TomlString key)
    {
        var parts = key.Value.Split('+');
        if (parts.Length > MaxComboKeys)
        {
            diagnostics.Error(key.Location, $"a combo can have at most {MaxComboKeys} keys, '{MessageText.Short(key.Value)}' has {parts.Length}");
            return null;
        }
        var keys = new List<Usage>(parts.Length);
        var offset = 0;
        var ok = true;
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            var at = key.LocationOf(offset + (raw.Length - raw.TrimStart().Length));
            offset += raw.Length + 1;
            if (part.Length == 0)
            {
                diagnostics.Error(key.Location, parts.Length == 1 ? "empty key name" : $"'{MessageText.Short(key.Value)}' has an empty key name",
                    "a combo is key names joined with '+', e.g. \"j+k\"");
                return null;
            }
            if (!KeyNames.TryParse(part, out var usage) && !ModifierWords.TryParseKey(part, out usage))
            {
                diagnostics.Error(at, $"unknown key '{MessageText.Short(part)}'", () => KeyNameSuggestions.For(part));
                ok = false;
                continue;
            }
            if (keys.Contains(usage))
            {
                diagnostics.Error(at, $"'{MessageText.Short(part)}' appears twice in the combo '{MessageText.Short(key.Value)}'");
                ok = false;
                continue;
            }
            keys.Add(usage);
        }
        return ok ? keys : null;
    }
}
