using System.CommandLine;
using Remapper.Cli.Reference;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper completion bash|zsh|fish</c> and the hidden <c>remapper man</c>: the shell completions and remapper(1),
/// generated from the command tree they describe (install.sh and the .deb install their output).
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(Func<RootCommand> root)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong(ShellCompletion.Shells);
        var command = new Command("completion",
            "Print the shell completion script for bash, zsh or fish: e.g. `remapper completion bash > " +
            "~/.local/share/bash-completion/completions/remapper` (the install script does this)") { shell };
        command.SetAction(parse =>
        {
            parse.Out().Write(ShellCompletion.For(parse.GetValue(shell)!, root()));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateMan(Func<RootCommand> root)
    {
        var command = new Command("man", "Print the remapper(1) manual page (roff)") { Hidden = true };
        command.SetAction(parse =>
        {
            parse.Out().Write(ManPage.Remapper(root(), Remapper.Daemon.DaemonInfo.ThisVersion));
            return ExitCodes.Ok;
        });
        return command;
    }
}
