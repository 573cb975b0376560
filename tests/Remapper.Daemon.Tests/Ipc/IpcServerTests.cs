using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Remapper.Core.Hid;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Ipc;

/// <summary>The IPC protocol over a real Unix socket, against a real engine on a fake loop thread.</summary>
public sealed class IpcServerTests : IAsyncLifetime
{
    private static readonly Usage A = Usage.Key(0x04), B = Usage.Key(0x05);
    private InProcessDaemon _daemon = null!;

    public Task InitializeAsync()
    {
        _daemon = InProcessDaemon.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    private RawClient Raw() => new(_daemon.SocketPath);

    private static JsonElement Result(JsonElement response)
    {
        Assert.True(response.GetProperty("ok").GetBoolean(), response.ToString());
        Assert.Equal(1, response.GetProperty("v").GetInt32());
        return response.GetProperty("result");
    }

    private static string ErrorCode(JsonElement response)
    {
        Assert.False(response.GetProperty("ok").GetBoolean(), response.ToString());
        return response.GetProperty("error").GetProperty("code").GetString()!;
    }

    /// <summary>Asserts the fake loop kept turning while <paramref name="abuse"/> ran: nothing the server did blocked it.</summary>
    private void LoopKeepsRunningDuring(Action abuse)
    {
        long before = _daemon.Backend.Heartbeat;
        var clock = Stopwatch.StartNew();
        abuse();
        _daemon.Backend.Sync(); // the loop still answers...
        long beats = _daemon.Backend.Heartbeat - before;
        // ...and turned roughly once a millisecond the whole time (generous for 2 loaded cores).
        Assert.True(beats >= clock.ElapsedMilliseconds / 20, $"loop turned {beats} times in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Status_reports_the_keymap_the_keyboards_the_output_and_the_responses_echo_the_id()
    {
        using var client = Raw();
        var response = client.Ask("""{"v":1,"id":42,"cmd":"status"}""");
        Assert.Equal(42, response.GetProperty("id").GetInt64());
        var status = Result(response);
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(_daemon.KeymapPath, status.GetProperty("keymap").GetProperty("path").GetString());
        Assert.True(status.GetProperty("keymap").GetProperty("valid").GetBoolean());
        Assert.Equal("commandLine", status.GetProperty("keymap").GetProperty("origin").GetString());
        var keyboard = Assert.Single(status.GetProperty("keyboards").EnumerateArray());
        Assert.Equal("Seized", keyboard.GetProperty("state").GetString());
        Assert.Equal("Ready", status.GetProperty("output").GetProperty("state").GetString());
        Assert.Equal(Environment.ProcessId, status.GetProperty("daemon").GetProperty("pid").GetInt32());
    }

    [Fact]
    public void Devices_and_version_answer()
    {
        using var client = Raw();
        var devices = Result(client.Ask("""{"v":1,"id":1,"cmd":"devices"}"""));
        Assert.Equal("Test Keyboard", devices.GetProperty("keyboards")[0].GetProperty("name").GetString());
        var version = Result(client.Ask("""{"v":1,"id":2,"cmd":"version"}"""));
        Assert.Equal(1, version.GetProperty("protocol").GetInt32());
        Assert.False(string.IsNullOrEmpty(version.GetProperty("version").GetString()));
    }

    [Fact]
    public void Reload_reports_success_or_the_diagnostics_and_an_invalid_keymap_never_runs()
    {
        using var client = Raw();
        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"c\"\n");
        Assert.True(Result(client.Ask("""{"v":1,"id":1,"cmd":"reload"}""")).GetProperty("applied").GetBoolean());

        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"nope\"\n");
        var failed = client.Ask("""{"v":1,"id":2,"cmd":"reload"}""");
        Assert.Equal(IpcErrorCodes.InvalidKeymap, ErrorCode(failed));
        var diagnostic = failed.GetProperty("error").GetProperty("diagnostics")[0];
        Assert.Equal(3, diagnostic.GetProperty("line").GetInt32());
        Assert.StartsWith($"{_daemon.KeymapPath}:3:", diagnostic.GetProperty("text").GetString());

        var status = Result(client.Ask("""{"v":1,"id":3,"cmd":"status"}"""));
        Assert.Equal("config-error", status.GetProperty("state").GetString());
        Assert.False(status.GetProperty("keymap").GetProperty("valid").GetBoolean());
        _daemon.Backend.Sync();
        Assert.Equal(1, _daemon.Backend.KeymapsApplied);
    }

    [Fact]
    public void Pause_and_resume_show_in_status()
    {
        using var client = Raw();
        Assert.True(Result(client.Ask("""{"v":1,"id":1,"cmd":"pause"}""")).GetProperty("paused").GetBoolean());
        _daemon.Backend.Sync();
        Assert.Equal("paused", Result(client.Ask("""{"v":1,"id":2,"cmd":"status"}""")).GetProperty("state").GetString());
        _daemon.Backend.Key(A, true);
        _daemon.Backend.Key(A, false);
        _daemon.Backend.Sync();
        Assert.Equal(2, _daemon.Backend.Output.Count(A, true) + _daemon.Backend.Output.Count(A, false)); // passes through
        Result(client.Ask("""{"v":1,"id":3,"cmd":"resume"}"""));
        _daemon.Backend.Sync();
        Assert.Equal("running", Result(client.Ask("""{"v":1,"id":4,"cmd":"status"}""")).GetProperty("state").GetString());
    }

    [Fact]
    public void Set_layer_and_set_variable_check_their_arguments_against_the_running_keymap()
    {
        using var client = Raw();
        Assert.Equal("nav", Result(client.Ask("""{"v":1,"id":1,"cmd":"set-layer","layer":"nav"}""")).GetProperty("layer").GetString());
        _daemon.Backend.Sync();
        var layers = Result(client.Ask("""{"v":1,"id":2,"cmd":"status"}""")).GetProperty("activeLayers");
        Assert.Equal("nav", layers[0].GetString());
        Assert.Equal(IpcErrorCodes.NotFound, ErrorCode(client.Ask("""{"v":1,"id":3,"cmd":"set-layer","layer":"nope"}""")));
        Assert.Equal(IpcErrorCodes.BadRequest, ErrorCode(client.Ask("""{"v":1,"id":4,"cmd":"set-layer"}""")));
        Assert.Equal(IpcErrorCodes.NotFound, ErrorCode(client.Ask("""{"v":1,"id":5,"cmd":"set-variable","name":"x","value":1}""")));
        Assert.Equal(IpcErrorCodes.BadRequest, ErrorCode(client.Ask("""{"v":1,"id":6,"cmd":"set-variable","name":"x"}""")));
    }

    [Fact]
    public void Monitor_streams_input_and_output_events_until_the_client_leaves()
    {
        using var client = Raw();
        var started = Result(client.Ask("""{"v":1,"id":7,"cmd":"monitor"}"""));
        Assert.True(started.GetProperty("streaming").GetBoolean());
        _daemon.Backend.Key(A, true);
        _daemon.Backend.Key(A, false);
        var seen = new List<(string Dir, string Key, bool Down)>();
        while (seen.Count < 4)
        {
            var message = client.Next() ?? throw new IOException("stream ended");
            Assert.Equal(7, message.GetProperty("id").GetInt64());
            var e = message.GetProperty("event");
            seen.Add((e.GetProperty("dir").GetString()!, e.GetProperty("key").GetString()!, e.GetProperty("down").GetBoolean()));
        }
        Assert.Equal([("in", "a", true), ("out", "b", true), ("in", "a", false), ("out", "b", false)], seen);
    }

    [Fact]
    public void Unknown_commands_and_versions_are_errors_and_the_connection_stays_usable()
    {
        using var client = Raw();
        Assert.Equal(IpcErrorCodes.UnknownCommand, ErrorCode(client.Ask("""{"v":1,"id":1,"cmd":"explode"}""")));
        Assert.Equal(IpcErrorCodes.UnsupportedVersion, ErrorCode(client.Ask("""{"v":2,"id":2,"cmd":"status"}""")));
        Assert.Equal(IpcErrorCodes.UnsupportedVersion, ErrorCode(client.Ask("""{"id":3,"cmd":"status"}""")));
        Assert.Equal(IpcErrorCodes.BadRequest, ErrorCode(client.Ask("""{"v":1,"id":4}""")));
        Result(client.Ask("""{"v":1,"id":5,"cmd":"version"}"""));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"v\":1,\"id\":1,\"cmd\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\u00ff\u00fe garbage \u0001")]
    public void Malformed_json_gets_an_error_and_the_connection_is_kept(string garbage)
    {
        using var client = Raw();
        Assert.Equal(IpcErrorCodes.BadJson, ErrorCode(client.Ask(garbage)));
        Result(client.Ask("""{"v":1,"id":2,"cmd":"version"}"""));
    }

