using System.Diagnostics;

namespace Remapper.Fuzz.Tests;

/// <summary>
/// The coverage-guided part of the bounded run: tests/fuzz/run-afl.sh for a few seconds per target, when afl-fuzz
/// (Debian: afl++) is installed, as .ci/run installs it. Without it this test says so on its output and passes: the
/// mutational run (FuzzSuiteTests) still runs everywhere.
/// This run explores: it must run over every target, and whatever new crash it finds is kept under tests/fuzz/regressions
/// and named on the output, where the replay (FuzzSuiteTests.Every_kept_regression_input_passes) fails on it from then
/// on, until it is fixed. It does not fail the suite itself, so a CI run cannot turn red at random on a new discovery.
/// </summary>
public class AflRunTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int SecondsPerTarget = 15;

    [Fact]
    public async Task A_short_afl_run_covers_every_target_and_keeps_what_it_finds()
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
        var lines = stdout.Split('\n');
        var targets = lines.Where(l => l.StartsWith("afl-fuzz ", StringComparison.Ordinal) && l.Contains(" inputs in ", StringComparison.Ordinal)).ToList();
        var kept = lines.Where(l => l.StartsWith("crash kept as ", StringComparison.Ordinal)).ToList();
        Assert.True(targets.Count == 3, $"afl-fuzz did not run over every target (exit {run.ExitCode}):\n{stdout}{stderr}");
        // Exit 1 with crashes kept is a finding, not a broken run; any other failure is.
        Assert.True(run.ExitCode == 0 || kept.Count > 0, $"run-afl.sh exited {run.ExitCode}:\n{stdout}{stderr}");
        foreach (var crash in kept) output.WriteLine($"NEW FINDING: {crash} (replayed, and failing, from the next run on until fixed)");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
