using System.Text.RegularExpressions;

namespace Remapper.Daemon.Tests.Docs;

/// <summary>
/// Reads the fenced blocks of the project's docs. A marker comment on the line before a fence (blank lines between
/// allowed) says how the doc test treats it: <c>&lt;!-- doc-test: skip (reason) --&gt;</c> or
/// <c>&lt;!-- doc-test: file NAME --&gt;</c>.
/// </summary>
public static partial class DocBlocks
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>README.md and every docs/*.md, relative to the repository root.</summary>
    public static IEnumerable<string> Docs() =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot, "docs"), "*.md")
            .Select(f => Path.GetRelativePath(RepoRoot, f)).Order(StringComparer.Ordinal));

    public static IEnumerable<DocBlock> All() => Docs().SelectMany(doc => Read(doc, File.ReadAllText(Path.Combine(RepoRoot, doc))));

    public static List<DocBlock> Read(string doc, string markdown)
    {
        var blocks = new List<DocBlock>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        string? marker = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Marker().Match(line) is { Success: true } m)
            {
                marker = m.Groups[1].Value.Trim();
                continue;
            }
            var fence = Fence().Match(line);
            if (!fence.Success)
            {
                if (line.Trim().Length > 0) marker = null; // a marker applies to the next fence only
                continue;
            }
            var indent = fence.Groups[1].Value;
            var ticks = fence.Groups[2].Value;
            var language = fence.Groups[3].Value.Trim();
            var start = i + 1;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(ticks, StringComparison.Ordinal); i++)
                body.Add(lines[i].StartsWith(indent, StringComparison.Ordinal) ? lines[i][indent.Length..] : lines[i]);
            string? skip = null, file = null;
            if (marker is not null)
            {
                if (SkipMarker().Match(marker) is { Success: true } s) skip = s.Groups[1].Value.Trim();
                else if (FileMarker().Match(marker) is { Success: true } f) file = f.Groups[1].Value;
                else skip = ""; // an unreadable marker fails the marker test, never runs silently
            }
            blocks.Add(new DocBlock(doc, start, language, string.Join("\n", body), skip, file));
            marker = null;
        }
        return blocks;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Remapper.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (Remapper.sln) is not above the test binary");
    }

    [GeneratedRegex(@"^\s*<!--\s*doc-test:\s*(.*?)\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(\s*)(```+)(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^skip\s*\((.+)\)$")]
    private static partial Regex SkipMarker();

    [GeneratedRegex(@"^file\s+(\S+)$")]
    private static partial Regex FileMarker();
}