    [Fact]
    public void A_string_that_is_not_UTF_8_is_bad_json_and_the_connection_is_kept()
    {
        // Found by the IPC fuzz target: JsonDocument accepts such a line and throws only when the string is read.
        using var client = Raw();
        client.Stream.Write([.. "{\"v\":1,\"id\":3,\"cmd\":\"set-variable\",\"name\":\""u8, 0xCD, .. "g\",\"value\":1}\n"u8]);
        var answer = client.Next() ?? throw new IOException("connection closed without an answer");
        Assert.Equal(IpcErrorCodes.BadJson, ErrorCode(answer));
        Assert.Contains("UTF-8", answer.GetProperty("error").GetProperty("message").GetString());
        Result(client.Ask("""{"v":1,"id":4,"cmd":"version"}"""));
    }

    [Fact]
    public void A_10_MB_line_is_refused_the_connection_closed_and_everyone_else_served()
    {
        LoopKeepsRunningDuring(() =>
        {
            using var client = Raw();
            var sender = Task.Run(() =>
            {
                try
                {
                    var chunk = new byte[1024 * 1024];
                    Array.Fill(chunk, (byte)'x');
                    for (int i = 0; i < 10; i++) client.Stream.Write(chunk);
                }
                catch (IOException)
                {
                    // the server hung up mid-line, as it should
                }
            });
            var response = client.Next() ?? throw new IOException("no answer");
            Assert.Equal(IpcErrorCodes.LineTooLong, ErrorCode(response));
            Assert.True(sender.Wait(TimeSpan.FromSeconds(10)), "the sender was left blocked: the server kept reading");
            try
            {
                Assert.Null(client.Next()); // closed
            }
            catch (IOException)
            {
                // ECONNRESET is also a close
            }
            using var other = Raw();
            Result(other.Ask("""{"v":1,"id":1,"cmd":"status"}"""));
        });
    }

