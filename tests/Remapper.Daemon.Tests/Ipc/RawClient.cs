using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Remapper.Daemon.Tests.Ipc;

/// <summary>A socket client that sends whatever bytes a test likes, to see how the server copes.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly StreamReader _reader;

    public RawClient(string path, bool connectOnly = false)
    {
        Socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        Socket.Connect(new UnixDomainSocketEndPoint(path));
        Stream = new NetworkStream(Socket, ownsSocket: true);
        _reader = new StreamReader(Stream, Encoding.UTF8, false, 4096, leaveOpen: true);
        Socket.ReceiveTimeout = 10_000;
        _ = connectOnly;
    }

    public Socket Socket { get; }
    public NetworkStream Stream { get; }

    public void Send(string text) => Stream.Write(Encoding.UTF8.GetBytes(text));

    public JsonElement Ask(string line)
    {
        Send(line + "\n");
        return Next() ?? throw new IOException("connection closed without an answer");
    }

    public JsonElement? Next()
    {
        var line = _reader.ReadLine();
        return line is null ? null : JsonDocument.Parse(line).RootElement.Clone();
    }

    public void Dispose()
    {
        _reader.Dispose();
        Stream.Dispose();
    }
}
