using Remapper.Core.Devices;
using Remapper.Core.Hid;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>
/// The virtual keyboard as a real HID device through <c>/dev/uhid</c>: our report descriptor, one UHID_INPUT2 per
/// change, LED output reports mirrored back. The kernel's HID and input layers do the rest, autorepeat included.
/// </summary>
public sealed unsafe class UhidKeyboard : IVirtualKeyboard
{
    public const string Phys = "remapper/uhid";

    private readonly VirtualKeyboardReports _reports = new();
    private readonly ILedSink _leds;
    private readonly byte[] _event = new byte[Uhid.EventSize];
    private readonly byte[] _report = new byte[VirtualKeyboardReports.MaxReportLength];
    private readonly byte[] _incoming = new byte[Uhid.EventSize];

    public OutputKind Kind => OutputKind.Uhid;
    public int Fd { get; private set; }
    public KeyboardLeds Leds { get; private set; }

    /// <summary>Writes that failed since creation (EAGAIN or a vanished device); exposed for status, not logged per event.</summary>
    public long FailedWrites { get; private set; }

    public int LastWriteErrno { get; private set; }

    private UhidKeyboard(int fd, ILedSink leds)
    {
        Fd = fd;
        _leds = leds;
    }

    /// <summary>Creates the device. Returns null with the errno when <paramref name="node"/> cannot be used.</summary>
    public static UhidKeyboard? Create(string node, ILedSink leds, out int errno)
    {
        int fd = Libc.Open(node, OpenFlags.ReadWrite | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0)
        {
            errno = Libc.LastErrno;
            return null;
        }
        var keyboard = new UhidKeyboard(fd, leds);
        int length = Uhid.WriteCreate2(keyboard._event, VirtualKeyboardIdentity.Name, Phys, VirtualKeyboardIdentity.Uniq,
            (ushort)DeviceBus.Usb, VirtualKeyboardIdentity.VendorId, VirtualKeyboardIdentity.ProductId, 1, VirtualKeyboardReports.Descriptor);
        if (!keyboard.WriteEvent(length))
        {
            errno = Libc.LastErrno;
            Libc.Close(fd);
            keyboard.Fd = -1;
            return null;
        }
        errno = 0;
        return keyboard;
    }

    public void Send(Usage usage, bool down)
    {
        int length = _reports.Apply(usage, down, _report);
        if (length == 0) return;
        int eventLength = Uhid.WriteInput2(_event, _report.AsSpan(0, length));
        if (WriteEvent(eventLength))
        {
            LastWriteErrno = 0;
            return;
        }
        FailedWrites++;
        LastWriteErrno = Libc.LastErrno is > 0 and var errno ? errno : Errno.EIO;
    }

    public void OnReadable()
    {
        while (true)
        {
            nint n;
            fixed (byte* p = _incoming) n = Libc.Read(Fd, p, (nuint)_incoming.Length);
            if (n < 4) return;
            var ev = _incoming.AsSpan(0, (int)n);
            switch (Uhid.TypeOf(ev))
            {
                case Uhid.Output:
                    HandleLedReport(Uhid.OutputReport(_incoming));
                    break;
                case Uhid.GetReport:
                    // No feature or input reports to fetch: refuse at once instead of letting the kernel time out.
                    WriteEvent(Uhid.WriteGetReportReply(_event, Uhid.RequestId(ev), Errno.EIO));
                    break;
                case Uhid.SetReport:
                    WriteEvent(Uhid.WriteSetReportReply(_event, Uhid.RequestId(ev), Errno.EIO));
                    break;
                // START/STOP/OPEN/CLOSE need no answer.
            }
        }
    }

    private void HandleLedReport(ReadOnlySpan<byte> report)
    {
        if (!VirtualKeyboardReports.TryParseLedReport(report, out var leds) || leds == Leds) return;
        Leds = leds;
        _leds.SetLeds(leds);
    }

    /// <summary>Lets go of every key (before destroying, and when remapping pauses).</summary>
    public void ReleaseAll()
    {
        for (int i = 0; i < VirtualKeyboardReports.ReportCount; i++)
        {
            int length = _reports.WriteAllReleased(i, _report);
            if (length > 0) WriteEvent(Uhid.WriteInput2(_event, _report.AsSpan(0, length)));
        }
    }

    private bool WriteEvent(int length)
    {
        fixed (byte* p = _event) return Libc.Write(Fd, p, (nuint)length) == length;
    }

    public void Dispose()
    {
        if (Fd < 0) return;
        ReleaseAll();
        WriteEvent(Uhid.WriteDestroy(_event));
        Libc.Close(Fd);
        Fd = -1;
    }
}
