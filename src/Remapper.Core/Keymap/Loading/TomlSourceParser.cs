using Tomlyn.Parsing;

namespace Remapper.Core.Keymap.Loading;

/// <summary>One file's text → <see cref="TomlTable"/>, with TOML syntax errors as diagnostics at their position.</summary>
internal static partial class TomlSourceParser
{
    public static TomlTable Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var empty = new TomlTable(new SourceLocation(file, 1, 1), isExplicit: true);
        if (NestingGuard.FindTooDeep(text) is { } deep)
        {
            diagnostics.Error(new SourceLocation(file, deep.Line, deep.Column),
                $"brackets nested more than {NestingGuard.MaxDepth} deep", "a keymap never needs this; is the file damaged?");
            return empty;
        }
        Tomlyn.Syntax.DocumentSyntax document;
        try
        {
            // validate: false — duplicate keys and tables are reported by TomlTreeBuilder, with both places named.
            document = SyntaxParser.Parse(text, file, validate: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Tomlyn is meant to collect errors, not throw; if it ever does, the keymap is still just invalid.
            diagnostics.Error(new SourceLocation(file, 1, 1), $"the TOML parser failed on this file: {e.Message}");
            return empty;
        }
        // One typo often makes Tomlyn report several follow-on errors on the same line; the first says it best.
        var lastLine = -1;
        var lines = new LineLengths(text);
        foreach (var message in document.Diagnostics)
        {
            var line = message.Span.Start.Line + 1;
            if (line == lastLine) continue;
            lastLine = line;
            var at = lines.Clamp(new SourceLocation(file, line, message.Span.Start.Column + 1));
            var said = ShortenQuotes(message.Message ?? "");
            if (message.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error) diagnostics.Error(at, DiagnosticTriage.SyntaxErrorPrefix + said);
            else diagnostics.Warning(at, said);
        }
        return new TomlTreeBuilder(file, diagnostics).Build(document);
    }

    /// <summary>
    /// Keeps a reported position on its line: at most one past the last character, where an editor can still put the
    /// cursor. Tomlyn reports in line order, so a cursor that only moves forward keeps this linear in the file size.
    /// </summary>
    private sealed class LineLengths(string text)
    {
        private int _line = 1, _start;

        public SourceLocation Clamp(SourceLocation at)
        {
            if (at.Line < _line) (_line, _start) = (1, 0);
            while (_line < at.Line)
            {
                var next = text.IndexOf('\n', _start);
                if (next < 0) return at with { Line = _line, Column = Math.Min(at.Column, Width(_start, text.Length) + 1) };
                (_line, _start) = (_line + 1, next + 1);
            }
            var end = text.IndexOf('\n', _start);
            var width = Width(_start, end < 0 ? text.Length : end);
            return at.Column > width + 1 ? at with { Column = width + 1 } : at;
        }

        /// <summary>Code points, as Tomlyn counts columns; a trailing \r is not a column.</summary>
        private int Width(int start, int end)
        {
            if (end > start && text[end - 1] == '\r') end--;
            var n = 0;
            for (var i = start; i < end; i++) if (!char.IsLowSurrogate(text[i])) n++;
            return n;
        }
    }

    /// <summary>Tomlyn quotes what it found, which after an unclosed string can be the rest of the file.</summary>
    private static string ShortenQuotes(string message)
    {
        var shortened = QuotedText().Replace(message, m => m.Value[0] + MessageText.Short(m.Value[1..^1]) + m.Value[^1]);
        // An unbalanced quote escapes the pattern above; keep at least the message itself readable.
        return shortened.Length <= 160 ? shortened : string.Concat(shortened.AsSpan(0, 160), "…");
    }

    [System.Text.RegularExpressions.GeneratedRegex("`[^`]*`|'[^']*'")]
    private static partial System.Text.RegularExpressions.Regex QuotedText();
}
