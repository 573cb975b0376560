using System.Diagnostics;
using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Commands;

/// <summary>
/// <c>read-events</c>: what a program reading an evdev node actually receives. Lines starting with '#' are
/// the tool's own remarks (opened, grabbed, timeout, gone); every other line is one EV_KEY event, or with
/// <c>--rel</c> also one EV_REL event (<c>REL_X -12 TIME</c>), for a pointer node.
/// </summary>
internal static unsafe class ReadEventsCommand
{
    private static readonly HashSet<string> Flags = ["--grab", "--rel"];

    public static int Run(string[] args)
    {
        var options = new CommandLineArgs(args, Flags);
        bool grab = options.Flag("--grab");
        bool rel = options.Flag("--rel");
        long count = options.Number("--count") ?? long.MaxValue;
        long timeoutMs = options.Number("--timeout-ms") ?? -1;
        options.RejectUnknown();
        if (options.Positional.Count != 1)
        {
            throw new GuestToolException("read-events needs exactly one /dev/input/eventN");
        }
        string node = options.Positional[0];

        int fd = Libc.OpenOrThrow(node, Libc.O_RDONLY | Libc.O_NONBLOCK);
        // Console.Out flushes every line: one write per event is too slow under emulation, and a reader that falls
        // behind loses events to the kernel (SYN_DROPPED). Buffer, and flush once per read() batch instead.
        using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        output.WriteLine($"# opened {node}");
        output.Flush();
        if (grab)
        {
            if (Libc.IoctlValue(fd, Evdev.EVIOCGRAB, 1) < 0)
            {
                throw new GuestToolException($"EVIOCGRAB {node}: {Libc.Describe(Libc.LastError)}");
            }
            output.WriteLine($"# grabbed {node}");
            output.Flush();
        }

        var clock = Stopwatch.StartNew();
        long seen = 0;
        const int Batch = 256;
        var events = stackalloc Evdev.InputEvent[Batch];
        var pollFd = stackalloc Libc.PollFd[1];
        while (seen < count)
        {
            int wait = timeoutMs < 0 ? -1 : (int)Math.Max(0, timeoutMs - clock.ElapsedMilliseconds);
            pollFd[0] = new Libc.PollFd { Fd = fd, Events = Libc.POLLIN };
            int ready = Libc.Poll(pollFd, 1, wait);
            if (ready < 0 && Libc.LastError == Libc.EINTR)
            {
                continue;
            }
            if (ready == 0)
            {
                output.WriteLine("# timeout");
                break;
            }
            nint bytes = Libc.Read(fd, events, sizeof(Evdev.InputEvent) * Batch);
            if (bytes < 0)
            {
                int errno = Libc.LastError;
                if (errno is Libc.EAGAIN or Libc.EINTR)
                {
                    continue;
                }
                // ENODEV: the device went away under us — a fact scenarios check, not a tool failure.
                output.WriteLine(errno == Libc.ENODEV ? "# gone" : $"# read failed: {Libc.Describe(errno)}");
                output.Flush();
                return errno == Libc.ENODEV ? 0 : 1;
            }
            for (int i = 0; i < bytes / sizeof(Evdev.InputEvent) && seen < count; i++)
            {
                ref Evdev.InputEvent e = ref events[i];
                if (e.Type == Evdev.EV_SYN && e.Code == Evdev.SYN_DROPPED)
                {
                    output.WriteLine("# dropped");
                }
                if (rel && e.Type == Evdev.EV_REL)
                {
                    output.WriteLine($"{RelName(e.Code)} {e.Value} {e.Seconds}.{e.Microseconds:D6}");
                    continue;
                }
                if (e.Type != Evdev.EV_KEY)
                {
                    continue;
                }
                string what = e.Value switch { 0 => "up", 1 => "down", _ => "repeat" };
                output.WriteLine($"{LinuxKeyNames.Name(e.Code)} {what} {e.Seconds}.{e.Microseconds:D6}");
                seen++;
            }
            output.Flush();
        }
        output.Flush();
        Libc.Close(fd);
        return 0;
    }

    /// <summary>input-event-codes.h's relative axes a pointer uses.</summary>
    private static string RelName(ushort code) => code switch
    {
        0x00 => "REL_X",
        0x01 => "REL_Y",
        0x06 => "REL_HWHEEL",
        0x08 => "REL_WHEEL",
        _ => $"REL_0x{code:x}",
    };
}
