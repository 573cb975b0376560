namespace Remapper.Core.Keymap;

public enum DiagnosticSeverity { Error, Warning }

/// <summary>One problem in a keymap, with where it is and, when we can guess, what was meant.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message, string? Suggestion = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>file:line:col: error: message — did you mean 'x'?</c>: the format compilers use, so editors can jump to it.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var text = $"{Location}: {severity}: {Message}";
        return Suggestion is null ? text : $"{text} — {Suggestion}";
    }
}
