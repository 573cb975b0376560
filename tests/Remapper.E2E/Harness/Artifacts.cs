namespace Remapper.E2E.Harness;

/// <summary>
/// The Native AOT binaries the guest runs: the guest tool and <c>remapper</c> itself. Published once per test
/// process into <see cref="E2EPaths.ArtifactsDir"/> (under /var/tmp, visible in the guest at the same path).
/// </summary>
internal static class Artifacts
{
    private static readonly Lazy<PublishResult> LazyGuestTool = new(
        () => Publish("tests/Remapper.E2E.Guest/Remapper.E2E.Guest.csproj", "guest", "e2e-guest", []),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<PublishResult> LazyRemapper = new(
        () => Named(PrebuiltRemapper() ?? Publish("src/Remapper.Cli/Remapper.Cli.csproj", "remapper", "remapper", ["-p:PublishAot=true"])),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Environment variable naming an already published <c>remapper</c> to test instead of publishing this checkout's.</summary>
    public const string PrebuiltVariable = "REMAPPER_E2E_REMAPPER";

    public sealed record PublishResult(string? BinaryPath, string? Problem);

    /// <summary>The guest tool; a failure to publish it is a failure of the suite, not a reason to skip.</summary>
    public static string GuestTool =>
        LazyGuestTool.Value.BinaryPath ?? throw new InvalidOperationException(LazyGuestTool.Value.Problem);

    /// <summary>The published <c>remapper</c>, or why there is none (worded as a skip message).</summary>
    public static PublishResult Remapper => LazyRemapper.Value;

    private static PublishResult Publish(string project, string outputName, string binaryName, string[] extra)
    {
        string output = Path.Combine(E2EPaths.ArtifactsDir, outputName);
        string binary = Path.Combine(output, binaryName);
        // A stale binary from an earlier run must never stand in for a build that failed now.
        if (File.Exists(binary))
        {
            File.Delete(binary);
        }
        HarnessLog.Write($"publishing {project} (Native AOT) to {output}");
        var result = HostCommand.Run("dotnet",
            // Its own artifacts path: the nested build never writes into the bin/obj folders of the build that
            // is running the tests (other test hosts may be running from them).
            ["publish", Path.Combine(E2EPaths.RepoRoot, project), "-c", "Release", "-o", output, "--nologo",
             "-v", "quiet", "--disable-build-servers", "--artifacts-path", Path.Combine(E2EPaths.ArtifactsDir, "obj"), .. extra],
            TimeSpan.FromMinutes(15), environment: CleanBuildEnvironment());
        if (!result.Ok || !File.Exists(binary))
        {
            return new PublishResult(null, $"dotnet publish {project} failed ({result.ExitCode}):\n{result.Tail(40)}");
        }
        HarnessLog.Write($"published {binary}");
        return new PublishResult(binary, null);
    }

    private static PublishResult? PrebuiltRemapper()
    {
        if (Environment.GetEnvironmentVariable(PrebuiltVariable) is not { Length: > 0 } path)
        {
            return null;
        }
        if (path.StartsWith("/tmp/", StringComparison.Ordinal))
        {
            return new PublishResult(null, $"{PrebuiltVariable}={path}: the guest mounts its own /tmp, put the binary elsewhere (e.g. /var/tmp)");
        }
        HarnessLog.Write($"using the prebuilt remapper {path} ({PrebuiltVariable})");
        return File.Exists(path) ? new PublishResult(path, null) : new PublishResult(null, $"{PrebuiltVariable}={path}: no such file");
    }

    private static PublishResult Named(PublishResult published) =>
        published.BinaryPath is null ? published with { Problem = "remapper binary not published: " + published.Problem } : published;

    /// <summary>
    /// `dotnet test` exports MSBuild variables into the test host; a nested `dotnet publish` that inherits them
    /// can resolve the wrong SDK pieces, so they are removed.
    /// </summary>
    private static Dictionary<string, string?> CleanBuildEnvironment()
    {
        var environment = new Dictionary<string, string?>();
        foreach (string key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                environment[key] = null;
            }
        }
        return environment;
    }
}
