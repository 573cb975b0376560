using System.Net.Sockets;
using System.Text.Json;
using Remapper.Ipc;
using Remapper.Tray.Model;

namespace Remapper.Tray.Following;

/// <summary>
/// Follows the daemon: keeps one connection open and asks <c>status</c> every <see cref="Interval"/> (the protocol
/// has no status subscription; one small request a second costs nothing). When the daemon is not there or goes
/// away, reports <see cref="DaemonSnapshot.Unreachable"/> and retries at the same pace, so a restarted daemon is
/// picked up by itself. Runs on its own thread; <see cref="Changed"/> is raised there, only when the snapshot differs.
/// </summary>
public sealed class StatusFollower : IDisposable
{
    private readonly IReadOnlyList<string> _sockets;
    private readonly Action<string>? _log;
    private readonly AutoResetEvent _wake = new(false);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _clientGate = new();
    private Thread? _thread;
    private IpcClient? _client;
    private DaemonSnapshot _current = DaemonSnapshot.Unknown;
    private string? _lastJson;

    /// <param name="sockets">The sockets to try, in order (<see cref="SocketLocator.ForClient"/>).</param>
    /// <param name="log">Where connection changes are told (stderr for <c>remapper tray</c>).</param>
    public StatusFollower(IReadOnlyList<string> sockets, TimeSpan? interval = null, Action<string>? log = null)
    {
        _sockets = sockets;
        _log = log;
        Interval = interval ?? TimeSpan.FromSeconds(1);
    }

    public TimeSpan Interval { get; }

    public DaemonSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised on the follower's thread with each new snapshot.</summary>
    public event Action<DaemonSnapshot>? Changed;

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "remapper tray status follower" };
        _thread.Start();
    }

    /// <summary>Asks now instead of at the next tick (after a menu action changed something).</summary>
    public void Poke() => _wake.Set();

    /// <summary>
    /// Sends one request on its own short-lived connection (menu actions run beside the follower's polling, so
    /// they never interleave lines on its connection). Returns the response, or null with <paramref name="problem"/>.
    /// </summary>
    public IpcResponse? Send(IpcRequest request, out string problem)
    {
        using var client = IpcClient.TryConnect(_sockets, out problem, out _);
        if (client is null) return null;
        try
        {
            return client.Request(request, TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is IOException or SocketException or JsonException or ObjectDisposedException)
        {
            problem = $"the daemon did not answer: {e.Message}";
            return null;
        }
    }

    private void Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            Publish(PollOnce());
            WaitHandle.WaitAny([_wake, _stop.Token.WaitHandle], Interval);
        }
        Disconnect();
    }

    private DaemonSnapshot PollOnce()
    {
        var client = Volatile.Read(ref _client);
        if (client is null)
        {
            client = IpcClient.TryConnect(_sockets, out var problem, out _);
            if (client is null) return DaemonSnapshot.Unreachable(problem);
            lock (_clientGate) _client = client;
            _log?.Invoke($"connected to {client.Path}");
        }
        try
        {
            var response = client.Request(new IpcRequest { Cmd = "status" }, TimeSpan.FromSeconds(5));
            if (!response.Ok)
                return DaemonSnapshot.Unreachable($"the daemon refused status: {response.Error?.Message}");
            return DaemonSnapshot.Connected(IpcClient.Result(response, IpcJsonContext.Default.StatusResult));
        }
        catch (Exception e) when (e is IOException or SocketException or JsonException or ObjectDisposedException)
        {
            // The daemon stopped or restarted: drop the connection; the next tick reconnects.
            _log?.Invoke($"lost the daemon at {client.Path}: {e.Message}");
            Disconnect();
            return DaemonSnapshot.Unreachable($"remapper is not running (lost the connection to {client.Path})");
        }
    }

    private void Publish(DaemonSnapshot snapshot)
    {
        // Uptime and counters change every second; compare what the tray shows, not the raw answer.
        var json = snapshot.Status is { } s
            ? JsonSerializer.Serialize(s with { Daemon = s.Daemon with { UptimeSeconds = 0 }, Counters = new CountersDto(0, 0) },
                IpcJsonContext.Default.StatusResult)
            : "unreachable:" + snapshot.Problem;
        if (json == _lastJson) return;
        _lastJson = json;
        Volatile.Write(ref _current, snapshot);
        Changed?.Invoke(snapshot);
    }

    private void Disconnect()
    {
        IpcClient? client;
        lock (_clientGate)
        {
            client = _client;
            _client = null;
        }
        client?.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        Disconnect();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _wake.Dispose();
    }
}
