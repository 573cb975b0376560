using System.Diagnostics;

namespace Remapper.MacOS.Manager;

/// <summary>The loop's monotonic clock in microseconds (what key events are stamped with and engine deadlines use).</summary>
public static class MacClock
{
    public static long NowUs() => (long)(Stopwatch.GetTimestamp() * (1_000_000.0 / Stopwatch.Frequency));
}
