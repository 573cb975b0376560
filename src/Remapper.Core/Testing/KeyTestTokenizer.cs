using System.Text;

namespace Remapper.Core.Testing;

/// <summary>Splits one <c>.keytest</c> line into words: whitespace separates, double quotes group, <c>#</c> starts a comment.</summary>
internal static class KeyTestTokenizer
{
    public static List<string> Split(string line, out string? error)
    {
        error = null;
        var words = new List<string>();
        var current = new StringBuilder();
        bool inQuotes = false, hasWord = false;
        foreach (var c in line)
        {
            if (inQuotes)
            {
                if (c == '"') inQuotes = false;
                else current.Append(c);
                continue;
            }
            if (c == '#') break;
            if (c == '"') { inQuotes = true; hasWord = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (hasWord) { words.Add(current.ToString()); current.Clear(); hasWord = false; }
                continue;
            }
            current.Append(c);
            hasWord = true;
        }
        if (inQuotes) error = "unterminated string: a \" has no closing \"";
        if (hasWord) words.Add(current.ToString());
        return words;
    }

    /// <summary>The line without its comment (a <c>#</c> outside quotes), trimmed.</summary>
    public static string StripComment(string line)
    {
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') inQuotes = !inQuotes;
            else if (line[i] == '#' && !inQuotes) return line[..i].Trim();
        }
        return line.Trim();
    }
}
