using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Latency;

/// <summary>
/// The keyboard the latency driver types on (and the uhid floor pipeline's output): a boot keyboard made through /dev/uhid. A background thread answers
/// the kernel's requests (GET_REPORT would otherwise stall the HID core for seconds); the measuring thread only writes.
/// </summary>
internal sealed unsafe class SourceKeyboard : IDisposable
{
    private readonly int _uhid;
    private readonly BootKeyboard _state = new();
    private readonly byte[] _event = new byte[Uhid.EventSize];
    private readonly Thread _service;
    private volatile bool _closing;

    public SourceKeyboard(string name, string uniq)
    {
        _uhid = Libc.OpenOrThrow("/dev/uhid", Libc.O_RDWR);
        Libc.WriteAll(_uhid, Uhid.Create2(name, $"latency/{uniq}", uniq, 0x03, 0x1d6b, 0x0104, BootKeyboard.ReportDescriptor), "UHID_CREATE2");
        _service = new Thread(Serve) { IsBackground = true, Name = "uhid-service" };
        _service.Start();
        Node = EventNodes.WaitFor(dir => File.ReadAllText(Path.Combine(dir, "device", "uniq")).Trim() == uniq, $"uniq {uniq}", TimeSpan.FromSeconds(20));
    }

    public string Node { get; }

    /// <summary>Changes one key and writes the report; returns the CLOCK_MONOTONIC stamp taken just before the write.</summary>
    public long Write(byte usage, bool down)
    {
        Prepare(usage, down);
        long stamp = LatencyNative.MonotonicMicros();
        Libc.WriteAll(_uhid, _event, "UHID_INPUT2");
        return stamp;
    }

    /// <summary>Changes one key and writes the report, with no clock read (the uhid floor pipeline: one write per change).</summary>
    public void Send(byte usage, bool down)
    {
        Prepare(usage, down);
        Libc.WriteAll(_uhid, _event, "UHID_INPUT2");
    }

    private void Prepare(byte usage, bool down)
    {
        _state.Set(usage, down);
        Span<byte> report = stackalloc byte[8];
        _state.WriteReport(report);
        Uhid.Input2(_event, report);
    }

    private void Serve()
    {
        var incoming = new byte[Uhid.EventSize];
        var reply = new byte[Uhid.EventSize];
        while (!_closing)
        {
            nint count;
            fixed (byte* p = incoming)
            {
                count = Libc.Read(_uhid, p, incoming.Length);
            }
            if (count < 4)
            {
                if (count < 0 && Libc.LastError == Libc.EINTR)
                {
                    continue;
                }
                return;
            }
            uint type = Uhid.Type(incoming);
            if (type is Uhid.UHID_GET_REPORT or Uhid.UHID_SET_REPORT)
            {
                uint replyType = type == Uhid.UHID_GET_REPORT ? Uhid.UHID_GET_REPORT_REPLY : Uhid.UHID_SET_REPORT_REPLY;
                Uhid.Reply(reply, replyType, Uhid.RequestId(incoming), type == Uhid.UHID_GET_REPORT ? (ushort)5 : (ushort)0);
                Libc.WriteAll(_uhid, reply, "report reply");
            }
        }
    }

    public void Dispose()
    {
        _closing = true;
        Uhid.Destroy(_event);
        Libc.WriteAll(_uhid, _event, "UHID_DESTROY");
        Libc.Close(_uhid);
    }
}

/// <summary>Finds evdev nodes through /sys/class/input.</summary>
internal static class EventNodes
{
    public static string WaitFor(Func<string, bool> matchSysDir, string what, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Find(matchSysDir) is { } node)
            {
                return node;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new GuestToolException($"no /dev/input/event* for {what} within {timeout.TotalSeconds:0} s");
            }
            Thread.Sleep(5);
        }
    }

    public static string? Find(Func<string, bool> matchSysDir)
    {
        foreach (string dir in Directory.EnumerateDirectories("/sys/class/input", "event*"))
        {
            try
            {
                if (matchSysDir(dir))
                {
                    string node = "/dev/input/" + Path.GetFileName(dir);
                    // devtmpfs creates the node a moment after sysfs announces it.
                    return File.Exists(node) ? node : null;
                }
            }
            catch (IOException)
            {
                // The device went away between listing and reading: not it.
            }
        }
        return null;
    }

    public static string NameOf(string sysDir) => File.ReadAllText(Path.Combine(sysDir, "device", "name")).Trim();
}
