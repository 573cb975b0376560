namespace Remapper.Core.Keymap.Loading;

/// <summary>Collects every problem of a load so the user sees them all at once, not one per edit.</summary>
internal sealed class DiagnosticBag
{
    /// <summary>
    /// Past this many errors, a file is garbage rather than a keymap with typos: stop collecting (and stop computing
    /// suggestions) so a 1 MiB file of junk still loads in moments. Warnings never stop a keymap: past the same
    /// number they are only counted.
    /// </summary>
    public const int MaxDiagnostics = 500;

    /// <summary>
    /// "did you mean" costs an edit distance per candidate; after this many a load stops offering them (a file with
    /// hundreds of typos is not helped by the 301st guess, and 2 000 layers × 500 typos must not cost seconds).
    /// </summary>
    public const int MaxSuggestions = 100;

    private readonly List<Diagnostic> _items = [];
    private int _errors, _warnings, _suggestions;
    private bool _truncated;
    private SourceLocation? _lastWarning;

    public IReadOnlyList<Diagnostic> Items => _warnings > MaxDiagnostics && _lastWarning is { } at
        ? [.. _items, new Diagnostic(DiagnosticSeverity.Warning, at with { Line = 0, Column = 0 },
            $"{_warnings - MaxDiagnostics} more warnings are not listed (only the first {MaxDiagnostics} are)")]
        : _items;

    public bool HasErrors => _errors > 0;

    public void Error(SourceLocation at, string message, string? suggestion = null) =>
        Add(DiagnosticSeverity.Error, at, message, suggestion);

    /// <summary>The suggestion is only worked out if the error is kept, and while the load's budget for them lasts.</summary>
    public void Error(SourceLocation at, string message, Func<string?> suggestion)
    {
        if (!HasRoom(DiagnosticSeverity.Error, at)) return;
        var said = _suggestions++ < MaxSuggestions ? suggestion() : null;
        _items.Add(new Diagnostic(DiagnosticSeverity.Error, at, message, said));
    }

    public void Warning(SourceLocation at, string message, string? suggestion = null) =>
        Add(DiagnosticSeverity.Warning, at, message, suggestion);

    /// <summary>"expected a string or an array, got an integer".</summary>
    public void WrongType(TomlNode node, string expected) =>
        Error(node.Location, $"expected {expected}, got {node.KindName}");

    private void Add(DiagnosticSeverity severity, SourceLocation at, string message, string? suggestion)
    {
        if (HasRoom(severity, at)) _items.Add(new Diagnostic(severity, at, message, suggestion));
    }

    private bool HasRoom(DiagnosticSeverity severity, SourceLocation at)
    {
        if (severity == DiagnosticSeverity.Warning)
        {
            _lastWarning = at;
            return ++_warnings <= MaxDiagnostics;
        }
        if (++_errors <= MaxDiagnostics) return true;
        if (!_truncated)
        {
            _truncated = true;
            _items.Add(new Diagnostic(DiagnosticSeverity.Error, at with { Line = 0, Column = 0 },
                $"more than {MaxDiagnostics} errors; only the first {MaxDiagnostics} are listed", "is this really a keymap file?"));
        }
        return false;
    }
}
