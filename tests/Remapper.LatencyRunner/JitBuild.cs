using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>The framework-dependent (JIT) build of <c>remapper</c>, published beside the e2e harness's AOT build for comparison.</summary>
internal static class JitBuild
{
    public static string Publish()
    {
        string output = Path.Combine(E2EPaths.ArtifactsDir, "remapper-jit");
        string dll = Path.Combine(output, "remapper.dll");
        if (File.Exists(dll))
        {
            File.Delete(dll);
        }
        HarnessLog.Write($"publishing src/Remapper.Cli (JIT) to {output}");
        var result = HostCommand.Run("dotnet",
            ["publish", Path.Combine(E2EPaths.RepoRoot, "src/Remapper.Cli/Remapper.Cli.csproj"), "-c", "Release", "-o", output,
             "--nologo", "-v", "quiet", "--disable-build-servers", "--artifacts-path", Path.Combine(E2EPaths.ArtifactsDir, "obj-jit"),
             "-p:PublishAot=false"],
            TimeSpan.FromMinutes(15));
        if (!result.Ok || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet publish (JIT) failed:\n{result.Tail(40)}");
        }
        return dll;
    }

    /// <summary>The published files the JIT build needs besides the shared runtime (no symbols).</summary>
    public static long Size(string dll) =>
        new DirectoryInfo(Path.GetDirectoryName(dll)!).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is not ".pdb" and not ".dbg").Sum(f => f.Length);
}
