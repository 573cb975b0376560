namespace Remapper.Daemon.Tests.Docs;

/// <summary>
/// The shell lines of a doc example, as words: quotes and a trailing <c># comment</c> are understood; pipes,
/// redirections and variables are not (an example that needs them gets a skip marker).
/// </summary>
public static class DocCommandLine
{
    /// <summary>The commands an example may run offline from the repository root.</summary>
    public static readonly string[] Offline = ["check", "test", "keys", "import", "init", "help", "version", "--help", "-h", "-V", "--version"];

    public static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; inWord = true; continue; }
            if (c == '#' && !inWord) break;
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    /// <summary>Why this line cannot run offline here, or null when it can.</summary>
    public static string? WhyNotOffline(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return null;
        if (words[0] != "remapper") return $"'{words[0]}' is not a remapper command";
        if (words.Any(w => w is "|" or ">" or ">>" or "<" or "&&" or "||" or ";" || w.StartsWith('$')))
            return "pipes, redirections and variables are not run";
        if (words.Count == 1) return null;
        // A mistyped command is an offline example too: of the error it gets.
        var known = Remapper.Cli.RemapperCli.Build().Subcommands.Any(c => c.Name == words[1]);
        return !known || Offline.Contains(words[1]) || words.Skip(1).Contains("--help") ? null : $"`remapper {words[1]}` needs a daemon or devices";
    }
}
