using Tomlyn.Parsing;

namespace Remapper.Core.Keymap.Loading;

/// <summary>One file's text → <see cref="TomlTable"/>, with TOML syntax errors as diagnostics at their position.</summary>
internal static class TomlSourceParser
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
        foreach (var message in document.Diagnostics)
        {
            var line = message.Span.Start.Line + 1;
            if (line == lastLine) continue;
            lastLine = line;
            var at = new SourceLocation(file, line, message.Span.Start.Column + 1);
            if (message.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error) diagnostics.Error(at, $"invalid TOML: {message.Message}");
            else diagnostics.Warning(at, message.Message);
        }
        return new TomlTreeBuilder(file, diagnostics).Build(document);
    }
}
