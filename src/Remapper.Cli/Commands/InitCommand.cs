using System.CommandLine;
using Remapper.Daemon.Config;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper init [--config PATH] [--system]</c>: writes the commented starter keymap to the place the daemon
/// looks for your keymap (<see cref="KeymapLocator.OwnKeymapPath"/>), never over an existing file.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var keymap = new CommandKeymap();
        var command = new Command("init",
            "Write a commented starter keymap where the daemon looks for yours (~/.config/remapper/config.toml, or " +
            "/etc/remapper/config.toml with --system); an existing file is never overwritten. Exit code 1 when the file exists.");
        keymap.AddTo(command);
        command.SetAction(parse =>
        {
            if (Target(parse.GetValue(keymap.Config), parse.GetValue(keymap.System)) is not { } path)
            {
                parse.Error().WriteLine("remapper init: neither $HOME nor $XDG_CONFIG_HOME is set; name the file with --config PATH");
                return ExitCodes.UsageOrIo;
            }
            if (!StarterKeymap.TryWrite(path, out var problem))
            {
                parse.Error().WriteLine($"remapper init: {problem}");
                return File.Exists(path) ? ExitCodes.Failed : ExitCodes.UsageOrIo;
            }
            parse.Out().WriteLine($"wrote {path}");
            parse.Out().WriteLine("A running daemon picks it up by itself. Edit it with `remapper edit`; `remapper check` checks it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The file init and edit write: --config, $REMAPPER_CONFIG, else your own keymap's place (never the shipped default).</summary>
    internal static string? Target(string? config, bool system)
    {
        var location = CommandKeymap.Locate(config, system);
        return location.Origin is KeymapOrigin.CommandLine or KeymapOrigin.Environment or KeymapOrigin.User or KeymapOrigin.System
            ? location.Path
            : location.FileToCreate;
    }
}
