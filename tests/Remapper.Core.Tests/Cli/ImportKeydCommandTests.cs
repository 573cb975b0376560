using Remapper.Core.Tests.Testing;

namespace Remapper.Core.Tests.Cli;

/// <summary><c>remapper import keyd</c>: exit codes, where the keymap and the report go, and that the result checks.</summary>
public class ImportKeydCommandTests
{
    private static readonly string Fixture = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "Remapper.Core.Tests", "Import", "Fixtures", "keyd.conf");

    [Fact]
    public void Something_left_out_is_exit_1_each_part_on_stderr_with_line_and_column()
    {
        var run = CliRun.OfRemapper("import", "keyd", Fixture);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("# Imported from ", run.Out);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{Fixture}:18:10: not supported: command()", lines[0]);
        Assert.Equal($"remapper import keyd: 1 part(s) of {Fixture} could not be converted; they are comments in the keymap", lines[1]);
    }

    [Fact]
    public void Everything_converted_is_exit_0_and_the_written_keymap_checks()
    {
        using var dir = new TempDir();
        var conf = dir.File("default.conf", "[ids]\n*\n\n[main]\ncapslock = overload(control, esc)\n");
        var target = Path.Combine(dir.Path, "keymap.toml");
        var run = CliRun.OfRemapper("import", "keyd", conf, "-o", target);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(0, CliRun.OfRemapper("check", target).ExitCode);
    }

    [Fact]
    public void A_file_that_is_not_keyd_is_exit_2()
    {
        using var dir = new TempDir();
        var run = CliRun.OfRemapper("import", "keyd", dir.File("notes.txt", "hello\n"));
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("this is not a keyd config");
    }

    [Fact]
    public void Check_given_a_keyd_config_names_the_import_command()
    {
        using var dir = new TempDir();
        var conf = dir.File("default.conf", "[ids]\n*\n\n[main]\ncapslock = esc\n");
        var run = CliRun.OfRemapper("check", conf);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("remapper import keyd default.conf", run.Out + run.Error);
    }
}
