namespace Remapper.Core.Keymap.Loading;

/// <summary>Collects every problem of a load so the user sees them all at once, not one per edit.</summary>
internal sealed class DiagnosticBag
{
    /// <summary>
    /// Past this, a file is garbage rather than a keymap with typos: stop collecting (and stop computing
    /// suggestions, which cost an edit distance per candidate) so a 1 MiB file of junk still loads in moments.
    /// </summary>
    public const int MaxDiagnostics = 500;

    private readonly List<Diagnostic> _items = [];
    private bool _truncated;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _truncated || _items.Any(d => d.IsError);

    public void Error(SourceLocation at, string message, string? suggestion = null) =>
        Add(DiagnosticSeverity.Error, at, message, suggestion);

    /// <summary>The suggestion is only worked out if the error is kept.</summary>
    public void Error(SourceLocation at, string message, Func<string?> suggestion)
    {
        if (HasRoom(at)) Add(DiagnosticSeverity.Error, at, message, suggestion());
    }

    public void Warning(SourceLocation at, string message, string? suggestion = null) =>
        Add(DiagnosticSeverity.Warning, at, message, suggestion);

    /// <summary>"expected a string or an array, got an integer".</summary>
    public void WrongType(TomlNode node, string expected) =>
        Error(node.Location, $"expected {expected}, got {node.KindName}");

    private void Add(DiagnosticSeverity severity, SourceLocation at, string message, string? suggestion)
    {
        if (HasRoom(at)) _items.Add(new Diagnostic(severity, at, message, suggestion));
    }

    private bool HasRoom(SourceLocation at)
    {
        if (_items.Count < MaxDiagnostics) return true;
        if (!_truncated)
        {
            _truncated = true;
            _items.Add(new Diagnostic(DiagnosticSeverity.Error, at with { Line = 0, Column = 0 },
                $"more than {MaxDiagnostics} problems; only {MaxDiagnostics} are listed", "is this really a keymap file?"));
        }
        return false;
    }
}
