using System.Diagnostics;
using Remapper.Cli;

namespace Remapper.Core.Tests.Cli;

/// <summary>remapper(1) and the bash/zsh/fish completions come from the command definitions, so they name every command and option.</summary>
public class ReferenceTests
{
    private static readonly System.CommandLine.RootCommand Root = RemapperCli.Build();

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void Each_completion_names_every_visible_command_and_its_options(string shell)
    {
        var run = CliRun.OfRemapper("completion", shell);
        Assert.Equal(0, run.ExitCode);
        foreach (var command in Root.Subcommands.Where(c => !c.Hidden))
        {
            Assert.Contains(command.Name, run.Out);
            foreach (var option in command.Options.Where(o => !o.Hidden))
                Assert.Contains(shell == "fish" ? $"-l {option.Name[2..]}" : option.Name, run.Out);
        }
        Assert.DoesNotContain("completion man", run.Out); // the hidden `man` is not offered
    }

    [Fact]
    public void The_bash_completion_is_valid_bash_and_completes_commands_and_fixed_values()
    {
        using var dir = new TempDir();
        var script = dir.File("remapper.bash", CliRun.OfRemapper("completion", "bash").Out);
        var (exit, output) = Bash($"source {script}; COMP_WORDS=(remapper ch); COMP_CWORD=1; _remapper; echo \"${{COMPREPLY[@]}}\"; " +
                                  $"COMP_WORDS=(remapper run --output ''); COMP_CWORD=3; _remapper; echo \"${{COMPREPLY[@]}}\"");
        Assert.Equal(0, exit);
        Assert.Equal("check\nauto uhid uinput", output.Trim());
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var run = CliRun.OfRemapper("completion", "tcsh");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tcsh", run.Error);
    }

    [Fact]
    public void The_man_page_has_every_command_option_and_exit_code()
    {
        var run = CliRun.OfRemapper("man");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(".TH REMAPPER 1", run.Out);
        foreach (var command in Root.Subcommands.Where(c => !c.Hidden))
        {
            Assert.Contains($"\\fBremapper {command.Name}\\fR", run.Out);
            foreach (var option in command.Options.Where(o => !o.Hidden))
                Assert.Contains($"\\fB{option.Name.Replace("-", "\\-")}\\fR", run.Out);
        }
        foreach (var code in new[] { 0, 1, 2, 3, 4, 5, 70 }) Assert.Contains($".TP\n\\fB{code}\\fR", run.Out);
        Assert.DoesNotContain("remapper man", run.Out.Split(".SH COMMANDS")[1].Split(".SH FILES")[0]);
    }

    private static (int, string) Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}
