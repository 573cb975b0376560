using Remapper.Core.Testing;
using Remapper.Core.Tests.Cli;

namespace Remapper.Core.Tests.Testing;

/// <summary>The shipped keymaps: each one passes `remapper check` and has a .keytest that really tests it.</summary>
public class ShippedKeymapTests
{
    private static readonly string ConfigDir = Path.Combine(ScenarioFileTests.RepoRoot, "config");

    public static TheoryData<string> Keymaps()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ConfigDir, "*.toml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(ScenarioFileTests.RepoRoot, file));
        return data;
    }

    [Fact]
    public void The_default_and_the_five_examples_are_shipped()
    {
        Assert.Equal(
            ["config/default.toml", "config/examples/home-row-mods.toml", "config/examples/hyper-key.toml",
             "config/examples/mouse-layer.toml", "config/examples/navigation-layer.toml", "config/examples/vim-arrows.toml"],
            ((IEnumerable<object[]>)Keymaps()).Select(row => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(Keymaps))]
    public void Each_keymap_has_a_keytest_next_to_it_that_loads_it(string keymap)
    {
        var toml = Path.Combine(ScenarioFileTests.RepoRoot, keymap);
        var keytest = Path.ChangeExtension(toml, KeyTestParser.FileExtension);
        var parsed = KeyTestParser.ParseFile(keytest);
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
        Assert.Equal(Path.GetFullPath(toml), parsed.File!.Keymap.FilePath);
        Assert.True(parsed.File.Tests.Count >= 4, $"{keytest} has only {parsed.File.Tests.Count} tests");
    }

    [Theory]
    [MemberData(nameof(Keymaps))]
    public void Each_keymap_passes_remapper_check(string keymap)
    {
        var run = CliRun.OfRemapper("check", Path.Combine(ScenarioFileTests.RepoRoot, keymap));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.DoesNotContain("warning", run.Out);
    }
}
