namespace Remapper.Tray.Actions;

/// <summary>
/// How to show `remapper doctor` in a terminal window that stays open until the user presses Enter. Debian's
/// x-terminal-emulator alternative first (the user's choice), then gnome-terminal, then xterm.
/// </summary>
public static class TerminalCommand
{
    public static readonly IReadOnlyList<string> Known = ["x-terminal-emulator", "gnome-terminal", "xterm"];

    /// <summary>The command line, or null when no known terminal is installed (show the text in a window instead).</summary>
    /// <param name="find">Looks a program up on $PATH (<see cref="ProcessLauncher.FindInPath"/>).</param>
    /// <param name="command">The program and arguments to run inside the terminal.</param>
    public static (string FileName, IReadOnlyList<string> Arguments)? For(Func<string, string?> find, IReadOnlyList<string> command)
    {
        var script = string.Join(" ", command.Select(Quote)) + "; echo; printf 'Press Enter to close. '; read -r _";
        foreach (var terminal in Known)
        {
            if (find(terminal) is not { } path) continue;
            // gnome-terminal deprecated -e; everything after -- is the command.
            IReadOnlyList<string> args = terminal == "gnome-terminal"
                ? ["--title=remapper doctor", "--", "sh", "-c", script]
                : ["-T", "remapper doctor", "-e", "sh", "-c", script];
            return (path, args);
        }
        return null;
    }

    /// <summary>Single-quotes an argument for sh (paths may hold spaces).</summary>
    public static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";
}
