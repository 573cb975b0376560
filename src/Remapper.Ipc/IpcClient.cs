using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Remapper.Ipc;

/// <summary>The CLI's (and the tray's) side of the socket: one request line out, one response line back.</summary>
public sealed class IpcClient : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private long _nextId = 1;
    private int _disposed;

    private IpcClient(Socket socket, string path)
    {
        _socket = socket;
        Path = path;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, new UTF8Encoding(false), false, 4096, leaveOpen: true);
    }

    public string Path { get; }

    /// <summary>
    /// Connects to the first of <paramref name="paths"/> a daemon answers on. On failure, <paramref name="problem"/> is one
    /// line for the user: "remapper is not running (no socket at PATH)", or why the socket could not be used.
    /// </summary>
    public static IpcClient? TryConnect(IReadOnlyList<string> paths, out string problem, out bool notRunning)
    {
        problem = "";
        notRunning = true;
        var reasons = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                reasons.Add($"no socket at {path}");
                continue;
            }
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return new IpcClient(socket, path);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                if (e.SocketErrorCode is SocketError.ConnectionRefused)
                    reasons.Add($"stale socket at {path}, nobody listening");
                else
                {
                    notRunning = false;
                    reasons.Add(e.SocketErrorCode == SocketError.AccessDenied
                        ? $"a daemon is running but you may not talk to it: {path} is not open to you (join its group: " +
                          "`sudo usermod -aG remapper $USER`, then log in again)"
                        : $"cannot connect to {path}: {e.Message}");
                }
            }
        }
        problem = notRunning ? $"remapper is not running ({string.Join("; ", reasons)})" : string.Join("; ", reasons);
        return null;
    }

    /// <summary>Sends a request (its <c>v</c> and <c>id</c> are filled in) and returns the response with the same id.</summary>
    public IpcResponse Request(IpcRequest request, TimeSpan? timeout = null)
    {
        request.V ??= IpcProtocol.Version;
        request.Id ??= _nextId++;
        _socket.ReceiveTimeout = (int)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        try
        {
            SendLine(JsonSerializer.SerializeToUtf8Bytes(request, IpcJsonContext.Default.IpcRequest));
        }
        catch (IOException)
        {
            // A daemon that refuses a connection (too many clients) says why in one line and hangs up, so our write can
            // fail with EPIPE: that line, not "broken pipe", is the answer.
            if (ReadResponse() is { Ok: false } refusal) return refusal;
            throw;
        }
        return ReadResponse() ?? throw new IOException("the daemon closed the connection without answering");
    }

    public IpcResponse Request(string command) => Request(new IpcRequest { Cmd = command });

    /// <summary>Reads the next line as a response; null at end of stream.</summary>
    public IpcResponse? ReadResponse()
    {
        var line = _reader.ReadLine();
        return line is null ? null : JsonSerializer.Deserialize(line, IpcJsonContext.Default.IpcResponse);
    }

    /// <summary>Reads the next line of a monitor stream; null at end of stream.</summary>
    public IpcStreamMessage? ReadStreamMessage()
    {
        _socket.ReceiveTimeout = 0;
        var line = _reader.ReadLine();
        return line is null ? null : JsonSerializer.Deserialize(line, IpcJsonContext.Default.IpcStreamMessage);
    }

    public static T Result<T>(IpcResponse response, JsonTypeInfo<T> type) =>
        response.Result is { } element
            ? element.Deserialize(type) ?? throw new JsonException("empty result")
            : throw new JsonException("the response has no result");

    private void SendLine(byte[] json)
    {
        _stream.Write(json);
        _stream.WriteByte((byte)'\n');
        _stream.Flush();
    }

    /// <summary>Unblocks a pending read (Ctrl-C in <c>remapper monitor</c>). Safe to call more than once, from any thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        _reader.Dispose();
        _stream.Dispose();
    }
}
