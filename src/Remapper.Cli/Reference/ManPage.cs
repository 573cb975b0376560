using System.CommandLine;
using System.Text;
using Remapper.Daemon.Config;

namespace Remapper.Cli.Reference;

/// <summary>remapper(1) in roff, written from <see cref="CommandTree"/> (`remapper man`; install.sh and the .deb install it).</summary>
internal static class ManPage
{
    /// <summary>The exit codes, as docs/cli.md explains them at length.</summary>
    private static readonly (int Code, string Meaning)[] ExitStatus =
    [
        (ExitCodes.Ok, "Success; for status: the daemon runs normally."),
        (ExitCodes.Failed, "The answer is no: the keymap is invalid, a test failed, a keyboard is denied; for status: the keymap is invalid."),
        (ExitCodes.UsageOrIo, "The command could not do its job: bad arguments, an unreadable file, the socket in use."),
        (ExitCodes.NotRunning, "No daemon is running (daemon commands)."),
        (ExitCodes.Degraded, "status: the daemon runs, but a keyboard or the output device is not working."),
        (ExitCodes.Paused, "status: the daemon runs and remapping is paused."),
        (ExitCodes.InternalError, "A bug in Remapper, reported in one line."),
    ];

    public static string Remapper(RootCommand root, string version)
    {
        var s = new StringBuilder();
        s.AppendLine($".TH REMAPPER 1 \"\" \"remapper {version}\" \"User Commands\"");
        s.AppendLine(".SH NAME");
        s.AppendLine("remapper \\- keyboard remapping daemon and its command line");
        s.AppendLine(".SH SYNOPSIS");
        s.AppendLine(".B remapper");
        s.AppendLine(".I COMMAND");
        s.AppendLine("[\\fIoptions\\fR] [\\fIarguments\\fR]");
        s.AppendLine(".SH DESCRIPTION");
        s.AppendLine(Escape(root.Description ?? ""));
        s.AppendLine(".SH COMMANDS");
        foreach (var c in CommandTree.Commands(root))
        {
            s.AppendLine(".TP");
            s.AppendLine($"\\fBremapper {c.Name}\\fR" + string.Concat(c.Arguments.Select(a =>
                a.Arity.MinimumNumberOfValues == 0 ? $" [\\fI{a.Name}\\fR{(a.Arity.MaximumNumberOfValues > 1 ? "..." : "")}]" : $" \\fI{a.Name}\\fR...")));
            s.AppendLine(Escape(c.Description));
            foreach (var o in c.Options.Where(o => o.Names[0] != "--help"))
            {
                s.AppendLine(".RS");
                s.AppendLine(".TP");
                s.AppendLine(string.Join(", ", o.Names.Select(n => $"\\fB{Escape(n)}\\fR")) +
                             (o.TakesValue ? $" \\fI{(o.Values.Count > 0 ? string.Join("|", o.Values) : o.ValueName ?? "VALUE")}\\fR" : ""));
                s.AppendLine(Escape(o.Description));
                s.AppendLine(".RE");
            }
        }
        s.AppendLine(".SH FILES");
        s.AppendLine(".TP");
        s.AppendLine("\\fI~/.config/remapper/config.toml\\fR");
        s.AppendLine("Your keymap ($XDG_CONFIG_HOME/remapper/config.toml when set); \\fBremapper init\\fR writes a starter.");
        s.AppendLine(".TP");
        s.AppendLine($"\\fI{KeymapLocator.SystemPath}\\fR");
        s.AppendLine("The system service's keymap (\\fBremapper run \\-\\-system\\fR, as the systemd unit runs it).");
        s.AppendLine(".TP");
        s.AppendLine($"\\fI{KeymapLocator.SharedDefaultPath}\\fR");
        s.AppendLine("The shipped default, used while neither exists.");
        s.AppendLine(".SH ENVIRONMENT");
        s.AppendLine(".TP");
        s.AppendLine("\\fBREMAPPER_CONFIG\\fR");
        s.AppendLine("The keymap, unless \\-\\-config names one.");
        s.AppendLine(".TP");
        s.AppendLine("\\fBVISUAL\\fR, \\fBEDITOR\\fR");
        s.AppendLine("The editor \\fBremapper edit\\fR starts.");
        s.AppendLine(".TP");
        s.AppendLine("\\fBXDG_RUNTIME_DIR\\fR");
        s.AppendLine("Where a user daemon's control socket is (remapper.sock).");
        s.AppendLine(".SH EXIT STATUS");
        foreach (var (code, meaning) in ExitStatus)
        {
            s.AppendLine(".TP");
            s.AppendLine($"\\fB{code}\\fR");
            s.AppendLine(Escape(meaning));
        }
        s.AppendLine(".SH SEE ALSO");
        s.AppendLine("\\fBremapper-keymap\\fR(5), \\fBsystemctl\\fR(1), \\fBudev\\fR(7)");
        return s.ToString();
    }

    /// <summary>roff treats backslashes, and a dot or quote at a line's start, specially.</summary>
    private static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e").Replace("-", "\\-");
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
