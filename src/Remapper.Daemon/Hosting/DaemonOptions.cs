namespace Remapper.Daemon.Hosting;

/// <summary>What <c>remapper run</c> was told on its command line.</summary>
/// <param name="ConfigPath"><c>--config</c>: the keymap, overriding every other location.</param>
/// <param name="SocketPath"><c>--socket</c>: where to listen, overriding the default for the mode.</param>
/// <param name="System"><c>--system</c>: run as the system service (the systemd unit passes it; never guessed from the uid).</param>
/// <param name="LogFile"><c>--log-file</c>: also log to exactly this file; at 10 MB it continues in PATH_001..., 7 kept.</param>
/// <param name="Verbose"><c>--verbose</c>: log at Debug (still never per key event above Debug).</param>
public sealed record DaemonOptions(
    string? ConfigPath = null,
    string? SocketPath = null,
    bool System = false,
    string? LogFile = null,
    bool Verbose = false)
{
    /// <summary>The system service: only when told so with <c>--system</c> (the unit passes it); root from a shell is a user run.</summary>
    public bool IsSystemService => System;
}
