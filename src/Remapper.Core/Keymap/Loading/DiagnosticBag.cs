namespace Remapper.Core.Keymap.Loading;

/// <summary>Collects every problem of a load so the user sees them all at once, not one per edit.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Error(SourceLocation at, string message, string? suggestion = null) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Error, at, message, suggestion));

    public void Warning(SourceLocation at, string message, string? suggestion = null) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Warning, at, message, suggestion));

    /// <summary>"expected a string or an array, got an integer".</summary>
    public void WrongType(TomlNode node, string expected) =>
        Error(node.Location, $"expected {expected}, got {node.KindName}");
}
