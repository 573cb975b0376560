using System.Buffers.Binary;
using Remapper.Core.Hid;
using Remapper.MacOS.Output.DriverKit;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Output;

/// <summary>The DriverKit client against a fake daemon over a real Unix socket.</summary>
public sealed class VirtualHidClientTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<IDisposable> _owned = [];

    private string SocketPath => _dir.File("vhid.sock");

    private FakeDriverDaemon Daemon(ushort protocol, Action<FakeDriverDaemon>? configure = null)
    {
        var daemon = new FakeDriverDaemon(SocketPath, protocol);
        configure?.Invoke(daemon);
        daemon.Start();
        _owned.Add(daemon);
        return daemon;
    }

    private VirtualHidClient Client(DriverProtocol first = DriverProtocol.V7, KeyboardParameters? keyboard = null)
    {
        var client = new VirtualHidClient(new VirtualHidClientOptions
        {
            SocketPath = SocketPath,
            Protocol = first,
            Keyboard = keyboard ?? KeyboardParameters.Ansi,
            ReconnectInterval = TimeSpan.FromMilliseconds(50),
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            IdleTimeout = TimeSpan.FromMilliseconds(2000),
            RequestTimeout = TimeSpan.FromMilliseconds(1500),
            StatusPollInterval = TimeSpan.FromMilliseconds(100),
            MismatchRetryInterval = TimeSpan.FromMilliseconds(200),
        });
        _owned.Insert(0, client);
        client.Start();
        return client;
    }

    [Fact]
    public void Initializes_the_keyboard_with_the_chosen_identity_and_becomes_ready()
    {
        var daemon = Daemon(7);
        var client = Client(keyboard: KeyboardParameters.Iso);
        Eventually.True(() => client.Status.IsReady, "the keyboard becomes ready");
        // Ready can arrive before the initialize request is on record (the daemon may report its status unasked).
        Eventually.True(() => daemon.Requests.Any(r => r.Code == 0), "the initialize request reaches the daemon");

        var init = daemon.Requests.First(r => r.Code == 0);
        Assert.Equal(7, init.ProtocolVersion);
        Assert.Equal(24, init.Payload.Length);
        Assert.Equal(0x05acUL, BinaryPrimitives.ReadUInt64LittleEndian(init.Payload));
        Assert.Equal(0x0250UL, BinaryPrimitives.ReadUInt64LittleEndian(init.Payload.AsSpan(8)));
        Assert.Equal(DriverProtocol.V7, client.Status.Protocol);
        Assert.True(client.Status.DriverActivated);
    }

    [Fact]
    public void Posts_a_full_keyboard_report_for_every_change_of_a_key_sequence()
    {
        var daemon = Daemon(7);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");
        var reports = new DriverKitReports();
        // shift down, a down, a up, shift up: "A"
        foreach (var (usage, down) in new[] { (Usage.Key(0xE1), true), (Usage.Key(0x04), true), (Usage.Key(0x04), false), (Usage.Key(0xE1), false) })
        {
            var report = reports.Apply(usage, down, out _);
            Assert.True(client.Post(DriverRequest.PostKeyboardReport, report));
        }
        Eventually.True(() => daemon.Reports(6).Count == 4, "four keyboard reports arrive");

        var got = daemon.Reports(6);
        Assert.All(got, r => Assert.Equal(DriverKitReports.KeyboardReportLength, r.Length));
        Assert.All(got, r => Assert.Equal(1, r[0]));
        Assert.Equal(0x02, got[0][1]); // left shift bit
        Assert.Equal(0x02, got[1][1]);
        Assert.Equal(0x04, BinaryPrimitives.ReadUInt16LittleEndian(got[1].AsSpan(3)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(got[2].AsSpan(3)));
        Assert.Equal(0x00, got[3][1]);
        Assert.All(got[3].AsSpan(1).ToArray(), b => Assert.Equal(0, b)); // all released at the end
    }

    [Fact]
    public void Consumer_keys_go_in_the_consumer_report()
    {
        var daemon = Daemon(7);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");
        var reports = new DriverKitReports();
        var report = reports.Apply(Usage.Consumer(0xE9), true, out var kind); // volume up
        Assert.Equal(DriverReport.Consumer, kind);
        client.Post(DriverRequest.PostConsumerReport, report);
        Eventually.True(() => daemon.Reports(7).Count == 1, "a consumer report arrives");
        var got = daemon.Reports(7)[0];
        Assert.Equal(2, got[0]);
        Assert.Equal(0xE9, BinaryPrimitives.ReadUInt16LittleEndian(got.AsSpan(1)));
    }

    [Fact]
    public void Sends_heartbeats_while_idle()
    {
        var daemon = Daemon(7);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");
        Eventually.True(() => daemon.HeartbeatsReceived >= 3, "the client sends heartbeats");
        Assert.Equal(1, daemon.Connections);
    }

    [Fact]
    public void Answers_the_daemons_own_status_request_with_an_empty_response_and_follows_it()
    {
        var daemon = Daemon(7);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");

        daemon.KeyboardReady = false;
        ulong id = daemon.PushStatus();
        Eventually.True(() => daemon.ClientResponses.Any(r => r.Id == id), "the client answers the daemon's request");
        Assert.Equal(0, daemon.ClientResponses.First(r => r.Id == id).Length);
        Eventually.True(() => !client.Status.IsReady, "the client sees the keyboard go away");
        // It asks for the keyboard again; once the daemon has re-created it, the daemon says so and the client follows.
        Eventually.True(() => daemon.Requests.Count(r => r.Code == 0) >= 2, "the client initializes again");
        daemon.KeyboardReady = true;
        daemon.PushStatus();
        Eventually.True(() => client.Status.IsReady, "ready again");
    }

    [Fact]
    public void Speaks_protocol_6_to_a_7_0_to_7_3_daemon_and_polls_its_status()
    {
        var daemon = Daemon(6);
        var client = Client(first: DriverProtocol.V6);
        Eventually.True(() => client.Status.IsReady, "ready");
        Assert.Equal(DriverProtocol.V6, client.Status.Protocol);
        var init = daemon.Requests.First(r => r.Code == 1);
        Assert.Equal(6, init.ProtocolVersion);
        Eventually.True(() => daemon.Requests.Count(r => r.Code == 0 && r.ProtocolVersion == 6) >= 2, "get_status polls");

        Assert.True(client.Post(DriverRequest.PostKeyboardReport, new DriverKitReports().Apply(Usage.Key(0x05), true, out _)));
        Eventually.True(() => daemon.Reports(7).Count == 1, "protocol 6 numbers post_keyboard_input_report 7");
    }

    [Fact]
    public void Falls_back_to_the_other_protocol_when_the_daemon_answers_empty()
    {
        var daemon = Daemon(6);
        var client = Client(first: DriverProtocol.V7); // e.g. the version could not be read
        Eventually.True(() => client.Status.IsReady, "ready after falling back");
        Assert.Equal(DriverProtocol.V6, client.Status.Protocol);
        Assert.Contains(daemon.Requests, r => r.ProtocolVersion == 7 && r.Code == 0);
        Assert.Contains(daemon.Requests, r => r.ProtocolVersion == 6 && r.Code == 1);
    }

    [Fact]
    public void A_daemon_that_speaks_neither_protocol_is_a_protocol_mismatch()
    {
        Daemon(5);
        var client = Client();
        Eventually.True(() => client.Status.Link == DriverLink.ProtocolMismatch, "protocol mismatch");
        Assert.False(client.Status.IsReady);
        Assert.Contains("neither client protocol 6 nor 7", client.Status.Detail);
    }

    [Fact]
    public void Reports_the_drivers_own_version_mismatch()
    {
        Daemon(7, d => { d.DriverVersionMismatched = true; d.KeyboardReady = false; });
        var client = Client();
        Eventually.True(() => client.Status.DriverVersionMismatched == true, "version mismatch seen");
        Assert.False(client.Status.IsReady);
    }

    [Fact]
    public void Reconnects_and_initializes_again_when_the_daemon_restarts()
    {
        var daemon = Daemon(7);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");

        daemon.Stop();
        Eventually.True(() => !client.Status.IsReady, "not ready while the daemon is gone");
        Eventually.True(() => client.Status.Link is DriverLink.NoSocket or DriverLink.Refused, "the daemon is seen as not running");
        Assert.False(client.Post(DriverRequest.PostKeyboardReport, new byte[DriverKitReports.KeyboardReportLength]));

        daemon.Start();
        Eventually.True(() => client.Status.IsReady, "ready again after the restart");
        Assert.Equal(2, daemon.Connections);
        Assert.True(client.Disconnects >= 1);
    }

    [Fact]
    public void At_protocol_6_a_restart_does_not_leave_a_stale_status_poll_behind()
    {
        var daemon = Daemon(6);
        var client = Client(first: DriverProtocol.V6);
        Eventually.True(() => client.Status.IsReady, "ready");
        int polls = daemon.Requests.Count(r => r.Code == 0);
        daemon.Answer = false; // the daemon hangs with a poll unanswered, then restarts
        Eventually.True(() => daemon.Requests.Count(r => r.Code == 0) > polls, "a poll goes unanswered");
        daemon.Stop();
        daemon.Answer = true;
        daemon.Start();
        Eventually.True(() => client.Status.IsReady, "ready after the restart");
        // The new connection polls again (a poll left over from the old one would block polling and time it out).
        int after = daemon.Requests.Count(r => r.Code == 0);
        Eventually.True(() => daemon.Requests.Count(r => r.Code == 0) >= after + 3, "status polls resume on the new connection");
    }

    [Fact]
    public void No_socket_means_the_daemon_is_not_running()
    {
        var client = Client();
        Eventually.True(() => client.Status.Link == DriverLink.NoSocket, "no socket");
        Assert.Contains("does not exist", client.Status.Detail);
    }

    [Fact]
    public void A_daemon_that_never_answers_initialize_times_out_and_is_retried()
    {
        var daemon = Daemon(7, d => d.Answer = false);
        var client = Client();
        Eventually.True(() => daemon.Connections >= 2, "the client gives up on the connection and reconnects");
        Assert.False(client.Status.IsReady);
        daemon.Answer = true;
        Eventually.True(() => client.Status.IsReady, "ready once the daemon answers");
    }

    [Fact]
    public void A_silent_daemon_is_dropped_after_the_idle_timeout()
    {
        var daemon = Daemon(7, d => d.SendHeartbeats = false);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");
        Eventually.True(() => daemon.Connections >= 2, "the client drops the silent connection and reconnects");
    }

    [Fact]
    public void A_malformed_frame_drops_the_connection_and_the_client_reconnects()
    {
        var daemon = Daemon(7);
        var client = Client();
        Eventually.True(() => client.Status.IsReady, "ready");
        daemon.SendRaw([0x00, 0x00, 0x00, 0x02, 0x09, 0x00]); // type 9 does not exist
        Eventually.True(() => daemon.Connections >= 2, "reconnected after the malformed frame");
        Eventually.True(() => client.Status.IsReady, "ready again");
    }

    public void Dispose()
    {
        foreach (var o in _owned) o.Dispose();
        _dir.Dispose();
    }
}
