namespace Remapper.MacOS.Output.DriverKit;

/// <summary>How <see cref="VirtualHidClient"/> talks to the daemon. The defaults are the daemon's own timings.</summary>
public sealed record VirtualHidClientOptions
{
    public string SocketPath { get; init; } = DriverInstallation.SocketPath;

    /// <summary>The protocol to try first (chosen from the installed version); the other is tried when the daemon answers empty.</summary>
    public DriverProtocol Protocol { get; init; } = DriverProtocol.V7;

    public KeyboardParameters Keyboard { get; init; } = KeyboardParameters.Ansi;

    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A connection that delivers nothing (not even a heartbeat) this long is dead.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the daemon may take to answer keyboard_initialize or get_status.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Protocol 6 only: how often to ask for the status.</summary>
    public TimeSpan StatusPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After a daemon that speaks neither protocol, how long before trying again (the user may be updating it).</summary>
    public TimeSpan MismatchRetryInterval { get; init; } = TimeSpan.FromSeconds(10);
}
