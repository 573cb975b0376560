namespace Remapper.Core.Hid;

/// <summary>String distance for "did you mean" suggestions on misspelt key names.</summary>
internal static class EditDistance
{
    /// <summary>
    /// Optimal-string-alignment Damerau-Levenshtein distance: insertions, deletions, substitutions and
    /// transpositions of two adjacent characters each cost 1 — transposed letters are the commonest typo.
    /// </summary>
    public static int DamerauLevenshtein(string a, string b)
    {
        int n = a.Length, m = b.Length;
        if (n == 0) return m;
        if (m == 0) return n;

        // Three rolling rows: the transposition step looks two rows back.
        var prev2 = new int[m + 1];
        var prev = new int[m + 1];
        var cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;

        for (int i = 1; i <= n; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= m; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
            }
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[m];
    }
}
