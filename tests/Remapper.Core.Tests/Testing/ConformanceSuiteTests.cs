using Remapper.Core.Testing;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Testing;

/// <summary>
/// The peers' own test cases, restated under tests/conformance/PEER/ (docs/compatibility.md). Each peer's folder
/// runs as one test that prints "N of M PEER cases pass" and fails on a case that fails without a
/// <c>known-difference:</c> marker, or passes with one (the marker is then out of date).
/// </summary>
public class ConformanceSuiteTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "conformance");

    public static TheoryData<string> Peers()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            if (KeyTestFiles.Under(folder).Count > 0) data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Peers))]
    public void Peer_suite(string peer)
    {
        var summary = ConformanceRun.Of(Path.Combine(Root, peer));
        output.WriteLine($"{summary.Passed} of {summary.Total} {peer} cases pass ({summary.KnownDifferences.Count} known differences)");
        foreach (var known in summary.KnownDifferences) output.WriteLine($"  ~ {known}");
        Assert.True(summary.Problems.Count == 0, string.Join("\n\n", summary.Problems));
    }

    [Fact]
    public void The_keyd_suite_restates_all_94_cases_against_the_imported_test_conf()
    {
        var summary = ConformanceRun.Of(Path.Combine(Root, "keyd"));
        Assert.Equal(94, summary.Total);
    }

    [Fact]
    public void The_karabiner_suite_restates_at_least_100_cases()
    {
        var summary = ConformanceRun.Of(Path.Combine(Root, "karabiner"));
        Assert.True(summary.Total >= 100, $"only {summary.Total} karabiner cases");
    }
}

/// <summary>Runs every .keytest under a folder and sorts the results the way the conformance report needs.</summary>
internal sealed record ConformanceRun(int Total, int Passed, IReadOnlyList<string> KnownDifferences, IReadOnlyList<string> Problems)
{
    public static ConformanceRun Of(string folder)
    {
        int total = 0, passed = 0;
        var known = new List<string>();
        var problems = new List<string>();
        foreach (var file in KeyTestFiles.Under(folder))
        {
            var relative = Path.GetRelativePath(ScenarioFileTests.RepoRoot, file);
            var parsed = KeyTestParser.ParseFile(file);
            if (parsed.File is null) { problems.Add(string.Join("\n", parsed.Errors)); continue; }
            var result = new KeyTestRunner().Run(parsed.File);
            if (result.FileErrors.Count > 0) { problems.Add(string.Join("\n", result.FileErrors)); continue; }
            foreach (var test in result.Results)
            {
                total++;
                switch (test.Outcome)
                {
                    case KeyTestOutcome.Passed: passed++; break;
                    case KeyTestOutcome.KnownDifference: known.Add($"{relative} › {test.Test.Name}: {test.Test.KnownDifference}"); break;
                    case KeyTestOutcome.MarkedButPasses:
                        problems.Add($"{test.Location}: '{test.Test.Name}' is marked as a known difference but passes now: remove the marker");
                        break;
                    default: problems.Add(test.Failure ?? $"{test.Location}: '{test.Test.Name}' failed"); break;
                }
            }
        }
        return new ConformanceRun(total, passed, known, problems);
    }
}
