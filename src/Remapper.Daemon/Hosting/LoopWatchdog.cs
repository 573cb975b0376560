using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Remapper.Backend;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// Pings the systemd watchdog only while the event loop's heartbeat moves. A wedged loop (stuck in a read, a
/// deadlock, an endless timer) stops the pings, and systemd restarts the service after <c>WatchdogSec</c>.
/// </summary>
public sealed class LoopWatchdog(ISystemdNotifier notifier, WatchdogSettings settings, Func<IRemapBackend?> backend, ILogger<LoopWatchdog> logger)
    : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");
    private long _lastBeat = -1;
    private bool _warned;

    /// <summary>One check: pings and returns true when the loop turned since the last check.</summary>
    public bool Check()
    {
        var current = backend();
        if (current is null) return false;
        long beat = current.Heartbeat;
        if (beat != _lastBeat)
        {
            _lastBeat = beat;
            if (_warned) logger.LogWarning("The event loop is turning again");
            _warned = false;
            notifier.Notify(Ping);
            return true;
        }
        if (!_warned) logger.LogError("The event loop has not turned since the last watchdog check; not pinging the watchdog");
        _warned = true;
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Interval is not { } interval) return;
        // Twice per interval, as sd_watchdog_enabled(3) advises: one late check must not cost a restart.
        using var timer = new PeriodicTimer(interval / 2);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Check();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
