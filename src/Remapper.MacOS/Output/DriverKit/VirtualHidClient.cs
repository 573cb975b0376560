using System.Diagnostics;
using System.Net.Sockets;

namespace Remapper.MacOS.Output.DriverKit;

/// <summary>
/// A client of the Karabiner-DriverKit-VirtualHIDDevice daemon over its Unix stream socket: connects (and reconnects
/// after the daemon restarts), initializes the virtual keyboard, keeps the connection alive with heartbeats, answers
/// the daemon's own status requests, and posts input reports.
/// </summary>
/// <remarks>
/// One I/O thread reads, sends heartbeats and runs the timers; <see cref="Post"/> is called from the event loop and
/// writes straight to the socket under a lock no one holds for longer than one small write. Posting allocates nothing.
/// An empty answer to keyboard_initialize means the daemon speaks the other protocol version: the client switches
/// once per connection, and reports <see cref="DriverLink.ProtocolMismatch"/> when neither works.
/// </remarks>
public sealed class VirtualHidClient : IDisposable
{
    private readonly VirtualHidClientOptions _options;
    private readonly Lock _sendLock = new();
    private readonly byte[] _postBuffer = new byte[FrameCodec.MaxFrame];
    private readonly byte[] _ioBuffer = new byte[FrameCodec.MaxFrame];
    private readonly FrameDecoder _decoder = new();
    private readonly ManualResetEventSlim _wake = new();
    private Thread? _thread;
    private volatile Socket? _socket;
    private volatile bool _stopping;
    private volatile DriverStatus _status = DriverStatus.Initial;
    private long _nextRequestId;
    private volatile DriverProtocol _protocol;

    // I/O thread only.
    private ulong _initializeId;
    private long _initializeSentAt = -1;
    private bool _triedOther;
    private ulong _pollId;
    private long _pollSentAt = -1;
    private bool _wasReady;

    public VirtualHidClient(VirtualHidClientOptions options)
    {
        _options = options;
        _protocol = options.Protocol;
    }

    /// <summary>The latest status; replaced as a whole on every change.</summary>
    public DriverStatus Status => _status;

    /// <summary>Raised on the client's I/O thread after <see cref="Status"/> changed. Handlers must be quick (post, do not work).</summary>
    public event Action<DriverStatus>? StatusChanged;

    /// <summary>How many times a connection was lost after it had been made (daemon restarts, timeouts, bad frames).</summary>
    public int Disconnects { get; private set; }

    public void Start()
    {
        if (_thread is not null) return;
        _thread = new Thread(Run) { Name = "remapper-virtual-hid", IsBackground = true };
        _thread.Start();
    }

    /// <summary>
    /// Posts one input report (report id first, as <see cref="DriverKitReports"/> lays it out). False when the keyboard is
    /// not ready or the write failed (the I/O thread then reconnects). Loop thread; no allocation.
    /// </summary>
    public bool Post(DriverRequest request, ReadOnlySpan<byte> report)
    {
        if (!_status.IsReady) return false;
        lock (_sendLock)
        {
            var socket = _socket;
            if (socket is null) return false;
            int payload = DriverProtocolExtensions.RequestPrefix + report.Length;
            var frame = _postBuffer.AsSpan();
            FrameCodec.WriteRequestHeader(frame, NextId(), payload);
            _protocol.WritePrefix(frame[FrameCodec.RequestPayloadOffset..], request);
            report.CopyTo(frame[(FrameCodec.RequestPayloadOffset + DriverProtocolExtensions.RequestPrefix)..]);
            return SendLocked(socket, frame[..(FrameCodec.RequestPayloadOffset + payload)]);
        }
    }

    private ulong NextId() => (ulong)Interlocked.Increment(ref _nextRequestId);

    /// <summary>How long one write may wait for room in a full socket buffer before the connection counts as stuck.</summary>
    private const int FullBufferWaitUs = 50_000;

    private bool SendLocked(Socket socket, ReadOnlySpan<byte> frame)
    {
        try
        {
            while (!frame.IsEmpty)
            {
                // The overload with an error code: a full buffer is an answer, not an exception (no allocation).
                int n = socket.Send(frame, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    // The daemon is behind (a burst, a macro): wait a little for room, never long.
                    if (socket.Poll(FullBufferWaitUs, SelectMode.SelectWrite)) continue;
                    return Broken(socket);
                }
                if (error != SocketError.Success || n <= 0) return Broken(socket);
                frame = frame[n..];
            }
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return Broken(socket);
        }
    }

