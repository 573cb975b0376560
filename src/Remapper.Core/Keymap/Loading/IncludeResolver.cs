namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Follows <c>include = [...]</c> from the main file: each file parsed once, in depth-first order, paths relative
/// to the including file. A cycle, a missing or unreadable file is an error at the include string.
/// </summary>
internal sealed class IncludeResolver(DiagnosticBag diagnostics)
{
    public const int MaxFiles = 64;

    private readonly ValueReader _values = new(diagnostics);
    private readonly List<KeymapSource> _sources = [];
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private readonly List<(string FullPath, string Shown)> _chain = [];
    private readonly List<string> _named = [];

    /// <summary>Full paths of every file named so far (main file first), including ones that could not be read.</summary>
    public IReadOnlyList<string> NamedFiles => _named;

    public List<KeymapSource> LoadAll(string text, string path)
    {
        var full = FullPath(path) ?? path;
        _named.Add(full);
        Add(text, path, full);
        return _sources;
    }

    private void Add(string text, string path, string fullPath)
    {
        var root = TomlSourceParser.Parse(text, path, diagnostics);
        _sources.Add(new KeymapSource(path, root));
        _loaded.Add(fullPath);
        _chain.Add((fullPath, path));
        if (root.Find("include") is { } entry)
            foreach (var include in _values.StringOrStrings(entry.Value))
                Include(include, path);
        _chain.RemoveAt(_chain.Count - 1);
    }

    private void Include(TomlString include, string fromPath)
    {
        if (include.Value.Trim().Length == 0)
        {
            diagnostics.Error(include.Location, "empty include path");
            return;
        }
        var shown = Path.IsPathRooted(include.Value) ? include.Value : Path.Combine(Path.GetDirectoryName(fromPath) ?? "", include.Value);
        var full = FullPath(shown);
        if (full is null)
        {
            diagnostics.Error(include.Location, $"'{MessageText.Short(include.Value)}' is not a valid file path");
            return;
        }
        if (!_named.Contains(full)) _named.Add(full);
        var cycleStart = _chain.FindIndex(c => c.FullPath == full);
        if (cycleStart >= 0)
        {
            var names = _chain.Skip(cycleStart).Select(c => Path.GetFileName(c.Shown)).Append(Path.GetFileName(shown));
            diagnostics.Error(include.Location, $"include cycle: {string.Join(" → ", names)}", "remove one of these includes");
            return;
        }
        if (_loaded.Contains(full)) return; // included twice along different paths: its bindings count once
        if (_sources.Count >= MaxFiles)
        {
            diagnostics.Error(include.Location, $"a keymap can include at most {MaxFiles} files");
            return;
        }
        var text = KeymapFileReader.TryRead(full, out var error);
        if (text is null)
        {
            diagnostics.Error(include.Location, $"cannot include '{MessageText.Short(include.Value)}': {error}", $"looked for {full}");
            return;
        }
        Add(text, shown, full);
    }

    private static string? FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
