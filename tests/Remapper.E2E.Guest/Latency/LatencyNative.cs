using System.Runtime.InteropServices;

namespace Remapper.E2E.Guest.Latency;

/// <summary>The libc calls only the latency driver needs (the shared ones live in Native/Libc).</summary>
internal static unsafe partial class LatencyNative
{
    public const int CLOCK_MONOTONIC = 1;
    public const int SIGTERM = 15;
    public const int SIGKILL = 9;

    /// <summary>_IOW('E', 0xa0, int): which clock stamps this client's events.</summary>
    public static readonly nuint EVIOCSCLOCKID = (1u << 30) | (sizeof(int) << 16) | ((uint)'E' << 8) | 0xa0;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, TimeSpec* time);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>CLOCK_MONOTONIC in microseconds: the clock the output node is switched to with EVIOCSCLOCKID.</summary>
    public static long MonotonicMicros()
    {
        TimeSpec t;
        ClockGetTime(CLOCK_MONOTONIC, &t);
        return t.Seconds * 1_000_000 + t.Nanoseconds / 1000;
    }
}
