namespace Remapper.Core.Keymap;

/// <summary>The outcome of loading a keymap: a model when there were no errors, and every diagnostic found.</summary>
public sealed record KeymapLoadResult(KeymapModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Model is not null && !Diagnostics.Any(d => d.IsError);
}
