using System.CommandLine;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper reload</c>: the daemon reloads its keymap now and says whether it took.</summary>
internal static class ReloadCommand
{
    public static Command Create() => SimpleDaemonCommand.Create("reload",
        "Make the running daemon reload its keymap now (it also does so by itself when the file changes). Prints " +
        "success, or every error with file:line:col; exit code 1 when the keymap is invalid (the previous one keeps running).",
        response =>
        {
            var result = IpcClient.Result(response, IpcJsonContext.Default.ReloadResult);
            var warnings = result.Warnings.Select(w => w.Text);
            return string.Join(Environment.NewLine, warnings.Append($"{result.Path}: reloaded"));
        });
}
