namespace Remapper.Fuzz;

/// <summary>Seed inputs (the repository's own files) and the regression inputs every finding leaves behind.</summary>
public static class Corpus
{
    /// <summary>The repository root: the folder above this one holding Remapper.sln.</summary>
    public static string Root(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remapper.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Remapper.sln not found above " + (start ?? AppContext.BaseDirectory));
    }

    /// <summary>Every input a finding left for this target; replayed by the test suite, and kept forever.</summary>
    public static string RegressionFolder(FuzzTarget target, string root) => Path.Combine(root, "tests", "fuzz", "regressions", target.Name);

    public static List<(string Path, byte[] Bytes)> Regressions(FuzzTarget target, string root)
    {
        var folder = RegressionFolder(target, root);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f)))]
            : [];
    }

    /// <summary>Seed files, plus the keymaps written inline in .keytest files (between "keymap:" and the first test).</summary>
    public static List<(string Path, byte[] Bytes)> Seeds(FuzzTarget target, string root)
    {
        var seeds = new List<(string, byte[])>();
        foreach (var folder in target.Seeds.Select(s => Path.Combine(root, s)).Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (target.SeedExtensions.Any(e => file.EndsWith(e, StringComparison.Ordinal))) seeds.Add((file, File.ReadAllBytes(file)));
                else if (target == Targets.Keymap && file.EndsWith(".keytest", StringComparison.Ordinal) && InlineKeymap(file) is { } inline)
                    seeds.Add((file + "#keymap", inline));
            }
        return seeds;
    }

    private static byte[]? InlineKeymap(string keytest)
    {
        var lines = File.ReadAllLines(keytest);
        var start = Array.FindIndex(lines, l => l.Trim() == "keymap:");
        if (start < 0) return null;
        var body = lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || char.IsWhiteSpace(l[0])).Select(l => l.Trim());
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", body) + "\n");
    }
}
