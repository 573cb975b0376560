using System.CommandLine;
using Remapper.Cli;

namespace Remapper.Core.Tests.Cli;

/// <summary>Runs a command tree in-process and captures what it prints, as a terminal user would see it.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(RootCommand root, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = RemapperCli.Run(root, args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Of(Command command, params string[] args)
    {
        var root = new RootCommand("test root") { command };
        return Of(root, args);
    }

    public static CliRun OfRemapper(params string[] args) => Of(RemapperCli.Build(), args);

    /// <summary>Errors must be one clear line, never a stack trace.</summary>
    public void AssertOneLineError(string contains)
    {
        var lines = Error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{Error}");
        Assert.Contains(contains, Error);
        Assert.DoesNotContain("   at ", Error);
    }
}

/// <summary>A scratch folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("remapper-cli-").FullName;

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Bytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