    /// <summary>A failed or partial write leaves the stream unusable; the I/O thread sees the shutdown and reconnects.</summary>
    private static bool Broken(Socket socket)
    {
        try { socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        return false;
    }

    private bool Send(FrameType type, ReadOnlySpan<byte> payload)
    {
        lock (_sendLock)
        {
            var socket = _socket;
            if (socket is null) return false;
            int n = FrameCodec.Write(_ioBuffer, type, payload);
            return SendLocked(socket, _ioBuffer.AsSpan(0, n));
        }
    }

    private bool SendRequest(ulong id, FrameType type, ReadOnlySpan<byte> payload)
    {
        lock (_sendLock)
        {
            var socket = _socket;
            if (socket is null) return false;
            int n = FrameCodec.Write(_ioBuffer, type, id, payload);
            return SendLocked(socket, _ioBuffer.AsSpan(0, n));
        }
    }

    private void Run()
    {
        while (!_stopping)
        {
            var wait = _options.ReconnectInterval;
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(_options.SocketPath));
            }
            catch (SocketException e)
            {
                socket.Dispose();
                SetStatus(Probe.DriverReachability.ConnectFailure(e, _options.SocketPath));
                Sleep(wait);
                continue;
            }

            // Non-blocking from here on: a daemon that stops reading must never hold the event loop inside Post for
            // long. A full socket buffer gets a short wait for room, then the write fails and the I/O thread reconnects.
            socket.Blocking = false;
            socket.SendBufferSize = 64 * 1024;
            _socket = socket;
            _decoder.Reset();
            _triedOther = false;
            _wasReady = false;
            // Requests of the last connection will never be answered on this one.
            _initializeSentAt = -1;
            _pollSentAt = -1;
            // After a protocol mismatch the status stays until the daemon answers (no flapping while we retry).
            if (_status.Link != DriverLink.ProtocolMismatch)
                SetStatus(new DriverStatus(DriverLink.Connected, "connected to the driver's daemon; initializing the virtual keyboard", _protocol));
            string? lost = Converse(socket, ref wait);
            lock (_sendLock) _socket = null;
            socket.Dispose();
            if (_stopping) break;
            Disconnects++;
            if (lost is not null && _status.Link == DriverLink.Connected)
                SetStatus(new DriverStatus(DriverLink.Failed, lost, _protocol));
            Sleep(wait);
        }
    }

    /// <summary>Talks to one connection until it ends; returns why it ended (null when the status already says).</summary>
    private string? Converse(Socket socket, ref TimeSpan retryWait)
    {
        long now = Stopwatch.GetTimestamp();
        long lastReceived = now;
        long nextHeartbeat = now + Ticks(_options.HeartbeatInterval);
        long nextPoll = now + Ticks(_options.StatusPollInterval);
        if (!SendInitialize()) return "the daemon closed the connection before the virtual keyboard was initialized";

        while (!_stopping)
        {
            now = Stopwatch.GetTimestamp();
            if (now - lastReceived >= Ticks(_options.IdleTimeout))
                return $"the daemon sent nothing for {_options.IdleTimeout.TotalSeconds:0} s (not even a heartbeat); reconnecting";
            if (_initializeSentAt >= 0 && now - _initializeSentAt >= Ticks(_options.RequestTimeout))
                return $"the daemon did not answer keyboard_initialize within {_options.RequestTimeout.TotalSeconds:0} s; reconnecting";
            if (_pollSentAt >= 0 && now - _pollSentAt >= Ticks(_options.RequestTimeout))
                return $"the daemon did not answer get_status within {_options.RequestTimeout.TotalSeconds:0} s; reconnecting";
            if (now >= nextHeartbeat)
            {
                if (!Send(FrameType.Heartbeat, [])) return "the daemon closed the connection";
                nextHeartbeat = now + Ticks(_options.HeartbeatInterval);
            }
            if (_protocol.PollsStatus() && _initializeSentAt < 0 && _pollSentAt < 0 && now >= nextPoll)
            {
                if (!SendStatusPoll()) return "the daemon closed the connection";
                nextPoll = now + Ticks(_options.StatusPollInterval);
            }

            long due = Math.Min(nextHeartbeat, lastReceived + Ticks(_options.IdleTimeout));
            if (_protocol.PollsStatus()) due = Math.Min(due, nextPoll);
            if (_initializeSentAt >= 0) due = Math.Min(due, _initializeSentAt + Ticks(_options.RequestTimeout));
            int waitUs = (int)Math.Clamp((due - now) * 1_000_000 / Stopwatch.Frequency, 1_000, 200_000);
            bool readable;
            try { readable = socket.Poll(waitUs, SelectMode.SelectRead); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return "the connection to the daemon broke"; }
            if (!readable) continue;

            int n;
            try { n = socket.Receive(_decoder.FreeSpace, SocketFlags.None); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock) { continue; }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return $"the connection to the daemon broke ({(e as SocketException)?.SocketErrorCode})"; }
            if (n == 0)
            {
                SetStatus(new DriverStatus(DriverLink.Refused, "the driver's daemon closed the connection (it stopped or restarted); reconnecting", _protocol));
                return null;
            }
            _decoder.Commit(n);
            lastReceived = Stopwatch.GetTimestamp();
            while (_decoder.TryRead(out var frame))
            {
                var outcome = Handle(frame);
                if (outcome is not null)
                {
                    if (_status.Link == DriverLink.ProtocolMismatch) retryWait = _options.MismatchRetryInterval;
                    return outcome;
                }
            }
            if (_decoder.Error is { } error)
            {
                SetStatus(new DriverStatus(DriverLink.Failed, $"the driver's daemon sent a malformed frame ({error}); reconnecting", _protocol));
                return null;
            }
        }
        return null;
    }

    /// <summary>Handles one frame; returns a reason to drop the connection, or null to go on.</summary>
    private string? Handle(in Frame frame)
    {
        switch (frame.Type)
        {
            case FrameType.Request:
                // The daemon's own request carries status pairs (protocol 7); it waits for an empty response.
                if (!ApplyPairs(frame.Payload)) return "the daemon's status message has an odd length";
                if (!SendRequest(frame.RequestId, FrameType.Response, [])) return "the daemon closed the connection";
                return null;
            case FrameType.Response when frame.RequestId == _initializeId && _initializeSentAt >= 0:
                _initializeSentAt = -1;
                if (frame.Payload.IsEmpty) return OnEmptyInitializeAnswer();
                return ApplyPairs(frame.Payload) ? null : "the daemon's answer to keyboard_initialize has an odd length";
            case FrameType.Response when frame.RequestId == _pollId && _pollSentAt >= 0:
                _pollSentAt = -1;
                return ApplyPairs(frame.Payload) ? null : "the daemon's status answer has an odd length";
            case FrameType.HealthCheck:
                return Send(FrameType.HealthCheckResponse, []) ? null : "the daemon closed the connection";
            default:
                // Heartbeats, answers to posted reports (always empty), user data: nothing to do.
                return null;
        }
    }

    private string? OnEmptyInitializeAnswer()
    {
        if (!_triedOther)
        {
            _triedOther = true;
            _protocol = _protocol.Other();
            _status = _status with { Protocol = _protocol };
            return SendInitialize() ? null : "the daemon closed the connection";
        }
        SetStatus(new DriverStatus(DriverLink.ProtocolMismatch,
            "the driver's daemon answers neither client protocol 6 nor 7 (Remapper speaks both): its version is not one Remapper supports",
            _protocol));
        _protocol = _options.Protocol;
        return "protocol mismatch";
    }

    private bool ApplyPairs(ReadOnlySpan<byte> pairs)
    {
        if (pairs.Length % 2 != 0) return false;
        if (pairs.IsEmpty) return true;
        var next = _status.WithPairs(pairs);
        next = next with { Link = DriverLink.Connected, Protocol = _protocol };
        next = next with { Detail = Describe(next) };
        SetStatus(next);
        // The daemon re-creates the virtual keyboard when the driver comes back; ask again if it went away.
        if (_wasReady && !next.KeyboardReady && _initializeSentAt < 0) SendInitialize();
        _wasReady = next.KeyboardReady;
        return true;
    }

    private static string Describe(DriverStatus s) => s switch
    {
        { KeyboardReady: true } => "the virtual keyboard is ready",
        { DriverActivated: false } => "the driver extension is not activated",
        { DriverVersionMismatched: true } => "the driver extension's version does not match its daemon's",
        { DriverConnected: false } => "the daemon is not connected to the driver extension",
        _ => "waiting for the daemon to create the virtual keyboard",
    };

    private bool SendInitialize()
    {
        Span<byte> payload = stackalloc byte[DriverProtocolExtensions.RequestPrefix + KeyboardParameters.Size];
        _protocol.WritePrefix(payload, DriverRequest.KeyboardInitialize);
        _options.Keyboard.Write(payload[DriverProtocolExtensions.RequestPrefix..]);
        _initializeId = NextId();
        _initializeSentAt = Stopwatch.GetTimestamp();
        return SendRequest(_initializeId, FrameType.Request, payload);
    }

    private bool SendStatusPoll()
    {
        Span<byte> payload = stackalloc byte[DriverProtocolExtensions.RequestPrefix];
        _protocol.WritePrefix(payload, DriverRequest.GetStatus);
        _pollId = NextId();
        _pollSentAt = Stopwatch.GetTimestamp();
        return SendRequest(_pollId, FrameType.Request, payload);
    }

    private void SetStatus(DriverStatus status)
    {
        var previous = _status;
        _status = status;
        if (status != previous) StatusChanged?.Invoke(status);
    }

    private void Sleep(TimeSpan wait)
    {
        _wake.Wait(wait);
        _wake.Reset();
    }

    private static long Ticks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        var socket = _socket;
        if (socket is not null && _status.IsReady)
        {
            // Let the daemon remove the virtual keyboard now rather than when it notices the closed socket.
            Span<byte> payload = stackalloc byte[DriverProtocolExtensions.RequestPrefix];
            _protocol.WritePrefix(payload, DriverRequest.KeyboardTerminate);
            SendRequest(NextId(), FrameType.Request, payload);
        }
        try { socket?.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        _thread?.Join(TimeSpan.FromSeconds(2));
        _wake.Dispose();
    }
}
