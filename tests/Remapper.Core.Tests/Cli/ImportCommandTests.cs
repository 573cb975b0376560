using Remapper.Core.Tests.Testing;

namespace Remapper.Core.Tests.Cli;

/// <summary><c>remapper import karabiner</c>: exit codes, where the keymap and the report go, and --output/--force.</summary>
public class ImportCommandTests
{
    private static readonly string Fixtures = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "Remapper.Core.Tests", "Import", "Fixtures");

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    [Fact]
    public void Everything_converted_is_exit_0_with_the_keymap_on_stdout()
    {
        var run = CliRun.OfRemapper("import", "karabiner", Fixture("rule-file.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Imported from ", run.Out);
        Assert.Contains("[[rule]]", run.Out);
        Assert.EndsWith($"everything in {Fixture("rule-file.json")} was converted\n", run.Error);
    }

    [Fact]
    public void Something_left_out_is_exit_1_and_each_part_is_listed_on_stderr()
    {
        var run = CliRun.OfRemapper("import", "karabiner", Fixture("karabiner.json"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[[rule]]", run.Out);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith($"{Fixture("karabiner.json")}:$.profiles[1].complex_modifications.rules[2].manipulators[0].to[1].shell_command: not supported: ", lines[0]);
        Assert.Equal($"remapper import karabiner: 4 part(s) of {Fixture("karabiner.json")} could not be converted; they are comments in the keymap", lines[^1]);
    }

    [Fact]
    public void The_profile_option_picks_the_profile()
    {
        var run = CliRun.OfRemapper("import", "karabiner", Fixture("karabiner.json"), "--profile", "Default profile");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("right_command = \"right_option\"", run.Out);
    }

    [Fact]
    public void Broken_json_is_exit_2_with_line_and_column()
    {
        var run = CliRun.OfRemapper("import", "karabiner", Fixture("broken.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        run.AssertOneLineError($"{Fixture("broken.json")}:4:7: error: this is not valid JSON:");
    }

    [Fact]
    public void A_missing_file_and_json_that_is_not_karabiner_are_exit_2()
    {
        using var dir = new TempDir();
        var missing = CliRun.OfRemapper("import", "karabiner", Path.Combine(dir.Path, "nope.json"));
        Assert.Equal(2, missing.ExitCode);
        missing.AssertOneLineError("does not exist");

        var other = CliRun.OfRemapper("import", "karabiner", dir.File("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}"));
        Assert.Equal(2, other.ExitCode);
        other.AssertOneLineError("not a Karabiner-Elements configuration");
    }

    [Fact]
    public void Output_writes_the_file_and_never_overwrites_without_force()
    {
        using var dir = new TempDir();
        var target = dir.File("keymap.toml", "version = 1\n# mine\n");
        var refused = CliRun.OfRemapper("import", "karabiner", Fixture("rule-file.json"), "--output", target);
        Assert.Equal(2, refused.ExitCode);
        refused.AssertOneLineError("already exists; add --force to overwrite it");
        Assert.Equal("version = 1\n# mine\n", File.ReadAllText(target));

        var forced = CliRun.OfRemapper("import", "karabiner", Fixture("rule-file.json"), "--output", target, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("", forced.Out);
        Assert.Contains("[[rule]]", File.ReadAllText(target));

        var check = CliRun.OfRemapper("check", target);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Help_names_the_sources_and_the_exit_codes()
    {
        var import = CliRun.OfRemapper("import", "--help");
        Assert.Equal(0, import.ExitCode);
        foreach (var source in new[] { "karabiner", "keyd", "kanata" }) Assert.Matches($@"\n\s+{source}\b", import.Out);
        var karabiner = CliRun.OfRemapper("import", "karabiner", "--help");
        Assert.Equal(0, karabiner.ExitCode);
        Assert.Contains("--profile", karabiner.Out);
        Assert.Contains("--force", karabiner.Out);
        Assert.Contains("Exit code 0 when everything was converted, 1 when something was left out", karabiner.Out);
    }

    [Fact]
    public void A_kanata_config_that_converts_whole_is_exit_0()
    {
        var run = CliRun.OfRemapper("import", "kanata", Fixture("home-row.kbd"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("caps_lock = { tap = \"escape\", hold = \"left_control\", mode = \"hold_on_other_key_press\", term_ms = 200", run.Out);
        Assert.Contains("[layer.nav]", run.Out);
        Assert.EndsWith($"everything in {Fixture("home-row.kbd")} was converted\n", run.Error);
    }

    [Fact]
    public void What_a_kanata_import_leaves_out_is_listed_with_line_and_column_and_is_exit_1()
    {
        var run = CliRun.OfRemapper("import", "kanata", Fixture("kanata-partial.kbd"));
        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Contains($"{Fixture("kanata-partial.kbd")}:1:9: not supported: nothing in a Remapper keymap runs a shell command", lines);
        Assert.Contains(lines, l => l.StartsWith($"{Fixture("kanata-partial.kbd")}:3:16: not supported: kanata's 'cmd' runs a shell command", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{Fixture("kanata-partial.kbd")}:4:1: not supported: kanata's (defseq git …) taps a virtual key no defvirtualkeys defines", StringComparison.Ordinal));
        Assert.Contains("# (defseq git (g i t))", run.Out);
        Assert.Contains("c = { tap_dance = [\"c\", \"left_control+c\"], term_ms = 200 }", run.Out);
    }

    [Fact]
    public void A_broken_kanata_file_is_exit_2_with_line_and_column()
    {
        var run = CliRun.OfRemapper("import", "kanata", Fixture("broken.kbd"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        run.AssertOneLineError($"{Fixture("broken.kbd")}:1:1: error: this is not a kanata configuration: this '(' is never closed");
    }
}
