namespace Remapper.Core.Keymap.Loading;

/// <summary>"did you mean …?": the nearest candidate by edit distance, when it is near enough to be a typo.</summary>
internal static class Suggestions
{
    // Edit distance is quadratic; a pasted paragraph is not a typo of a key name.
    private const int MaxLength = 64;

    public static string? Nearest(string unknown, IEnumerable<string> candidates)
    {
        if (unknown.Length == 0 || unknown.Length > MaxLength) return null;
        var lower = unknown.ToLowerInvariant();
        // "term" is surely "term_ms", however close "tap" is by edit distance.
        if (unknown.Length >= 3 && candidates
                .Where(c => c.StartsWith(lower, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Length)
                .FirstOrDefault() is { } completion)
            return completion;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Length > MaxLength) continue;
            var d = Distance(lower, candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        if (best is null) return null;
        var allowed = Math.Max(2, Math.Min(unknown.Length, best.Length) / 3);
        return bestDistance <= allowed ? best : null;
    }

    public static string? DidYouMean(string unknown, IEnumerable<string> candidates) =>
        Nearest(unknown, candidates) is { } s ? $"did you mean '{s}'?" : null;

    /// <summary>Damerau (optimal string alignment) distance: a swapped pair of letters is one typo, not two.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
