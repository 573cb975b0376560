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
    private readonly byte[]? _bitmap;

    /// <summary>Report id, modifier byte, one bit per usage 0x00–0xDF: 30 bytes.</summary>
    private const int BitmapReportLength = 2 + 0xE0 / 8;

    /// <summary>
    /// A keyboard whose report is a bitmap, one Variable bit per key (n-key rollover), the layout Remapper's virtual
    /// keyboard used before its 30-slot key array (kept as the comparison row): the kernel's HID core then visits
    /// every one of its 232 fields on each report, where the boot report's key array is compared slot by slot. Written here from the HID usage tables, not taken from src/.
    /// </summary>
    private static ReadOnlySpan<byte> BitmapDescriptor =>
    [
        0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x85, 0x01, // Generic Desktop, Keyboard, Application collection, report 1
        0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, // modifiers, 8 x 1 bit
        0x19, 0x00, 0x29, 0xDF, 0x95, 0xE0, 0x81, 0x02, // usages 0x00..0xDF, 224 x 1 bit, variable
        0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x95, 0x05, 0x91, 0x02, // 5 LEDs (output)
        0x95, 0x01, 0x75, 0x03, 0x91, 0x01, // LED padding
        0xC0,
    ];
    private readonly byte[] _event = new byte[Uhid.EventSize];
    private readonly Thread _service;
    private volatile bool _closing;

    /// <param name="bitmap">An n-key-rollover layout instead of the boot report (see <see cref="BitmapDescriptor"/>).</param>
    public SourceKeyboard(string name, string uniq, bool bitmap = false)
    {
        _bitmap = bitmap ? new byte[BitmapReportLength] : null;
        if (_bitmap is not null)
        {
            _bitmap[0] = 1; // report id
        }
        _uhid = Libc.OpenOrThrow("/dev/uhid", Libc.O_RDWR);
        Libc.WriteAll(_uhid, Uhid.Create2(name, $"latency/{uniq}", uniq, 0x03, 0x1d6b, 0x0104,
            bitmap ? BitmapDescriptor : BootKeyboard.ReportDescriptor), "UHID_CREATE2");
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
        if (_bitmap is not null)
        {
            (int index, int bit) = usage >= HidUsageNames.FirstModifier ? (1, usage - HidUsageNames.FirstModifier) : (2 + usage / 8, usage % 8);
            _bitmap[index] = down ? (byte)(_bitmap[index] | (1 << bit)) : (byte)(_bitmap[index] & ~(1 << bit));
            Uhid.Input2(_event, _bitmap);
            return;
        }
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
