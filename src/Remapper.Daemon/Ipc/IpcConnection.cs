using Remapper.Ipc;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Remapper.Backend.Monitor;

namespace Remapper.Daemon.Ipc;

/// <summary>
/// One client: reads request lines, answers each, streams monitor events. Everything it sends goes through a small
/// bounded queue drained by its own writer, so a client that stops reading fills only its own queue — and is
/// dropped when that overflows — instead of holding up the daemon.
/// </summary>
internal sealed class IpcConnection
{
    public const int SendQueueCapacity = 256;
    private static readonly TimeSpan MonitorPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FlushBeforeCloseTimeout = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly DaemonCommands _commands;
    private readonly IpcAccessPolicy _policy;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closed = new();
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(SendQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly PeerCredentials? _peer;
    private Task? _monitor;

    public IpcConnection(Socket socket, PeerCredentials? peer, DaemonCommands commands, IpcAccessPolicy policy, ILogger logger)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _commands = commands;
        _policy = policy;
        _logger = logger;
        _peer = peer;
    }

    /// <summary>Who is connected, as the kernel vouches for it; null when it would not say.</summary>
    public PeerCredentials? Peer => _peer;

    public async Task RunAsync(CancellationToken stop)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, _closed.Token);
        var writer = Task.Run(() => WriteLoop(linked.Token));
        try
        {
            await ReadLoop(linked.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or was dropped: nothing to tell anyone.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await Task.WhenAny(writer, Task.Delay(FlushBeforeCloseTimeout)).ConfigureAwait(false);
            Close();
            if (_monitor is not null) await _monitor.ConfigureAwait(false);
        }
    }

    /// <summary>Answers one error line and hangs up (used when the server is full).</summary>
    public async Task RejectAsync(string code, string message)
    {
        try
        {
            using var timeout = new CancellationTokenSource(FlushBeforeCloseTimeout);
            await _stream.WriteAsync(Line(DaemonCommands.Fail(null, code, message)), timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
        }
        Close();
    }

    public void Close()
    {
        if (_closed.IsCancellationRequested) return;
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        _outbox.Writer.TryComplete();
        _socket.Dispose();
    }

    private async Task ReadLoop(CancellationToken token)
    {
        var buffer = new byte[8192];
        var line = new MemoryStream();
        while (true)
        {
            int n = await _stream.ReadAsync(buffer, token);
            if (n == 0) return;
            int start = 0;
            for (int i = 0; i < n; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                line.Write(buffer, start, i - start);
                start = i + 1;
                if (line.Length > IpcProtocol.MaxLineBytes)
                {
                    RefuseLongLine();
                    return;
                }
                await Handle(line.GetBuffer().AsMemory(0, (int)line.Length));
                line.SetLength(0);
                if (_closed.IsCancellationRequested) return;
            }
            line.Write(buffer, start, n - start);
            if (line.Length > IpcProtocol.MaxLineBytes)
            {
                // Stop reading now, not at the newline: otherwise one client could make the daemon buffer gigabytes.
                RefuseLongLine();
                return;
            }
        }
    }

    private void RefuseLongLine() => Send(DaemonCommands.Fail(null, IpcErrorCodes.LineTooLong,
        $"request line longer than {IpcProtocol.MaxLineBytes} bytes; closing the connection"));

    private async Task Handle(ReadOnlyMemory<byte> line)
    {
        if (IsBlank(line.Span)) return;
        var request = IpcRequestParser.Parse(line, out var notJson);
        if (request is null)
        {
            Send(DaemonCommands.Fail(null, IpcErrorCodes.BadJson, notJson!));
            return;
        }
        if (Problem(request, "v", "id", "cmd") is { } envelope)
        {
            Send(DaemonCommands.Fail(request, IpcErrorCodes.BadRequest, envelope));
            return;
        }
        if (request.V != IpcProtocol.Version)
        {
            Send(DaemonCommands.Fail(request, IpcErrorCodes.UnsupportedVersion,
                request.V is null ? "missing \"v\"; this daemon speaks protocol version 1" : $"protocol version {request.V} is not supported; this daemon speaks version 1"));
            return;
        }
        if (string.IsNullOrEmpty(request.Cmd))
        {
            Send(DaemonCommands.Fail(request, IpcErrorCodes.BadRequest, "missing \"cmd\""));
            return;
        }
        if (!_commands.Registry.TryGetValue(request.Cmd, out var command))
        {
            Send(_commands.UnknownCommand(request));
            return;
        }
        if (command.Mutating && !_policy.MayChange(_peer))
        {
            Send(DaemonCommands.Fail(request, IpcErrorCodes.PermissionDenied,
                $"'{request.Cmd}' {(command.Handler is null ? "shows every keystroke" : "changes the daemon")}: allowed for root, the daemon's user and members of the socket's group" +
                (_peer is null ? " (your credentials could not be read)" : $"; you are uid {_peer.Uid}")));
            return;
        }
        if (Problem(request, [.. command.Fields]) is { } argument)
        {
            Send(DaemonCommands.Fail(request, IpcErrorCodes.BadRequest, $"{request.Cmd}: {argument}"));
            return;
        }
        if (command.Handler is null)
        {
            StartMonitor(request);
            return;
        }
        try
        {
            Send(await command.Handler(request));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "IPC command {Command} failed", request.Cmd);
            Send(DaemonCommands.Fail(request, IpcErrorCodes.Internal, $"{request.Cmd} failed: {e.Message}"));
        }
    }

    /// <summary>The first wrong-typed field among <paramref name="fields"/>, as a sentence; null when they are all fine.</summary>
    private static string? Problem(IpcRequest request, params string[] fields)
    {
        if (request.FieldErrors is not { } errors) return null;
        foreach (var field in fields)
            if (errors.TryGetValue(field, out var problem)) return problem;
        return null;
    }

    private void StartMonitor(IpcRequest request)
    {
        if (_monitor is not null)
        {
            Send(DaemonCommands.Fail(request, IpcErrorCodes.BadRequest, "this connection is already monitoring"));
            return;
        }
        var ring = _commands.Backend.Monitor;
        var cursor = ring.OpenCursor();
        Send(DaemonCommands.Ok(request, new MonitorStartedResult(true, ring.Capacity), IpcJsonContext.Default.MonitorStartedResult));
        _monitor = Task.Run(() => MonitorLoop(request.Id, cursor, _closed.Token));
    }

    private async Task MonitorLoop(long? id, MonitorCursor cursor, CancellationToken token)
    {
        var events = new MonitorEvent[128];
        try
        {
            while (!token.IsCancellationRequested)
            {
                int n = cursor.Poll(events, out long dropped);
                if (dropped > 0 && !Send(new IpcStreamMessage { Id = id, Dropped = dropped })) return;
                for (int i = 0; i < n; i++)
                    if (!Send(new IpcStreamMessage { Id = id, Event = DaemonCommands.Dto(events[i]) })) return;
                if (n < events.Length) await Task.Delay(MonitorPollInterval, token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool Send(IpcResponse response) => Enqueue(Line(response));

    private bool Send(IpcStreamMessage message) =>
        Enqueue(Line(JsonSerializer.SerializeToUtf8Bytes(message, IpcJsonContext.Default.IpcStreamMessage)));

    /// <summary>Queues a line for the writer; a full queue means the client stopped reading, and it is dropped.</summary>
    private bool Enqueue(byte[] line)
    {
        if (_outbox.Writer.TryWrite(line)) return true;
        if (!_closed.IsCancellationRequested)
            _logger.LogDebug("Dropping an IPC client that stopped reading ({Queued} messages queued)", SendQueueCapacity);
        Close();
        return false;
    }

    private async Task WriteLoop(CancellationToken token)
    {
        try
        {
            await foreach (var line in _outbox.Reader.ReadAllAsync(token))
                await _stream.WriteAsync(line, token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Close();
        }
    }

    private static byte[] Line(IpcResponse response) => Line(JsonSerializer.SerializeToUtf8Bytes(response, IpcJsonContext.Default.IpcResponse));

    private static byte[] Line(byte[] json)
    {
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }
}
