using System.Globalization;

namespace Remapper.Fuzz.Tests;

/// <summary>
/// The fuzzing that is part of every test run: each kept regression input and each seed must pass its target, and a
/// bounded run of the mutational fuzzer (our own, not coverage-guided; afl-fuzz is the long run, docs/fuzzing.md)
/// must find nothing. The run is a number of inputs, not a time; its seed changes daily and is in every failure
/// message (REMAPPER_FUZZ_SEED replays it), and whatever it finds is saved to tests/fuzz/regressions/TARGET/.
/// </summary>
public class FuzzSuiteTests
{
    private static readonly string Root = Corpus.Root();

    public static TheoryData<string> TargetNames => [.. Targets.All.Select(t => t.Name)];

    private static FuzzTarget Target(string name) => Targets.Named(name)!;

    /// <summary>Inputs per target in the bounded run: together well under a minute here.</summary>
    private static int Inputs(string target) => target switch
    {
        "keymap" => 40_000,
        "keytest" => 30_000,
        _ => 100_000,
    };

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("REMAPPER_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s
            : (int)(DateTime.UtcNow - DateTime.UnixEpoch).TotalDays;

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Every_kept_regression_input_passes(string name)
    {
        var target = Target(name);
        var failures = Corpus.Regressions(target, Root).Select(r => Failure(target, r.Path, r.Bytes)).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Every_seed_passes_and_there_are_seeds(string name)
    {
        var target = Target(name);
        var seeds = Corpus.Seeds(target, Root);
        Assert.True(seeds.Count >= 3, $"only {seeds.Count} seeds for {name}");
        var failures = seeds.Select(s => Failure(target, s.Path, s.Bytes)).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void A_bounded_mutational_run_finds_nothing(string name)
    {
        var target = Target(name);
        var seed = Seed();
        var findings = MutationRun.Run(target, Root, Inputs(name), seed, Corpus.RegressionFolder(target, Root));
        Assert.True(findings.Count == 0,
            $"{findings.Count} findings for {name} with REMAPPER_FUZZ_SEED={seed} (saved as regression inputs):\n" +
            string.Join("\n", findings.Select(f => $"{f.SavedAs}\n  input: {f.Input}\n  {f.Error}")));
    }

    [Fact]
    public void The_mutator_finds_a_planted_bug()
    {
        // A target that crashes on a NUL byte after "[remap]": the fuzzer must reach it from the keymap seeds.
        var planted = Targets.Keymap with
        {
            Name = "planted",
            Run = input =>
            {
                var text = System.Text.Encoding.Latin1.GetString(input);
                var remap = text.IndexOf("[remap]", StringComparison.Ordinal);
                if (remap >= 0 && text.IndexOf('\0', remap) >= 0) throw new IndexOutOfRangeException("planted");
            },
        };
        var findings = MutationRun.Run(planted, Root, 5_000, seed: 1, saveTo: null);
        Assert.Contains(findings, f => f.Error.Contains("planted", StringComparison.Ordinal));
    }

    private static string? Failure(FuzzTarget target, string path, byte[] input)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (Exception e)
        {
            return $"{path}: {(e is FuzzFinding ? e.Message : e.ToString())}";
        }
    }
}
