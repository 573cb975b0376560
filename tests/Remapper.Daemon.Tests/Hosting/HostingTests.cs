using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Core.Hid;
using Remapper.Backend;
using Remapper.Daemon.Hosting;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Daemon.Tests.Fakes;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Remapper.Daemon.Tests.Hosting;

public sealed class HostingTests
{
    private sealed class RecordingNotifier : ISystemdNotifier
    {
        public List<string> Sent { get; } = [];
        public bool IsEnabled => true;

        public void Notify(ServiceState state)
        {
            lock (Sent) Sent.Add(state.ToString());
        }
    }

    [Fact]
    public async Task The_hosted_daemon_serves_status_reloads_on_sighup_and_removes_its_socket_on_stop()
    {
        using var dir = new TempDir();
        var keymap = dir.File("config.toml");
        File.WriteAllText(keymap, "version = 1\n[remap]\na = \"b\"\n");
        var socket = dir.File("remapper.sock");
        FakeBackend? backend = null;
        var notifier = new RecordingNotifier();
        using var host = RemapperDaemon.Build(new DaemonOptions(ConfigPath: keymap, SocketPath: socket),
            (initial, _, _) => Task.FromResult<IRemapBackend>(backend = new FakeBackend(initial)), notifier);
        await host.StartAsync();
        try
        {
            using var client = IpcClient.TryConnect([socket], out var problem, out _) ?? throw new Xunit.Sdk.XunitException(problem);
            var status = IpcClient.Result(client.Request("status"), IpcJsonContext.Default.StatusResult);
            Assert.Equal(keymap, status.Keymap.Path);
            Assert.True(status.Keymap.Valid);
            Assert.Contains(notifier.Sent, s => s.Contains("STATUS=running", StringComparison.Ordinal));

            File.WriteAllText(keymap, "version = 1\n[remap]\na = \"c\"\n");
            Process.Start("kill", ["-HUP", Environment.ProcessId.ToString()]).WaitForExit();
            Waiting.Until(() => { backend!.Sync(); return backend.KeymapsApplied >= 1; }, "SIGHUP to reload the keymap");
        }
        finally
        {
            await host.StopAsync();
        }
        Assert.False(File.Exists(socket));
        Assert.Contains("STOPPING=1", notifier.Sent);
    }

    [Fact]
    public async Task Ready_is_sent_only_once_the_backend_is_up_and_the_keymap_loaded()
    {
        using var dir = new TempDir();
        var keymap = dir.File("config.toml");
        File.WriteAllText(keymap, "version = 1\n");
        var backendUp = new TaskCompletionSource();
        var notifier = new RecordingNotifier();
        using var host = RemapperDaemon.Build(new DaemonOptions(ConfigPath: keymap, SocketPath: dir.File("s.sock")), async (initial, _, _) =>
        {
            await backendUp.Task; // the virtual keyboard is being created
            return new FakeBackend(initial);
        }, notifier);
        var starting = host.StartAsync();
        await Task.Delay(300);
        Assert.False(starting.IsCompleted);
        Assert.DoesNotContain(notifier.Sent, s => s.Contains("READY=1"));
        backendUp.SetResult();
        await starting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(notifier.Sent, s => s.Contains("READY=1"));
        int status = notifier.Sent.FindIndex(s => s == "STATUS=running " + keymap);
        Assert.True(status >= 0 && status < notifier.Sent.IndexOf("READY=1"), string.Join(" | ", notifier.Sent));
        await host.StopAsync();
        Assert.Single(notifier.Sent, s => s.Contains("READY=1"));
    }

    [Fact]
    public async Task A_second_daemon_on_the_same_socket_stops_before_starting_its_backend()
    {
        await using var first = InProcessDaemon.Start();
        bool backendStarted = false;
        using var host = RemapperDaemon.Build(new DaemonOptions(ConfigPath: first.KeymapPath, SocketPath: first.SocketPath), (initial, _, _) =>
        {
            backendStarted = true;
            return Task.FromResult<IRemapBackend>(new FakeBackend(initial));
        }, new RecordingNotifier());
        var e = await Assert.ThrowsAsync<IOException>(() => host.StartAsync());
        Assert.Contains("already listening", e.Message);
        Assert.False(backendStarted);
    }

    [Fact]
    public async Task A_backend_that_fails_to_start_fails_startup_with_its_message()
    {
        using var dir = new TempDir();
        using var host = RemapperDaemon.Build(new DaemonOptions(ConfigPath: dir.File("none.toml"), SocketPath: dir.File("s.sock")),
            (_, _, _) => throw new IOException("/dev/uhid: permission denied"), new RecordingNotifier());
        var e = await Assert.ThrowsAsync<IOException>(() => host.StartAsync());
        Assert.Contains("/dev/uhid", e.Message);
    }

