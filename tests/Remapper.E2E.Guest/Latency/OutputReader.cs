using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Latency;

/// <summary>
/// Reads the pipeline's output node on its own thread, with EVIOCSCLOCKID = CLOCK_MONOTONIC so the kernel's event
/// stamps are on the same clock as the driver's write stamps. Keeps every key press and release (not repeats).
/// </summary>
internal sealed unsafe class OutputReader : IDisposable
{
    private readonly int _fd;
    private readonly ObservedOutput[] _events;
    private readonly Thread _thread;
    private volatile int _count;
    private volatile int _dropped;
    private volatile bool _closing;

    public OutputReader(string node, int capacity)
    {
        _fd = Libc.OpenOrThrow(node, Libc.O_RDONLY | Libc.O_NONBLOCK);
        int clock = LatencyNative.CLOCK_MONOTONIC;
        if (Libc.Ioctl(_fd, LatencyNative.EVIOCSCLOCKID, &clock) < 0)
        {
            throw new GuestToolException($"EVIOCSCLOCKID {node}: {Libc.Describe(Libc.LastError)}");
        }
        _events = new ObservedOutput[capacity];
        _thread = new Thread(Read) { IsBackground = true, Name = "output-reader", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    public int Count => _count;

    /// <summary>SYN_DROPPED seen: the kernel's buffer for this reader overflowed (events lost to the reader, not by the pipeline).</summary>
    public int Dropped => _dropped;

    public List<ObservedOutput> Slice(int from, int to) => _events[from..to].ToList();

    private void Read()
    {
        var buffer = stackalloc Evdev.InputEvent[128];
        var pollFd = stackalloc Libc.PollFd[1];
        while (!_closing)
        {
            pollFd[0] = new Libc.PollFd { Fd = _fd, Events = Libc.POLLIN };
            if (Libc.Poll(pollFd, 1, 100) <= 0)
            {
                continue;
            }
            nint bytes = Libc.Read(_fd, buffer, sizeof(Evdev.InputEvent) * 128);
            if (bytes <= 0)
            {
                continue;
            }
            int n = (int)(bytes / sizeof(Evdev.InputEvent));
            for (int i = 0; i < n; i++)
            {
                ref Evdev.InputEvent e = ref buffer[i];
                if (e.Type == Evdev.EV_SYN && e.Code == Evdev.SYN_DROPPED)
                {
                    _dropped++;
                }
                if (e.Type != Evdev.EV_KEY || e.Value > 1 || _count >= _events.Length)
                {
                    continue;
                }
                _events[_count] = new ObservedOutput(new KeyChange(e.Code, e.Value), e.Seconds * 1_000_000 + e.Microseconds);
                _count++;
            }
        }
    }

    public void Dispose()
    {
        _closing = true;
        _thread.Join();
        Libc.Close(_fd);
    }
}
