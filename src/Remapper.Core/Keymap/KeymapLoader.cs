using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Keymap;

/// <summary>TOML text → validated <see cref="KeymapModel"/> plus diagnostics. Never throws on bad input.</summary>
public static class KeymapLoader
{
    /// <summary>Parses and validates keymap text. <paramref name="path"/> is used in diagnostics and to resolve includes.</summary>
    public static KeymapLoadResult Load(string text, string path)
    {
        var diagnostics = new DiagnosticBag();
        var resolver = new IncludeResolver(diagnostics);
        var sources = resolver.LoadAll(text, path);
        var model = new KeymapReader(diagnostics).Read(sources, path);
        return new KeymapLoadResult(diagnostics.HasErrors ? null : model, DiagnosticTriage.Apply(text, path, Sorted(diagnostics.Items, sources)))
        {
            SourceFiles = resolver.NamedFiles.ToArray(),
        };
    }

    /// <summary>Reads and loads a file; unreadable files, directories and binary garbage become diagnostics, not exceptions.</summary>
    public static KeymapLoadResult LoadFile(string path)
    {
        var text = KeymapFileReader.TryRead(path, out var error);
        if (text is null)
            return new KeymapLoadResult(null, [new Diagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 0, 0), error)])
            {
                SourceFiles = path.Length == 0 || path.Contains('\0') ? [] : [Path.GetFullPath(path)],
            };
        return Load(text, path);
    }

    /// <summary>File by file in include order, then by position: the order a reader of the files meets them.</summary>
    private static List<Diagnostic> Sorted(IReadOnlyList<Diagnostic> diagnostics, List<KeymapSource> sources)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sources) fileOrder.TryAdd(s.Path, fileOrder.Count);
        return diagnostics
            .OrderBy(d => fileOrder.TryGetValue(d.Location.File, out var i) ? i : int.MaxValue)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
    }
}