    [Fact]
    public void The_watchdog_pings_only_while_the_loop_turns()
    {
        using var backend = new FakeBackend(Remapper.Daemon.Config.KeymapReloader.EmptyKeymap());
        var notifier = new RecordingNotifier();
        var watchdog = new LoopWatchdog(notifier, new WatchdogSettings(TimeSpan.FromSeconds(10)), () => backend, NullLogger<LoopWatchdog>.Instance);
        Assert.True(watchdog.Check());
        Thread.Sleep(50);
        Assert.True(watchdog.Check());

        backend.Wedged = true;
        Thread.Sleep(50);
        watchdog.Check(); // may still see the last turn before the wedge
        Thread.Sleep(50);
        Assert.False(watchdog.Check());
        Assert.False(watchdog.Check());
        int pings = notifier.Sent.Count(s => s == "WATCHDOG=1");

        backend.Wedged = false;
        Thread.Sleep(50);
        Assert.True(watchdog.Check());
        Assert.Equal(pings + 1, notifier.Sent.Count(s => s == "WATCHDOG=1"));
    }

    [Fact]
    public void The_watchdog_interval_comes_from_watchdog_usec_and_only_for_this_process()
    {
        var env = new Dictionary<string, string> { ["WATCHDOG_USEC"] = "20000000" };
        Assert.Equal(TimeSpan.FromSeconds(20), WatchdogSettings.FromEnvironment(n => env.GetValueOrDefault(n)).Interval);
        env["WATCHDOG_PID"] = Environment.ProcessId.ToString();
        Assert.Equal(TimeSpan.FromSeconds(20), WatchdogSettings.FromEnvironment(n => env.GetValueOrDefault(n)).Interval);
        env["WATCHDOG_PID"] = "1"; // the interval was meant for another process
        Assert.Null(WatchdogSettings.FromEnvironment(n => env.GetValueOrDefault(n)).Interval);
        Assert.Null(WatchdogSettings.FromEnvironment(_ => null).Interval);
    }

    [Fact]
    public async Task A_backend_whose_loop_dies_stops_the_daemon_through_the_host_and_says_why()
    {
        using var dir = new TempDir();
        var keymap = dir.File("config.toml");
        File.WriteAllText(keymap, "version = 1\n");
        var socket = dir.File("s.sock");
        FakeBackend? backend = null;
        using var host = RemapperDaemon.Build(new DaemonOptions(ConfigPath: keymap, SocketPath: socket),
            (initial, _, _) => Task.FromResult<IRemapBackend>(backend = new FakeBackend(initial)), new RecordingNotifier());
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);

        backend!.Die(new IOException("epoll_wait failed: EBADF"));
        Waiting.Until(() => lifetime.ApplicationStopping.IsCancellationRequested, "the host to be asked to stop");
        await host.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("epoll_wait failed: EBADF", host.Services.GetRequiredService<BackendService>().Failure?.Message);
        Assert.False(File.Exists(socket), "the socket was closed on the way out");
    }

    [Fact]
    public async Task Run_exits_0_when_stopped_and_70_when_the_event_loop_died()
    {
        using var dir = new TempDir();
        var keymap = dir.File("config.toml");
        File.WriteAllText(keymap, "version = 1\n");

        async Task<int> RunUntil(Action<FakeBackend, CancellationTokenSource> end)
        {
            var socket = dir.File($"run-{Guid.NewGuid():N}.sock");
            FakeBackend? backend = null;
            using var cts = new CancellationTokenSource();
            var run = RemapperDaemon.RunAsync(new DaemonOptions(ConfigPath: keymap, SocketPath: socket),
                (initial, _, _) => Task.FromResult<IRemapBackend>(backend = new FakeBackend(initial)), cts.Token);
            Waiting.Until(() => backend is not null && File.Exists(socket), "the daemon to be up", 10_000);
            end(backend!, cts);
            return await run.WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(0, await RunUntil((_, cts) => cts.Cancel()));
        Assert.Equal(ExitCodes.InternalError, await RunUntil((backend, _) => backend.Die(new IOException("epoll_wait failed"))));
    }

    private sealed class Collect : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];
        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    [Fact]
    public void Journal_lines_start_with_the_syslog_priority_of_their_level()
    {
        var sink = new Collect();
        using (var logger = new LoggerConfiguration().MinimumLevel.Debug().Enrich.With<DaemonLogging.SyslogPriorityEnricher>().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Keymap {KeymapPath} loaded", "/etc/remapper/config.toml");
            logger.Error("Keymap rejected");
            logger.Warning("Keyboard busy");
            logger.Debug("detail");
        }
        var formatter = new MessageTemplateTextFormatter(DaemonLogging.JournalTemplate);
        var lines = sink.Events.Select(e =>
        {
            var w = new StringWriter();
            formatter.Format(e, w);
            return w.ToString().TrimEnd();
        }).ToList();
        Assert.Equal(["<6>Keymap /etc/remapper/config.toml loaded", "<3>Keymap rejected", "<4>Keyboard busy", "<7>detail"], lines);
    }
}
