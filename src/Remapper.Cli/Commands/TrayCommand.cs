using System.CommandLine;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Tray;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper tray [--socket PATH]</c>: the status icon, in the foreground, until Quit tray.</summary>
internal static class TrayCommand
{
    public static Command Create()
    {
        var socket = new Option<string?>("--socket")
        {
            Description = "Follow the daemon listening on this socket (default: $XDG_RUNTIME_DIR/remapper.sock, then " +
                          SocketLocator.SystemPath + ").",
        };
        var command = new Command("tray",
            "Show Remapper's status icon in the desktop's tray: running, paused, a keyboard denied or busy, a keymap " +
            "error, or not running, with a menu to pause, reload, open the keymap and show diagnostics. Follows the " +
            "daemon and reconnects when it restarts. Needs GTK 3 and libayatana-appindicator3 (Debian: " +
            "libgtk-3-0 libayatana-appindicator3-1).");
        command.Options.Add(socket);
        command.SetAction(parse => TrayApp.Run(SocketLocator.ForClient(parse.GetValue(socket)), parse.Error()));
        return command;
    }
}
