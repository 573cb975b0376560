namespace Remapper.Core.Tests.Cli;

public class RootCommandTests
{
    [Fact]
    public void Help_lists_the_commands()
    {
        var run = CliRun.OfRemapper("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "run", "check", "test", "keys", "devices", "doctor" })
            Assert.Matches($@"\n\s+{command}\b", run.Out);
        Assert.Contains("left control + space + escape", run.Out);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    [InlineData("keys")]
    public void Every_offline_command_has_help(string command)
    {
        var run = CliRun.OfRemapper(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"remapper {command}", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_mistyped_command_gets_a_suggestion()
    {
        var run = CliRun.OfRemapper("chekc");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean 'check'?", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_command_that_resembles_nothing_is_a_usage_error_without_a_wild_guess()
    {
        var run = CliRun.OfRemapper("qwertyuiop");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'qwertyuiop'", run.Error);
        Assert.DoesNotContain("did you mean", run.Error);
        Assert.Contains("Try 'remapper --help'.", run.Error);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0, "help")]
    [InlineData(0, "-h")]
    public void Alone_or_with_help_it_lists_every_command_with_one_line_each(int exit, params string[] args)
    {
        var run = CliRun.OfRemapper(args);
        Assert.Equal(exit, run.ExitCode);
        var root = Remapper.Cli.RemapperCli.Build();
        foreach (var command in root.Subcommands.Where(c => !c.Hidden))
            Assert.Single(run.Out.Split('\n'), l => l.StartsWith($"  {command.Name} ", StringComparison.Ordinal));
        Assert.All(run.Out.Split('\n'), l => Assert.True(l.Length <= 80, $"longer than 80 columns: {l}"));
    }

    [Fact]
    public void Help_with_a_command_is_that_commands_help()
    {
        Assert.Equal(CliRun.OfRemapper("check", "--help").Out, CliRun.OfRemapper("help", "check").Out);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("-V")]
    [InlineData("--version")]
    public void The_version_is_the_one_in_packaging_VERSION(string arg)
    {
        var expected = File.ReadAllText(Path.Combine(Remapper.Core.Tests.Testing.ScenarioFileTests.RepoRoot, "packaging", "VERSION")).Trim();
        var run = CliRun.OfRemapper(arg);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"remapper {expected}\n", run.Out);
    }

    [Fact]
    public void A_bad_option_value_is_said_in_words_not_dotnet_type_names()
    {
        var run = CliRun.OfRemapper("monitor", "--count", "abc");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--count expects a whole number, not 'abc'", run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    [Theory]
    [InlineData("check", "[<PATH>...]")]
    [InlineData("keys", "[<FILTER>]")]
    public void Optional_arguments_are_shown_as_optional(string command, string usage)
    {
        Assert.Contains($"remapper {command} {usage}", CliRun.OfRemapper(command, "--help").Out);
    }

    [Fact]
    public void Keys_fits_an_80_column_terminal()
    {
        var run = CliRun.OfRemapper("keys");
        Assert.All(run.Out.Split('\n'), l => Assert.True(l.Length <= 80, $"longer than 80 columns: {l}"));
        Assert.Contains("    aliases: capslock, caps", run.Out);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var run = CliRun.OfRemapper("keys", "a", "--colour");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Error);
    }

    [Fact]
    public void Devices_exits_1_exactly_when_its_json_says_hasProblem()
    {
        // Whatever this machine has (real keyboards, none, no /dev/input at all): the exit code and the JSON agree.
        var run = CliRun.OfRemapper("devices", "--json", "--config", "/nonexistent/keymap.toml");
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(doc.RootElement.GetProperty("hasProblem").GetBoolean() ? 1 : 0, run.ExitCode);
    }
}
