using System.Diagnostics;

namespace Remapper.Fuzz.Tests;

/// <summary>
/// The coverage-guided part of the bounded run: tests/fuzz/run-afl.sh for a few seconds per target, when afl-fuzz
/// (Debian: afl++) is installed, as .ci/run installs it. Without it this test says so on its output and passes: the
/// mutational run (FuzzSuiteTests) still runs everywhere.
/// </summary>
public class AflRunTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int SecondsPerTarget = 15;

    [Fact]
    public async Task A_short_afl_run_over_every_target_finds_no_crash()
    {
        if (!OnPath("afl-fuzz"))
        {
            output.WriteLine("afl-fuzz is not installed (apt-get install afl++): the coverage-guided run was not done");
            return;
        }
        var root = Corpus.Root();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "tests", "fuzz", "run-afl.sh"), "all", SecondsPerTarget.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var run = Process.Start(start)!;
        var stderrTask = run.StandardError.ReadToEndAsync();
        var stdout = await run.StandardOutput.ReadToEndAsync();
        var stderr = await stderrTask;
        await run.WaitForExitAsync();
        output.WriteLine(stdout + stderr);
        Assert.True(run.ExitCode == 0, $"run-afl.sh exited {run.ExitCode}:\n{stdout}{stderr}");
        Assert.Equal(3, stdout.Split('\n').Count(l => l.StartsWith("afl-fuzz ", StringComparison.Ordinal) && l.Contains(", 0 crashes", StringComparison.Ordinal)));
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
