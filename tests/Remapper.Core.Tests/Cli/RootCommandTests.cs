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
    public void An_unknown_command_is_a_usage_error()
    {
        var run = CliRun.OfRemapper("chek");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Try 'remapper --help'.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var run = CliRun.OfRemapper("keys", "a", "--colour");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Error);
    }
}
