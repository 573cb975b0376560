using System.Collections.Concurrent;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Tray.Following;
using Remapper.Tray.Model;
using Remapper.Tray.Tests.Fakes;

namespace Remapper.Tray.Tests.Following;

public class StatusFollowerTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Follows_the_daemon_through_pause_stop_and_restart_by_itself()
    {
        await using var daemon = new FakeDaemon();
        var seen = new ConcurrentQueue<DaemonSnapshot>();
        using var follower = new StatusFollower([daemon.SocketPath], Fast);
        follower.Changed += seen.Enqueue;
        follower.Start();

        Waiting.Until(() => follower.Current.Status is null && follower.Current != DaemonSnapshot.Unknown, "not running before the daemon starts");
        Assert.Contains($"no socket at {daemon.SocketPath}", follower.Current.Problem);

        daemon.Start();
        Waiting.Until(() => follower.Current.Status is { Paused: false }, "the running daemon's status");

        Assert.True(follower.Send(new IpcRequest { Cmd = "pause" }, out _)!.Ok);
        follower.Poke();
        Waiting.Until(() => follower.Current.Status is { Paused: true }, "paused");

        await daemon.StopAsync();
        Waiting.Until(() => follower.Current.Status is null, "not running after the daemon stopped");
        Assert.StartsWith("remapper is not running", follower.Current.Problem);

        daemon.Start();
        Waiting.Until(() => follower.Current.Status is not null, "reconnected after the daemon restarted");
    }

    [Fact]
    public async Task A_steady_daemon_raises_no_changes_even_though_its_uptime_ticks()
    {
        await using var daemon = new FakeDaemon().Start();
        var changes = 0;
        using var follower = new StatusFollower([daemon.SocketPath], Fast);
        follower.Changed += _ => Interlocked.Increment(ref changes);
        follower.Start();
        Waiting.Until(() => follower.Current.Status is not null, "connected");
        var before = Volatile.Read(ref changes);

        Thread.Sleep(1500); // 15 polls, across at least one uptime second

        Assert.Equal(before, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task A_broken_keymap_saved_shows_up_in_the_followed_status()
    {
        await using var daemon = new FakeDaemon().Start();
        using var follower = new StatusFollower([daemon.SocketPath], Fast);
        follower.Start();
        Waiting.Until(() => follower.Current.Status is not null, "connected");

        daemon.SaveKeymap(FakeDaemon.BrokenKeymap);

        Waiting.Until(() => follower.Current.Status is { Keymap.Valid: false }, "the keymap error");
        var view = TrayViewBuilder.Build(follower.Current);
        Assert.Equal(TrayState.Error, view.State);
        Assert.Contains("config.toml:3:1:", view.Tooltip);
    }

    [Fact]
    public async Task Menu_commands_get_the_daemons_answer_and_a_clear_problem_when_it_is_gone()
    {
        await using var daemon = new FakeDaemon();
        using var follower = new StatusFollower([daemon.SocketPath], Fast);

        Assert.Null(follower.Send(new IpcRequest { Cmd = "reload" }, out var problem));
        Assert.Contains("remapper is not running", problem);

        daemon.Start();
        daemon.SaveKeymap(FakeDaemon.BrokenKeymap);
        var response = follower.Send(new IpcRequest { Cmd = "reload" }, out _)!;
        Assert.False(response.Ok);
        Assert.Equal(IpcErrorCodes.InvalidKeymap, response.Error!.Code);
        Assert.Contains(response.Error.Diagnostics!, d => d.Line == 3 && d.Column == 1);
    }
}
