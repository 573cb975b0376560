using System.Diagnostics;

namespace Remapper.Daemon.Tests.Docs;

/// <summary>
/// Where doc examples run: a scratch folder that looks like the repository root (every top-level entry linked in), with
/// the files the doc declared, its own empty HOME and runtime folder (so no real keymap or daemon of the machine is
/// used), and the built <c>remapper</c> of this test run as the program.
/// </summary>
public sealed class DocSandbox : IDisposable
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "remapper");

    private readonly TempDir _dir = new();

    public DocSandbox()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(DocBlocks.RepoRoot))
        {
            var name = Path.GetFileName(entry);
            if (name is ".git" or "bin" or "obj") continue;
            File.CreateSymbolicLink(Path.Combine(Root, name), entry);
        }
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Runtime);
    }

    public string Root => _dir.Path;
    private string Home => Path.Combine(Root, ".home");
    private string Runtime => Path.Combine(Root, ".run");

    public void Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        if (File.Exists(path) || Directory.Exists(path)) File.Delete(path); // a doc's file replaces a linked one
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
    }

    /// <summary>Runs <c>remapper ARGS</c> in the sandbox; stdout then stderr, as a terminal would have shown them.</summary>
    public (int Exit, string Output) Run(IReadOnlyList<string> args, string? stdin = null)
    {
        var start = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in new[] { "REMAPPER_CONFIG", "XDG_CONFIG_HOME", "VISUAL", "EDITOR", "JOURNAL_STREAM" }) start.Environment.Remove(name);
        start.Environment["HOME"] = Home;
        start.Environment["XDG_RUNTIME_DIR"] = Runtime;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"remapper {string.Join(' ', args)} did not finish within a minute");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => _dir.Dispose();
}
