using System.Text.Json;
using Remapper.Daemon.Tests.Fakes;
using Remapper.Ipc;

namespace Remapper.Daemon.Tests.Ipc;

/// <summary>Control replies over the socket say what the loop did: applied, or the loop's own error.</summary>
public sealed class AcknowledgedControlTests
{
    [Fact]
    public async Task Set_layer_answers_after_the_loop_applied_it_so_the_next_status_shows_it()
    {
        await using var daemon = InProcessDaemon.Start();
        using var client = new RawClient(daemon.SocketPath);
        Assert.True(client.Ask("""{"v":1,"id":1,"cmd":"set-layer","layer":"nav"}""").GetProperty("ok").GetBoolean());
        var layers = client.Ask("""{"v":1,"id":2,"cmd":"status"}""").GetProperty("result").GetProperty("activeLayers");
        Assert.Equal(["nav"], layers.EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task An_error_on_the_loop_thread_is_the_answer_not_a_false_ok()
    {
        await using var daemon = InProcessDaemon.Start();
        using var client = new RawClient(daemon.SocketPath);
        daemon.Backend.FailNextOperation = new InvalidOperationException("the event loop stopped: epoll_wait failed: EBADF");
        var response = client.Ask("""{"v":1,"id":5,"cmd":"pause"}""");
        Assert.False(response.GetProperty("ok").GetBoolean());
        Assert.Equal(5, response.GetProperty("id").GetInt64());
        var error = response.GetProperty("error");
        Assert.Equal(IpcErrorCodes.Internal, error.GetProperty("code").GetString());
        Assert.Equal("pause failed: the event loop stopped: epoll_wait failed: EBADF", error.GetProperty("message").GetString());
        Assert.False(client.Ask("""{"v":1,"id":6,"cmd":"status"}""").GetProperty("result").GetProperty("paused").GetBoolean());
    }
}
