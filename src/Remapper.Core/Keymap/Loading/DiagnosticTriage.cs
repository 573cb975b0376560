namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Turns everything a load found into what a person should read, one line each: a file in another tool's format
/// gets one diagnostic naming that format; with TOML syntax errors only the first syntax error of each file is
/// kept (what follows it is the parser losing its way — an unclosed quote makes every later line "wrong"); errors
/// written in another tool's action or key syntax get the Remapper equivalent as their suggestion.
/// </summary>
internal static class DiagnosticTriage
{
    public const string SyntaxErrorPrefix = "invalid TOML: ";

    public static List<Diagnostic> Apply(string text, string path, List<Diagnostic> sorted)
    {
        if (!sorted.Any(d => d.IsError)) return sorted.Select(OneLine).ToList();
        if (ForeignSyntax.WholeFile(text, path) is { } foreign) return [foreign];

        var lines = text.Split('\n');
        var kept = WithoutCascades(sorted);
        return kept.Select(d => d.IsError && d.Location.File == path ? WithForeignHint(d, lines) : d).Select(OneLine).ToList();
    }

    /// <summary>
    /// On a line the parser could not read, only the syntax error is real (and it comes first); after a string left
    /// open, nothing later in that file is (the parser reads the rest of the file as the inside of a string). Other
    /// syntax errors stay on their line, so a typo does not hide the mistakes below it.
    /// </summary>
    private static List<Diagnostic> WithoutCascades(List<Diagnostic> sorted)
    {
        var syntaxLines = sorted.Where(IsSyntaxError).Select(d => (d.Location.File, d.Location.Line)).ToHashSet();
        var lostAfter = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<Diagnostic>();
        foreach (var d in sorted) // file by file, line by line
        {
            if (lostAfter.TryGetValue(d.Location.File, out var lost) && d.Location.Line > lost) continue;
            if (!IsSyntaxError(d) && syntaxLines.Contains((d.Location.File, d.Location.Line))) continue;
            var explained = Explain(d);
            if (!ReferenceEquals(explained, d)) lostAfter[d.Location.File] = d.Location.Line;
            kept.Add(explained);
        }
        return kept;
    }

    private static bool IsSyntaxError(Diagnostic d) => d.IsError && d.Message.StartsWith(SyntaxErrorPrefix, StringComparison.Ordinal);

    /// <summary>Tomlyn's words for the most common mistake say what it saw, not what is missing.</summary>
    private static Diagnostic Explain(Diagnostic d) =>
        d.Message.Contains("Invalid newline in a string", StringComparison.Ordinal)
            ? d with { Message = SyntaxErrorPrefix + "this string is not closed before the end of the line", Suggestion = d.Suggestion ?? "add the closing quote" }
            : d;

    private static Diagnostic WithForeignHint(Diagnostic d, string[] lines)
    {
        if (d.Location.Line < 1 || d.Location.Line > lines.Length) return d;
        var token = TokenAt(lines[d.Location.Line - 1].TrimEnd('\r'), d.Location.Column - 1);
        return token is not null && ForeignSyntax.ForToken(token) is { } hint ? d with { Suggestion = hint } : d;
    }

    /// <summary>The quoted string that contains <paramref name="column"/>, else the bare word that starts there.</summary>
    private static string? TokenAt(string line, int column)
    {
        if (column < 0 || column >= line.Length) return null;
        for (int start = line.IndexOf('"'); start >= 0; start = line.IndexOf('"', start + 1))
        {
            var end = line.IndexOf('"', start + 1);
            if (end < 0) break;
            if (column >= start && column <= end) return line[(start + 1)..end];
            start = end;
        }
        int stop = column;
        while (stop < line.Length && (char.IsLetterOrDigit(line[stop]) || line[stop] == '_')) stop++;
        return stop > column ? line[column..stop] : null;
    }

    /// <summary>One diagnostic, one line: a message quoting text across a line break shows the break as \n.</summary>
    private static Diagnostic OneLine(Diagnostic d) =>
        d.Message.Contains('\n') || d.Suggestion?.Contains('\n') == true
            ? d with { Message = Flatten(d.Message), Suggestion = d.Suggestion is null ? null : Flatten(d.Suggestion) }
            : d;

    private static string Flatten(string s) => s.Replace("\r", "").Replace("\n", "\\n");
}
