using Remapper.Ipc;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Remapper.Daemon.Ipc;

/// <summary>
/// The daemon's Unix domain socket: accepts clients and gives each its own <see cref="IpcConnection"/>. Nothing a
/// client does (garbage, huge lines, never reading, vanishing) can block another client or the event loop.
/// </summary>
public sealed class IpcServer : IAsyncDisposable
{
    public const int MaxClients = 256;

    private readonly DaemonCommands _commands;
    private readonly IpcAccessPolicy _policy;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<IpcConnection> _connections = [];
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    public IpcServer(string path, DaemonCommands commands, IpcAccessPolicy policy, ILogger logger)
    {
        Path = path;
        _commands = commands;
        _policy = policy;
        _logger = logger;
    }

    public string Path { get; }

    public int ClientCount
    {
        get
        {
            lock (_gate) return _connections.Count;
        }
    }

    /// <summary>
    /// Binds the socket (replacing a stale one; refusing if another daemon answers on it), sets its mode and group,
    /// and starts accepting. <paramref name="group"/>: gid to give the socket (mode 0660), or null for 0600.
    /// </summary>
    public void Start(uint? group)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        RemoveStaleSocket();
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(Path));
            if (group is { } gid && Native.chown(Path, uint.MaxValue, gid) != 0)
                _logger.LogWarning("Could not give {Socket} to group {Gid} (errno {Errno}); only root and this user can change the daemon",
                    Path, gid, System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, group is null
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            listener.Listen(64);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        _listener = listener;
        _accepting = Task.Run(AcceptLoop);
        _logger.LogInformation("Listening on {Socket}", Path);
    }

    private void RemoveStaleSocket()
    {
        ThrowIfAnotherDaemonListens(Path);
        if (File.Exists(Path)) File.Delete(Path); // left behind by a daemon that crashed: nobody listens
    }

    /// <summary>
    /// Fails when a daemon already answers on <paramref name="path"/>. The daemon checks this before it starts its
    /// backend, so a second <c>remapper run</c> stops before touching any keyboard.
    /// </summary>
    public static void ThrowIfAnotherDaemonListens(string path)
    {
        if (IsAnotherDaemonListening(path))
            throw new IOException($"another remapper daemon is already listening on {path}; stop it first (`remapper status` shows its pid)");
    }

    private static bool IsAnotherDaemonListening(string path)
    {
        if (Directory.Exists(path)) throw new IOException($"{path} is a directory, not a socket");
        if (!File.Exists(path)) return false;
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // EMFILE and friends: back off instead of spinning, and keep serving the clients we have.
                _logger.LogWarning("Accepting an IPC client failed: {Error}", e.Message);
                await Task.Delay(100);
                continue;
            }
            var connection = new IpcConnection(client, _commands, _policy, _logger);
            bool full;
            lock (_gate)
            {
                full = _connections.Count >= MaxClients;
                if (!full) _connections.Add(connection);
            }
            if (full)
            {
                _ = connection.RejectAsync(IpcErrorCodes.TooManyClients, $"the daemon already serves {MaxClients} clients");
                continue;
            }
            _ = RunConnection(connection);
        }
    }

    private async Task RunConnection(IpcConnection connection)
    {
        try
        {
            await connection.RunAsync(_stop.Token);
        }
        catch (Exception e)
        {
            _logger.LogDebug(e, "IPC client ended with an error");
        }
        finally
        {
            lock (_gate) _connections.Remove(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener?.Dispose();
        await _accepting.ConfigureAwait(false);
        IpcConnection[] open;
        lock (_gate) open = _connections.ToArray();
        foreach (var c in open) c.Close();
        try
        {
            if (_listener is not null) File.Delete(Path);
        }
        catch (IOException)
        {
        }
        _stop.Dispose();
    }
}
