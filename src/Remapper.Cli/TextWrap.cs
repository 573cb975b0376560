namespace Remapper.Cli;

/// <summary>Wraps text for an 80-column terminal: at spaces, continuation lines indented, words never split.</summary>
internal static class TextWrap
{
    public const int Columns = 80;

    /// <summary>The text as lines of at most <paramref name="width"/> characters (a longer word gets a line of its own).</summary>
    public static List<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>
    /// Writes <paramref name="first"/> (a label, padded by the caller) followed by <paramref name="text"/>, wrapped at
    /// <see cref="Columns"/>, later lines starting at <paramref name="indent"/> spaces: the layout of status, doctor and keys for long explanations.
    /// </summary>
    public static void Write(TextWriter output, string first, string text, int indent)
    {
        var width = Math.Max(20, Columns - Math.Max(indent, first.Length));
        var lines = Lines(text, width);
        output.WriteLine((first + lines[0]).TrimEnd());
        foreach (var more in lines.Skip(1)) output.WriteLine(new string(' ', indent) + more);
    }
}
