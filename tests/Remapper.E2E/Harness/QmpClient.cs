using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Remapper.E2E.Harness;

/// <summary>
/// The QEMU Machine Protocol over its unix socket: how the host presses keys on the guest's USB keyboard.
/// One request at a time; asynchronous event lines between requests are skipped.
/// </summary>
internal sealed partial class QmpClient : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private QmpClient(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, Encoding.UTF8);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public static async Task<QmpClient> ConnectAsync(string socketPath, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
                var client = new QmpClient(socket);
                await client.ReadResponseAsync(greeting: true);
                await client.ExecuteAsync(new JsonObject { ["execute"] = "qmp_capabilities" });
                return client;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A key press or release on the most recently added keyboard (the USB one), by QEMU qcode.</summary>
    public Task SendKeyAsync(string qcode, bool down)
    {
        if (!QcodePattern().IsMatch(qcode))
        {
            throw new ArgumentException($"'{qcode}' is not a QEMU qcode (e.g. a, caps_lock, esc, shift, ctrl)", nameof(qcode));
        }
        var key = new JsonObject { ["type"] = "qcode", ["data"] = qcode };
        var keyEvent = new JsonObject { ["type"] = "key", ["data"] = new JsonObject { ["down"] = down, ["key"] = key } };
        return ExecuteAsync(new JsonObject
        {
            ["execute"] = "input-send-event",
            ["arguments"] = new JsonObject { ["events"] = new JsonArray(keyEvent) },
        });
    }

    public async Task<JsonNode?> ExecuteAsync(JsonObject command)
    {
        await _gate.WaitAsync();
        try
        {
            await _writer.WriteLineAsync(command.ToJsonString());
            return await ReadResponseAsync(greeting: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<JsonNode?> ReadResponseAsync(bool greeting)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            string line = await _reader.ReadLineAsync(timeout.Token)
                ?? throw new IOException("QMP connection closed (did QEMU exit?)");
            JsonNode? message = JsonNode.Parse(line);
            if (greeting && message?["QMP"] is not null)
            {
                return message;
            }
            if (message?["error"] is JsonNode error)
            {
                throw new InvalidOperationException($"QMP error: {error.ToJsonString()}");
            }
            if (message?["return"] is JsonNode result)
            {
                return result;
            }
            // {"event": ...} lines arrive whenever QEMU likes; they answer nothing.
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _gate.Dispose();
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex QcodePattern();
}
