using Remapper.Core.Keymap;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// Keeps the promise that an import always loads. The converters write what the keymap syntax can say; the
/// keymap loader is the judge of what this build of Remapper runs. Any rule the loader rejects (a feature not
/// supported yet) becomes a comment with the loader's reason and a note, and any other rejected line likewise,
/// so the rest of the keymap still loads — and when the engine learns the feature, the same import keeps it.
/// </summary>
internal static class LoadableKeymap
{
    /// <summary>The comment above each converted rule naming the manipulator it came from.</summary>
    public const string SourceMarker = "# from ";

    private const int MaxPasses = 20;

    /// <summary>
    /// The lines with every rejected rule commented out, and null; or, when the keymap as a whole cannot load
    /// (e.g. it is larger than a keymap may be), the loader's first error.
    /// </summary>
    public static (List<string> Lines, string? Error) Make(List<string> lines, ImportNotes notes)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var loaded = KeymapLoader.Load(string.Join("\n", lines) + "\n", "imported.toml");
            var errorLines = loaded.Diagnostics
                .Where(d => d.IsError && d.Location.Line >= 1 && d.Location.Line <= lines.Count)
                .GroupBy(d => d.Location.Line)
                .OrderByDescending(g => g.Key)
                .ToList();
            if (errorLines.Count == 0)
            {
                var whole = loaded.Diagnostics.FirstOrDefault(d => d.IsError);
                return (lines, whole?.Message);
            }

            var done = new HashSet<int>();
            foreach (var group in errorLines)
            {
                var index = group.Key - 1;
                var message = Unprefixed(group.First().Message);
                var (start, end, place) = EnclosingRule(lines, index);
                if (done.Contains(start)) continue;
                done.Add(start);
                if (lines[index].TrimStart().StartsWith('#')) continue; // already a comment (an earlier pass)
                place ??= $"line {group.Key} of the import";
                notes.Add(place, $"{message} (Remapper cannot run this yet)");
                var replacement = new List<string> { $"# not supported: {place}: {message}" };
                replacement.AddRange(lines.Skip(start).Take(end - start).Select(line => line.StartsWith(SourceMarker, StringComparison.Ordinal) ? line : "# " + line));
                lines.RemoveRange(start, end - start);
                lines.InsertRange(start, replacement);
            }
        }
        return (lines, "the converted keymap still has errors after leaving out every rule the loader rejected");
    }

    private static string Unprefixed(string message)
    {
        foreach (var prefix in new[] { "not supported yet: ", "not supported: " })
            if (message.StartsWith(prefix, StringComparison.Ordinal)) return message[prefix.Length..];
        return message;
    }

    /// <summary>The rule block around <paramref name="index"/> (from its source marker to the next blank line), or that line alone.</summary>
    private static (int Start, int End, string? Place) EnclosingRule(List<string> lines, int index)
    {
        for (var i = index; i >= 0 && lines[i].Length > 0; i--)
        {
            if (!lines[i].StartsWith(SourceMarker, StringComparison.Ordinal)) continue;
            var end = index;
            while (end < lines.Count && lines[end].Length > 0 && (end == index || !lines[end].StartsWith(SourceMarker, StringComparison.Ordinal))) end++;
            return (i, end, lines[i][SourceMarker.Length..]);
        }
        return (index, index + 1, null);
    }
}
