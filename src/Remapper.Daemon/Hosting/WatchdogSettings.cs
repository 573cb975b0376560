namespace Remapper.Daemon.Hosting;

/// <summary>The systemd watchdog's interval, when <c>WatchdogSec=</c> is set for this very process (sd_watchdog_enabled(3)).</summary>
public sealed record WatchdogSettings(TimeSpan? Interval)
{
    public static WatchdogSettings FromEnvironment(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        if (!long.TryParse(env("WATCHDOG_USEC"), out var usec) || usec <= 0) return new((TimeSpan?)null);
        // WATCHDOG_PID names the process the interval is for; a child that inherited it must not ping.
        if (env("WATCHDOG_PID") is { Length: > 0 } pid && pid != Environment.ProcessId.ToString()) return new((TimeSpan?)null);
        return new(TimeSpan.FromMicroseconds(usec));
    }
}
