namespace Remapper.Core.Keymap;

/// <summary>The outcome of loading a keymap: a model when there were no errors, and every diagnostic found.</summary>
public sealed record KeymapLoadResult(KeymapModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Model is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Full paths of the main file and every include it named, found or not: what a watcher must watch so
    /// that editing an include, or creating a missing one, reloads the keymap.
    /// </summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];
}
