using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Tests.Fakes;

/// <summary>One request the fake daemon received, decoded by what it says (not by what the client meant).</summary>
public sealed record ReceivedRequest(ushort ProtocolVersion, byte Code, byte[] Payload);

/// <summary>
/// A stand-in for Karabiner-VirtualHIDDevice-Daemon on a real Unix stream socket, written from the protocol as the
/// driver's repository documents it: frames of u32 big-endian length + type (+ u64 request id), requests that start
/// with u16 little-endian protocol version and a request byte, an empty response when the version is not its own,
/// status pairs as the answer to keyboard_initialize (and get_status at protocol 6), and status pushed as the
/// daemon's own request at protocol 7. Knobs let tests break it the ways a real daemon breaks.
/// </summary>
public sealed class FakeDriverDaemon : IDisposable
{
    private readonly string _path;
    private Socket? _listener;
    private Socket? _peer;
    private Thread? _thread;
    private volatile bool _stopping;
    private readonly Lock _sendLock = new();
    private long _serverRequestId = 1000;

    public FakeDriverDaemon(string path, ushort protocol)
    {
        _path = path;
        Protocol = protocol;
    }

    /// <summary>The protocol this daemon speaks (6: 7.0–7.3, 7: later); 0 speaks none.</summary>
    public ushort Protocol { get; set; }

    public bool DriverActivated { get; set; } = true;
    public bool DriverConnected { get; set; } = true;
    public bool DriverVersionMismatched { get; set; }
    public bool KeyboardReady { get; set; } = true;

    /// <summary>False: requests are read but never answered, and no status is pushed (a hung daemon).</summary>
    public bool Answer { get; set; } = true;

    /// <summary>False: the daemon sends no heartbeats (a wedged daemon).</summary>
    public bool SendHeartbeats { get; set; } = true;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Responses the client sent to the daemon's own requests, by request id.</summary>
    public ConcurrentQueue<(ulong Id, int Length)> ClientResponses { get; } = new();

    public int HeartbeatsReceived;
    public int Connections;

    public bool HasPeer => _peer is not null;

    public void Start()
    {
        _stopping = false;
        if (File.Exists(_path)) File.Delete(_path);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(_path));
        _listener.Listen(4);
        _thread = new Thread(AcceptLoop) { IsBackground = true, Name = "fake-vhid-daemon" };
        _thread.Start();
    }

    /// <summary>The daemon exits: the connection closes and the socket file goes away.</summary>
    public void Stop()
    {
        _stopping = true;
        try { _peer?.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        _peer?.Dispose();
        _listener?.Dispose();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _peer = null;
        if (File.Exists(_path)) File.Delete(_path);
    }

    /// <summary>Status pairs in the daemon's order.</summary>
    public byte[] StatusPairs() =>
    [
        (byte)DriverResponse.DriverActivated, B(DriverActivated),
        (byte)DriverResponse.DriverConnected, B(DriverConnected),
        (byte)DriverResponse.DriverVersionMismatched, B(DriverVersionMismatched),
        (byte)DriverResponse.KeyboardReady, B(KeyboardReady),
        (byte)DriverResponse.PointingReady, 0,
    ];

    private static byte B(bool b) => b ? (byte)1 : (byte)0;

    /// <summary>Protocol 7: tells the client the status as the daemon's own request.</summary>
    public ulong PushStatus()
    {
        ulong id = (ulong)Interlocked.Increment(ref _serverRequestId);
        SendFrame(FrameType.Request, id, StatusPairs());
        return id;
    }

    /// <summary>Sends bytes as they are (for malformed frames).</summary>
    public void SendRaw(byte[] bytes)
    {
        lock (_sendLock) _peer?.Send(bytes);
    }

    /// <summary>The reports posted with <paramref name="code"/>, oldest first.</summary>
    public List<byte[]> Reports(byte code) => [.. Requests.Where(r => r.Code == code && r.ProtocolVersion == Protocol).Select(r => r.Payload)];

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            Socket peer;
            try { peer = _listener!.Accept(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            _peer = peer;
            Interlocked.Increment(ref Connections);
            if (Protocol == 7 && Answer) PushStatus(); // the daemon tells a new client the status at once
            Serve(peer);
            _peer = null;
            peer.Dispose();
        }
    }

    private void Serve(Socket peer)
    {
        var buffer = new byte[8192];
        int have = 0;
        long nextHeartbeat = Environment.TickCount64 + (long)HeartbeatInterval.TotalMilliseconds;
        while (!_stopping)
        {
            if (SendHeartbeats && Environment.TickCount64 >= nextHeartbeat)
            {
                SendFrame(FrameType.Heartbeat, null, []);
                nextHeartbeat = Environment.TickCount64 + (long)HeartbeatInterval.TotalMilliseconds;
            }
            bool readable;
            try { readable = peer.Poll(20_000, SelectMode.SelectRead); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            if (!readable) continue;
            int n;
            try { n = peer.Receive(buffer, have, buffer.Length - have, SocketFlags.None); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            if (n == 0) return;
            have += n;
            while (have >= 4)
            {
                int body = (int)BinaryPrimitives.ReadUInt32BigEndian(buffer);
                if (have < 4 + body) break;
                HandleFrame(buffer.AsSpan(4, body).ToArray());
                Buffer.BlockCopy(buffer, 4 + body, buffer, 0, have - 4 - body);
                have -= 4 + body;
            }
        }
    }

    private void HandleFrame(byte[] body)
    {
        var type = (FrameType)body[0];
        switch (type)
        {
            case FrameType.Heartbeat:
                Interlocked.Increment(ref HeartbeatsReceived);
                return;
            case FrameType.Response:
                ClientResponses.Enqueue((BinaryPrimitives.ReadUInt64BigEndian(body.AsSpan(1)), body.Length - 9));
                return;
            case FrameType.Request:
                break;
            default:
                return;
        }
        ulong id = BinaryPrimitives.ReadUInt64BigEndian(body.AsSpan(1));
        var payload = body.AsSpan(9);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        byte code = payload[2];
        Requests.Enqueue(new ReceivedRequest(version, code, payload[3..].ToArray()));
        if (!Answer) return;
        if (version != Protocol)
        {
            SendFrame(FrameType.Response, id, []);
            return;
        }
        // Protocol 7: 0 initialize, 6/7/10 reports. Protocol 6: 0 get_status, 1 initialize, 7/8/11 reports.
        bool isInitialize = code == (Protocol == 6 ? 1 : 0);
        bool isGetStatus = Protocol == 6 && code == 0;
        SendFrame(FrameType.Response, id, isInitialize || isGetStatus ? StatusPairs() : []);
    }

    private void SendFrame(FrameType type, ulong? id, byte[] payload)
    {
        var frame = new byte[FrameCodec.MaxFrame];
        int n = id is { } requestId ? FrameCodec.Write(frame, type, requestId, payload) : FrameCodec.Write(frame, type, payload);
        lock (_sendLock)
        {
            try { _peer?.Send(frame, 0, n, SocketFlags.None); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        }
    }

    public void Dispose() => Stop();
}
