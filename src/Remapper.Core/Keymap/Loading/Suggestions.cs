namespace Remapper.Core.Keymap.Loading;

/// <summary>"did you mean …?": the nearest candidate by edit distance, when it is near enough to be a typo.</summary>
internal static class Suggestions
{
    // Edit distance is quadratic; a pasted paragraph is not a typo of a key name.
    private const int MaxLength = 64;

    // No real keymap has more layers or aliases than this; a generated one must not make each typo cost seconds.
    private const int MaxCandidates = 2000;

    public static string? Nearest(string unknown, IEnumerable<string> candidates)
    {
        if (unknown.Length == 0 || unknown.Length > MaxLength) return null;
        // "term" is surely "term_ms", however close "tap" is by edit distance.
        string? completion = null;
        string? best = null;
        var bestDistance = int.MaxValue;
        var seen = 0;
        foreach (var candidate in candidates)
        {
            if (++seen > MaxCandidates) break;
            if (candidate.Length > MaxLength) continue;
            if (unknown.Length >= 3 && candidate.StartsWith(unknown, StringComparison.OrdinalIgnoreCase)
                && (completion is null || candidate.Length < completion.Length))
                completion = candidate;
            if (completion is not null) continue; // a completion wins; no need to measure distances any more
            // Only a distance that could win and be accepted is worth measuring: anything further stops early.
            var limit = Math.Min(bestDistance - 1, Allowed(unknown.Length, candidate.Length));
            if (limit < 0 || Math.Abs(candidate.Length - unknown.Length) > limit) continue;
            var d = Distance(unknown, candidate, limit);
            if (d <= limit) (best, bestDistance) = (candidate, d);
        }
        return completion ?? best;
    }

    /// <summary>How many typos still read as a misspelling of a candidate: a third of the shorter word, at least two.</summary>
    private static int Allowed(int unknownLength, int candidateLength) => Math.Max(2, Math.Min(unknownLength, candidateLength) / 3);

    public static string? DidYouMean(string unknown, IEnumerable<string> candidates) =>
        Nearest(unknown, candidates) is { } s ? $"did you mean '{s}'?" : null;

    /// <summary>
    /// Damerau (optimal string alignment) distance, case-insensitive: a swapped pair of letters is one typo, not two.
    /// Three rows on the stack (both words are at most <see cref="MaxLength"/>), and it gives up with limit + 1 as soon
    /// as every cell of a row is past <paramref name="limit"/>: no allocation, and cheap for a hopeless candidate.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        Span<int> before = stackalloc int[b.Length + 1], previous = stackalloc int[b.Length + 1], current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            var ai = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var bj = char.ToLowerInvariant(b[j - 1]);
                var cost = ai == bj ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
                    d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > limit) return limit + 1;
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