    [Fact]
    public void A_line_just_over_the_limit_that_ends_in_one_write_is_refused_too()
    {
        using var client = Raw();
        client.Send("{\"v\":1,\"cmd\":\"status\",\"name\":\"" + new string('x', IpcProtocol.MaxLineBytes) + "\"}\n");
        Assert.Equal(IpcErrorCodes.LineTooLong, ErrorCode(client.Next() ?? throw new IOException("no answer")));
    }

    [Fact]
    public void A_line_just_under_the_limit_is_answered()
    {
        using var client = Raw();
        var padding = new string('x', IpcProtocol.MaxLineBytes - 100);
        Result(client.Ask("{\"v\":1,\"id\":1,\"cmd\":\"version\",\"name\":\"" + padding + "\"}"));
    }

    [Fact]
    public void A_monitor_client_that_never_reads_is_dropped_without_holding_anyone_up()
    {
        LoopKeepsRunningDuring(() =>
        {
            using var lazy = Raw();
            lazy.Send("{\"v\":1,\"id\":1,\"cmd\":\"monitor\"}\n");
            Waiting.Until(() => _daemon.Server.ClientCount == 1, "the monitor client to be accepted");
            Thread.Sleep(100);
            // Type far more than the socket buffer and the send queue hold, until the lazy client (which reads
            // nothing) is dropped; meanwhile another client is served every round.
            using var reader = Raw();
            Waiting.Until(() => _daemon.Server.ClientCount == 2, "the second client to be accepted");
            var clock = Stopwatch.StartNew();
            int round = 0;
            while (_daemon.Server.ClientCount > 1 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                for (int i = 0; i < 100; i++)
                {
                    _daemon.Backend.Key(A, true);
                    _daemon.Backend.Key(A, false);
                }
                _daemon.Backend.Sync();
                Result(reader.Ask($"{{\"v\":1,\"id\":{round++},\"cmd\":\"status\"}}"));
                Thread.Sleep(25);
            }
            Assert.True(_daemon.Server.ClientCount == 1,
                $"the lazy monitor client was not dropped after {_daemon.Backend.Monitor.Written} events in {clock.ElapsedMilliseconds} ms");
        });
    }

