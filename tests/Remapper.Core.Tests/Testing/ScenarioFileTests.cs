using Remapper.Core.Testing;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Testing;

/// <summary>
/// Every test case of every <c>.keytest</c> file under tests/scenarios/ and config/examples/ (and
/// config/default.keytest), one theory row each, named "file › test name". A file that does not parse
/// becomes one failing row named after the file.
/// </summary>
public class ScenarioFileTests
{
    private const string Separator = " › ";

    public static readonly string RepoRoot = FindRepoRoot();

    public static TheoryData<ScenarioCase> Scenarios()
    {
        var data = new TheoryData<ScenarioCase>();
        foreach (var file in ScenarioFiles())
        {
            var relative = Path.GetRelativePath(RepoRoot, file);
            var parsed = KeyTestParser.ParseFile(file);
            if (parsed.File is null) { data.Add(new ScenarioCase(relative)); continue; }
            foreach (var test in parsed.File.Tests) data.Add(new ScenarioCase(relative + Separator + test.Name));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario(ScenarioCase @case)
    {
        var scenario = @case.Name;
        var cut = scenario.IndexOf(Separator, StringComparison.Ordinal);
        var file = Path.Combine(RepoRoot, cut < 0 ? scenario : scenario[..cut]);
        var parsed = KeyTestParser.ParseFile(file);
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors));

        var name = scenario[(cut + Separator.Length)..];
        var result = new KeyTestRunner().Run(parsed.File!, t => t.Name == name);
        Assert.True(result.FileErrors.Count == 0, string.Join("\n", result.FileErrors));
        var single = Assert.Single(result.Results);
        Assert.True(single.Passed, single.Failure);
    }

    [Fact]
    public void The_suite_has_at_least_60_scenarios()
    {
        var count = ScenarioFiles()
            .Where(f => f.StartsWith(Path.Combine(RepoRoot, "tests", "scenarios"), StringComparison.Ordinal))
            .Sum(f => KeyTestParser.ParseFile(f).File?.Tests.Count ?? 0);
        Assert.True(count >= 60, $"only {count} scenarios under tests/scenarios");
    }

    private static IEnumerable<string> ScenarioFiles()
    {
        foreach (var folder in new[] { Path.Combine(RepoRoot, "tests", "scenarios"), Path.Combine(RepoRoot, "config") })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in KeyTestFiles.Under(folder)) yield return file;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Remapper.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Remapper.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>
/// One theory row. A type of its own, not a string, because xunit cuts string arguments to 50 characters
/// in test names, and "file › test name" must show whole.
/// </summary>
public sealed class ScenarioCase : IXunitSerializable
{
    public string Name { get; private set; } = "";

    public ScenarioCase() { }

    public ScenarioCase(string name) => Name = name;

    public void Deserialize(IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

    public override string ToString() => Name;
}
