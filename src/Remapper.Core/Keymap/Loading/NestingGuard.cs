namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Finds absurdly deep [ / { nesting before Tomlyn sees the text: its parser recurses per level, and a
/// StackOverflowException cannot be caught, so 100 000 '[' would kill the daemon instead of giving an error.
/// Knows just enough TOML (comments and the four string forms) not to count brackets inside strings.
/// </summary>
internal static class NestingGuard
{
    /// <summary>
    /// Below Tomlyn's own limit of 64, which counts the key's tables too and then throws a message for programmers
    /// ("Change TomlSerializerOptions.MaxDepth") at 1:1. A keymap nests four deep at most.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>The 1-based line and column where nesting first exceeds <see cref="MaxDepth"/>, or null.</summary>
    public static (int Line, int Column)? FindTooDeep(string text)
    {
        int depth = 0, line = 1, col = 1, i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') Step(text, ref i, ref line, ref col);
                continue;
            }
            if (c is '"' or '\'')
            {
                SkipString(text, ref i, ref line, ref col);
                continue;
            }
            if (c is '[' or '{')
            {
                depth++;
                if (depth > MaxDepth) return (line, col);
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            Step(text, ref i, ref line, ref col);
        }
        return null;
    }

    private static void SkipString(string text, ref int i, ref int line, ref int col)
    {
        var quote = text[i];
        var multiline = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var opening = multiline ? 3 : 1;
        for (var k = 0; k < opening; k++) Step(text, ref i, ref line, ref col);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && quote == '"')
            {
                Step(text, ref i, ref line, ref col);
                if (i < text.Length) Step(text, ref i, ref line, ref col);
                continue;
            }
            if (!multiline && c == '\n') return; // unterminated: Tomlyn reports it
            if (c == quote && (!multiline || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                if (!multiline)
                {
                    Step(text, ref i, ref line, ref col);
                    return;
                }
                // TOML lets up to two quotes end the content right before the closing three (""""" closes
                // after the fifth); take the whole run so a stray quote cannot start a string the parser never sees.
                while (i < text.Length && text[i] == quote) Step(text, ref i, ref line, ref col);
                return;
            }
            Step(text, ref i, ref line, ref col);
        }
    }

    private static void Step(string text, ref int i, ref int line, ref int col)
    {
        if (text[i] == '\n') { line++; col = 1; }
        else if (!char.IsLowSurrogate(text[i])) col++; // columns count code points, as Tomlyn's do (found by the fuzzer)
        i++;
    }
}