    [Fact]
    public void A_hundred_clients_at_once_are_all_answered()
    {
        LoopKeepsRunningDuring(() =>
        {
            var clients = Enumerable.Range(0, 100).Select(_ => Raw()).ToList();
            try
            {
                Parallel.ForEach(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, (c, _, i) =>
                {
                    var response = c.Ask($"{{\"v\":1,\"id\":{i},\"cmd\":\"status\"}}");
                    Assert.Equal(i, response.GetProperty("id").GetInt64());
                    Result(response);
                });
                Waiting.Until(() => _daemon.Server.ClientCount == 100, "all 100 to be connected");
            }
            finally
            {
                foreach (var c in clients) c.Dispose();
            }
            Waiting.Until(() => _daemon.Server.ClientCount == 0, "vanished clients to be cleaned up");
        });
    }

    [Fact]
    public void Clients_that_vanish_mid_request_or_mid_monitor_are_cleaned_up()
    {
        for (int i = 0; i < 20; i++)
        {
            using var c = Raw();
            c.Send(i % 2 == 0 ? "{\"v\":1,\"id\":1,\"cmd\":\"monitor\"}\n" : "{\"v\":1,\"id\":1,\"cmd\":\"sta");
        }
        _daemon.Backend.Key(A, true);
        _daemon.Backend.Key(A, false);
        Waiting.Until(() => _daemon.Server.ClientCount == 0, "vanished clients to be cleaned up");
        using var client = Raw();
        Result(client.Ask("""{"v":1,"id":1,"cmd":"status"}"""));
    }

    [Fact]
    public async Task A_second_daemon_on_the_same_socket_is_refused_and_a_stale_socket_is_replaced()
    {
        var second = new IpcServer(_daemon.SocketPath, null!, new IpcAccessPolicy(0, null), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var refused = Assert.Throws<IOException>(() => second.Start(null));
        Assert.Contains("already listening", refused.Message);

        var stalePath = _daemon.Dir.File("stale.sock");
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            dead.Bind(new UnixDomainSocketEndPoint(stalePath)); // bound, never listening: what a crash leaves
        await using var replacement = new IpcServer(stalePath, new DaemonCommands(DaemonInfo.ForThisProcess(stalePath, false), _daemon.Reloader, _daemon.Backend),
            new IpcAccessPolicy(0, null), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        replacement.Start(null);
        using var client = new RawClient(stalePath);
        Result(client.Ask("""{"v":1,"id":1,"cmd":"version"}"""));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stalePath));
    }
}
