using System.Net.Sockets;
using System.Text;

namespace Remapper.Daemon.Hosting;

/// <summary>Talks sd_notify's protocol: datagrams like <c>WATCHDOG=1</c> to the socket in <c>$NOTIFY_SOCKET</c>.</summary>
public interface ISystemdNotify
{
    /// <summary>Started by systemd with a notify socket (Type=notify).</summary>
    bool Enabled { get; }

    /// <summary>From <c>$WATCHDOG_USEC</c> when <c>WatchdogSec=</c> is set for this very process; null otherwise.</summary>
    TimeSpan? WatchdogInterval { get; }

    void Notify(string state);
}

/// <summary>
/// Our own sd_notify client (no libsystemd): READY=1 itself is sent by Microsoft.Extensions.Hosting.Systemd once every
/// hosted service started; we send watchdog pings and STATUS= lines that <c>systemctl status</c> shows.
/// </summary>
public sealed class SystemdNotifier : ISystemdNotify, IDisposable
{
    private readonly string? _path;
    private readonly Lock _gate = new();
    private Socket? _socket;

    public SystemdNotifier(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var path = env("NOTIFY_SOCKET");
        _path = string.IsNullOrEmpty(path) ? null : path;
        if (long.TryParse(env("WATCHDOG_USEC"), out var usec) && usec > 0
            && (env("WATCHDOG_PID") is not { Length: > 0 } pid || pid == Environment.ProcessId.ToString()))
            WatchdogInterval = TimeSpan.FromMicroseconds(usec);
    }

    public bool Enabled => _path is not null;

    public TimeSpan? WatchdogInterval { get; }

    public void Notify(string state)
    {
        if (_path is null) return;
        lock (_gate)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                // A leading '@' names a socket in the abstract namespace.
                var endpoint = new UnixDomainSocketEndPoint(_path[0] == '@' ? "\0" + _path[1..] : _path);
                _socket.SendTo(Encoding.UTF8.GetBytes(state), endpoint);
            }
            catch (SocketException)
            {
                // systemd went away or the socket is not ours to use: notifications are best effort.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate) _socket?.Dispose();
    }
}
