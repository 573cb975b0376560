using Remapper.Tray.Actions;

namespace Remapper.Tray.Tests.Model;

public class TerminalCommandTests
{
    private static readonly string[] Doctor = ["/opt/my remapper/remapper", "doctor"];

    [Fact]
    public void The_users_chosen_terminal_comes_first_and_stays_open_until_enter()
    {
        var found = new Dictionary<string, string> { ["x-terminal-emulator"] = "/usr/bin/x-terminal-emulator", ["xterm"] = "/usr/bin/xterm" };

        var (file, args) = TerminalCommand.For(n => found.GetValueOrDefault(n), Doctor)!.Value;

        Assert.Equal("/usr/bin/x-terminal-emulator", file);
        Assert.Equal(["-T", "remapper doctor", "-e", "sh", "-c",
            "'/opt/my remapper/remapper' 'doctor'; echo; printf 'Press Enter to close. '; read -r _"], args);
    }

    [Fact]
    public void Gnome_terminal_gets_its_command_after_double_dash()
    {
        var (file, args) = TerminalCommand.For(n => n == "gnome-terminal" ? "/usr/bin/gnome-terminal" : null, Doctor)!.Value;

        Assert.Equal("/usr/bin/gnome-terminal", file);
        Assert.Equal("--", args[1]);
    }

    [Fact]
    public void Without_a_terminal_there_is_no_command_so_the_text_is_shown_in_a_window()
    {
        Assert.Null(TerminalCommand.For(_ => null, Doctor));
    }

    [Fact]
    public void Quoting_survives_single_quotes_in_paths()
    {
        Assert.Equal("'/home/o'\\''brien/remapper'", TerminalCommand.Quote("/home/o'brien/remapper"));
    }

    [Fact]
    public void Programs_are_found_on_path_only_when_executable()
    {
        var dir = Directory.CreateTempSubdirectory("remapper-path-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "tool"), "#!/bin/sh\n");
            Assert.Null(ProcessLauncher.FindInPath("tool", dir));
            File.SetUnixFileMode(Path.Combine(dir, "tool"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.Equal(Path.Combine(dir, "tool"), ProcessLauncher.FindInPath("tool", $"/nonexistent:{dir}"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
