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

    private readonly DaemonCommands _commands;
    private readonly IpcAccessPolicy _policy;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<IpcConnection> _connections = [];
    private readonly Dictionary<uint, int> _perUid = [];
    private readonly IpcLimits _limits;
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    public IpcServer(string path, DaemonCommands commands, IpcAccessPolicy policy, ILogger logger, IpcLimits? limits = null)
    {
        Path = path;
        _limits = limits ?? new IpcLimits();
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
            var peer = PeerCredentials.Of(client);
            var connection = new IpcConnection(client, peer, _commands, _policy, _logger);
            var refusal = Admit(connection, peer);
            if (refusal is not null)
            {
                _logger.LogDebug("Refused an IPC client: {Reason}", refusal);
                _ = connection.RejectAsync(IpcErrorCodes.TooManyClients, refusal);
                continue;
            }
            _ = RunConnection(connection);
        }
    }

    /// <summary>
    /// Counts the connection in, or says why not. Peers who may change the daemon (root, its user, its group) always get
    /// through; everyone else is limited per uid, so one local user holding connections cannot lock the others out.
    /// </summary>
    private string? Admit(IpcConnection connection, PeerCredentials? peer)
    {
        uint uid = peer?.Uid ?? uint.MaxValue;
        lock (_gate)
        {
            if (!_policy.MayChange(peer))
            {
                int mine = _perUid.GetValueOrDefault(uid);
                if (mine >= _limits.MaxClientsPerUser)
                    return $"too many clients: {(peer is null ? "your user" : $"uid {uid}")} already has {mine} connections to the daemon " +
                        $"(at most {_limits.MaxClientsPerUser} per user); close some (a forgotten `remapper monitor` or script) and try again";
                if (_connections.Count >= _limits.MaxClients)
                    return $"too many clients: the daemon already serves {_connections.Count} connections (at most {_limits.MaxClients}); try again later";
            }
            _connections.Add(connection);
            _perUid[uid] = _perUid.GetValueOrDefault(uid) + 1;
        }
        return null;
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
            lock (_gate)
            {
                _connections.Remove(connection);
                uint uid = connection.Peer?.Uid ?? uint.MaxValue;
                if (_perUid.GetValueOrDefault(uid) <= 1) _perUid.Remove(uid);
                else _perUid[uid]--;
            }
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

/// <summary>How many clients the socket serves at once.</summary>
/// <param name="MaxClients">In all, for peers who may not change the daemon.</param>
/// <param name="MaxClientsPerUser">Per uid, for peers who may not change the daemon (root, its user and its group are not limited).</param>
public sealed record IpcLimits(int MaxClients = 256, int MaxClientsPerUser = 32);
