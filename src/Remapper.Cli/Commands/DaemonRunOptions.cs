using System.CommandLine;
using Remapper.Daemon.Hosting;

namespace Remapper.Cli.Commands;

/// <summary>
/// The daemon's options for <c>remapper run</c> (<c>--config</c>, <c>--socket</c>, <c>--system</c>, <c>--log-file</c>,
/// <c>--verbose</c>), kept here so RunCommand only has to add them and read back a <see cref="DaemonOptions"/>.
/// </summary>
internal sealed class DaemonRunOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The keymap to run (default: $REMAPPER_CONFIG, then ~/.config/remapper/config.toml, or " +
                      "/etc/remapper/config.toml with --system, then the shipped default). Reloaded when it changes.",
        HelpName = "PATH",
    };

    public Option<string?> Socket { get; } = new("--socket")
    {
        HelpName = "PATH",
        Description = "Where to listen for `remapper status` and friends (default: $XDG_RUNTIME_DIR/remapper.sock, " +
                      "or /run/remapper/remapper.sock for the system service).",
    };

    public Option<bool> System { get; } = new("--system")
    {
        Description = "Run as the system service: keymap from /etc/remapper, socket in /run/remapper (implied when run as root).",
    };

    public Option<string?> LogFile { get; } = new("--log-file")
    {
        HelpName = "PATH",
        Description = "Also log to this file; at 10 MB the log continues in PATH_001, PATH_002... (7 files kept).",
    };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log at Debug level." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Socket, System, LogFile, Verbose }) command.Options.Add(option);
    }

    public DaemonOptions Read(ParseResult parse) => new(
        parse.GetValue(Config), parse.GetValue(Socket), parse.GetValue(System), parse.GetValue(LogFile), parse.GetValue(Verbose));
}
