using System.Text.Json;
using Remapper.Cli;
using Remapper.Daemon.Ipc;
using Remapper.Daemon.Tests.Fakes;
using Remapper.Ipc;

namespace Remapper.Daemon.Tests.Ipc;

/// <summary>
/// Clients that send wrong types, hold connections open, or ask to watch keystrokes without the right to — over a real
/// socket. Everyone here runs as this test's uid; policies that do not trust it stand in for "another local user".
/// </summary>
public sealed class HostileClientTests
{
    private static JsonElement Error(JsonElement response)
    {
        Assert.False(response.GetProperty("ok").GetBoolean(), response.ToString());
        return response.GetProperty("error");
    }

    [Theory]
    [InlineData("""{"v":1,"id":7,"cmd":"set-variable","name":"mode","value":"three"}""", 7, "\"value\" must be an integer")]
    [InlineData("""{"v":1,"id":8,"cmd":"set-variable","name":5,"value":1}""", 8, "\"name\" must be a string")]
    [InlineData("""{"v":1,"id":9,"cmd":"set-layer","layer":{"x":1}}""", 9, "\"layer\" must be a string")]
    [InlineData("""{"v":"one","id":10,"cmd":"status"}""", 10, "\"v\" must be an integer")]
    [InlineData("""{"v":1,"id":11,"cmd":["status"]}""", 11, "\"cmd\" must be a string")]
    [InlineData("""{"v":1,"id":12,"cmd":"set-variable","name":"mode","value":4294967296}""", 12, "\"value\" must be an integer")]
    public async Task A_wrong_typed_field_is_a_bad_request_with_the_requests_id_and_no_dotnet_type_names(string line, long id, string says)
    {
        await using var daemon = InProcessDaemon.Start();
        using var client = new RawClient(daemon.SocketPath);
        var response = client.Ask(line);
        var error = Error(response);
        Assert.Equal(IpcErrorCodes.BadRequest, error.GetProperty("code").GetString());
        Assert.Equal(id, response.GetProperty("id").GetInt64());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains(says, message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("Int32", message);
        Assert.DoesNotContain("JsonElement", message);
        Assert.True(client.Ask("""{"v":1,"id":99,"cmd":"version"}""").GetProperty("ok").GetBoolean(), "the connection stays usable");
    }

    [Fact]
    public async Task A_wrong_typed_field_the_command_does_not_use_does_not_fail_a_plain_status()
    {
        await using var daemon = InProcessDaemon.Start();
        using var client = new RawClient(daemon.SocketPath);
        var response = client.Ask("""{"v":1,"id":3,"cmd":"status","value":"three","layer":[1]}""");
        Assert.True(response.GetProperty("ok").GetBoolean(), response.ToString());
        Assert.Equal(3, response.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_bad_id_is_reported_without_an_id()
    {
        await using var daemon = InProcessDaemon.Start();
        using var client = new RawClient(daemon.SocketPath);
        var response = client.Ask("""{"v":1,"id":"seven","cmd":"status"}""");
        Assert.Equal(IpcErrorCodes.BadRequest, Error(response).GetProperty("code").GetString());
        Assert.False(response.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task One_user_holding_connections_gets_too_many_clients_said_plainly_and_the_others_are_served()
    {
        await using var daemon = InProcessDaemon.Start(StrangerClients.Policy, limits: new IpcLimits(MaxClients: 100, MaxClientsPerUser: 3));
        using (var stranger = new StrangerClients(daemon.SocketPath, 4, "version"))
        {
            for (int i = 0; i < 3; i++) Assert.True(stranger.Responses[i]!.Value.GetProperty("ok").GetBoolean());
            var refusal = stranger.Responses[3] ?? throw new IOException("the fourth connection was closed without a word");
            var error = Error(refusal);
            Assert.Equal(IpcErrorCodes.TooManyClients, error.GetProperty("code").GetString());
            Assert.StartsWith("too many clients: uid ", error.GetProperty("message").GetString());
            Assert.Contains("at most 3 per user", error.GetProperty("message").GetString());

            // The daemon's own user (and root, and its group) still gets through while the stranger holds its connections.
            using var owner = daemon.Connect();
            Assert.True(owner.Request("status").Ok);
        }
        Waiting.Until(() =>
        {
            using var again = new StrangerClients(daemon.SocketPath, 1, "version");
            return again.Responses[0] is { } r && r.GetProperty("ok").GetBoolean();
        }, "the stranger to be served again once its held connections closed", 10_000);
    }

    [Fact]
    public async Task Remapper_status_says_too_many_clients_when_the_daemon_refuses_the_connection()
    {
        // A server that answers as the daemon does when it is full: one error line, then it hangs up before reading.
        using var dir = new TempDir();
        var path = dir.File("full.sock");
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream,
            System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        listener.Listen(4);
        void RefuseOne()
        {
            using var peer = listener.Accept();
            var refusal = DaemonCommands.Fail(null, IpcErrorCodes.TooManyClients,
                "too many clients: uid 1000 already has 32 connections to the daemon (at most 32 per user); close some and try again");
            peer.Send([.. JsonSerializer.SerializeToUtf8Bytes(refusal, IpcJsonContext.Default.IpcResponse), (byte)'\n']);
        }

        // Refused and hung up before the client writes: its write fails with EPIPE, and the refusal is still the answer.
        using (var client = IpcClient.TryConnect([path], out var problem, out _) ?? throw new IOException(problem))
        {
            RefuseOne();
            var response = client.Request("status");
            Assert.Equal(IpcErrorCodes.TooManyClients, response.Error?.Code);
        }

        var server = Task.Run(RefuseOne);
        var output = new StringWriter();
        var stderr = new StringWriter();
        int exit = RemapperCli.Run(["status", "--socket", path], output, stderr);
        await server.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(0, exit);
        Assert.Contains("remapper status: too many clients: uid 1000 already has 32 connections", stderr.ToString());
        Assert.DoesNotContain("Broken pipe", stderr.ToString());
    }

    [Fact]
    public async Task The_daemons_own_user_and_group_always_get_through()
    {
        await using var daemon = InProcessDaemon.Start(new IpcAccessPolicy(Native.geteuid(), null),
            limits: new IpcLimits(MaxClients: 2, MaxClientsPerUser: 1));
        var clients = Enumerable.Range(0, 5).Select(_ => new RawClient(daemon.SocketPath)).ToList();
        try
        {
            foreach (var client in clients) Assert.True(client.Ask("""{"v":1,"id":1,"cmd":"status"}""").GetProperty("ok").GetBoolean());
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task Monitor_shows_keystrokes_so_it_needs_the_rights_of_pause()
    {
        await using var daemon = InProcessDaemon.Start(StrangerClients.Policy);
        using (var monitor = new StrangerClients(daemon.SocketPath, 1, "monitor"))
        {
            var denied = Error(monitor.Responses[0]!.Value);
            Assert.Equal(IpcErrorCodes.PermissionDenied, denied.GetProperty("code").GetString());
            Assert.Contains("keystroke", denied.GetProperty("message").GetString());
        }
        using (var pause = new StrangerClients(daemon.SocketPath, 1, "pause"))
            Assert.Equal(IpcErrorCodes.PermissionDenied, Error(pause.Responses[0]!.Value).GetProperty("code").GetString());
        using (var status = new StrangerClients(daemon.SocketPath, 1, "status"))
            Assert.True(status.Responses[0]!.Value.GetProperty("ok").GetBoolean(), "status stays open to everyone who can connect");
        using var owner = daemon.Connect();
        Assert.True(owner.Request("monitor").Ok, "the daemon's own user may monitor");
    }
}
