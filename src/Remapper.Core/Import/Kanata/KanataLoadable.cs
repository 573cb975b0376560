using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// Keeps the promise that an import always loads: every line the keymap loader rejects (an action this build of
/// Remapper cannot run yet, such as one another branch adds) becomes a comment with the loader's reason, and a note
/// naming the kanata place it came from. When the engine learns the feature, the same import keeps the line.
/// </summary>
internal static class KanataLoadable
{
    private const int MaxPasses = 20;

    public static (List<string> Lines, string? Error) Make(List<string> lines, Dictionary<int, string> places, ImportNotes notes)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var loaded = KeymapLoader.Load(string.Join("\n", lines) + "\n", "imported.toml");
            var rejected = loaded.Diagnostics
                .Where(d => d.IsError && d.Location.Line >= 1 && d.Location.Line <= lines.Count)
                .GroupBy(d => d.Location.Line)
                .ToList();
            if (rejected.Count == 0) return (lines, loaded.Diagnostics.FirstOrDefault(d => d.IsError)?.Message);
            foreach (var group in rejected)
            {
                var index = group.Key - 1;
                if (lines[index].TrimStart().StartsWith('#')) continue;
                var message = group.First().Message;
                var place = places.TryGetValue(index, out var p) ? p : $"line {group.Key} of the import";
                notes.Add(place, $"{message} (Remapper cannot run this yet)");
                lines[index] = $"# not supported: {place}: {message}\n# {lines[index]}";
            }
            // Re-split so line numbers stay true for the next pass.
            var flat = string.Join("\n", lines).Split('\n').ToList();
            var moved = new Dictionary<int, string>();
            for (int i = 0, j = 0; i < lines.Count; i++)
            {
                int extra = lines[i].Count(c => c == '\n');
                if (places.TryGetValue(i, out var where)) moved[j + extra] = where;
                j += extra + 1;
            }
            places.Clear();
            foreach (var (k, v) in moved) places[k] = v;
            lines.Clear();
            lines.AddRange(flat);
        }
        return (lines, "the converted keymap still has errors after leaving out every line the loader rejected");
    }
}
