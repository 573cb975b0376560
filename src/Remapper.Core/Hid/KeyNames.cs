using System.Collections.Frozen;

namespace Remapper.Core.Hid;

/// <summary>
/// Key names ↔ usages. Canonical names are Karabiner-Elements' names; common aliases from keyd, kanata,
/// QMK and evdev are accepted case-insensitively. The table itself lives in <see cref="KeyTable"/>.
/// Built once at startup; lookups are for load time and display, not the per-event path.
/// </summary>
public static class KeyNames
{
    private static readonly KeyInfo[] Table = KeyTable.Entries;

    private static readonly FrozenDictionary<string, KeyInfo> ByName = BuildNameIndex();
    private static readonly FrozenDictionary<uint, KeyInfo> ByUsage = Table.ToFrozenDictionary(k => k.Usage.Packed);

    /// <summary>Lower-cased names and aliases with a flag saying which are canonical, for <see cref="Suggest"/>.</summary>
    private static readonly (string Text, bool Canonical, string Name)[] Candidates = BuildCandidates();

    public static IReadOnlyList<KeyInfo> All => Table;

    /// <summary>Case-insensitive lookup of a canonical name or alias.</summary>
    public static bool TryParse(string text, out Usage usage)
    {
        if (text is not null && ByName.TryGetValue(text, out var info))
        {
            usage = info.Usage;
            return true;
        }
        usage = default;
        return false;
    }

    /// <summary>The table entry for a usage, when the table names it.</summary>
    public static bool TryGetInfo(Usage usage, out KeyInfo info) => ByUsage.TryGetValue(usage.Packed, out info!);

    /// <summary>The canonical name, or a stable fallback like <c>usage(0x07,0x99)</c> for unnamed usages.</summary>
    public static string NameOf(Usage usage) =>
        ByUsage.TryGetValue(usage.Packed, out var info) ? info.Name : $"usage(0x{usage.Page:x2},0x{usage.Id:x2})";

    /// <summary>
    /// The canonical name of the closest known name or alias to a misspelt one, or null if nothing is close.
    /// "Close" is a Damerau-Levenshtein (optimal string alignment) distance of at most max(1, length/3),
    /// compared case-insensitively; on a tie a canonical name beats an alias, then the earlier table entry wins.
    /// </summary>
    public static string? Suggest(string unknown)
    {
        if (string.IsNullOrWhiteSpace(unknown)) return null;
        var text = unknown.Trim().ToLowerInvariant();
        if (ByName.TryGetValue(text, out var exact)) return exact.Name;
        if (text.Length < 2) return null;

        int limit = Math.Max(1, text.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        bool bestCanonical = false;
        foreach (var (candidate, canonical, name) in Candidates)
        {
            if (Math.Abs(candidate.Length - text.Length) > limit) continue;
            int d = EditDistance.DamerauLevenshtein(text, candidate);
            if (d > limit) continue;
            if (d < bestDistance || (d == bestDistance && canonical && !bestCanonical))
            {
                best = name;
                bestDistance = d;
                bestCanonical = canonical;
            }
        }
        return best;
    }

    private static FrozenDictionary<string, KeyInfo> BuildNameIndex()
    {
        var index = new Dictionary<string, KeyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var k in Table)
        {
            // TryAdd: a duplicate would be a table bug; the uniqueness test reports it precisely.
            index.TryAdd(k.Name, k);
            foreach (var alias in k.Aliases) index.TryAdd(alias, k);
        }
        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static (string, bool, string)[] BuildCandidates()
    {
        var list = new List<(string, bool, string)>();
        foreach (var k in Table)
        {
            list.Add((k.Name.ToLowerInvariant(), true, k.Name));
            foreach (var alias in k.Aliases) list.Add((alias.ToLowerInvariant(), false, k.Name));
        }
        return [.. list];
    }
}
