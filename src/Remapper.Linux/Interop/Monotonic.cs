namespace Remapper.Linux.Interop;

/// <summary>CLOCK_MONOTONIC in microseconds: the clock the devices stamp events with (EVIOCSCLOCKID) and the timerfd runs on.</summary>
public static unsafe class Monotonic
{
    public static long NowUs()
    {
        Timespec ts;
        Libc.ClockGettime(InputCodes.ClockMonotonic, &ts);
        return ts.Seconds * 1_000_000 + ts.Nanoseconds / 1000;
    }
}
