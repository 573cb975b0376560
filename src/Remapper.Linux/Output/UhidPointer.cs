using Remapper.Core.Devices;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>
/// The virtual pointer as a HID mouse of its own through <c>/dev/uhid</c> (<see cref="VirtualPointerReports"/>): one
/// UHID_INPUT2 per report. A second device, not a collection of the keyboard's, so that nothing classifies the keyboard
/// as a mouse (docs/architecture.md, "The virtual pointer").
/// </summary>
public sealed unsafe class UhidPointer : IVirtualPointer
{
    public const string Phys = "remapper/uhid-pointer";

    private readonly byte[] _event = new byte[Uhid.EventSize];
    private readonly byte[] _report = new byte[VirtualPointerReports.ReportLength];
    private readonly byte[] _incoming = new byte[Uhid.EventSize];

    public OutputKind Kind => OutputKind.Uhid;
    public int Fd { get; private set; }
    public long FailedWrites { get; private set; }

    private UhidPointer(int fd) => Fd = fd;

    public static UhidPointer? Create(string node, out int errno)
    {
        int fd = Libc.Open(node, OpenFlags.ReadWrite | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0)
        {
            errno = Libc.LastErrno;
            return null;
        }
        var pointer = new UhidPointer(fd);
        int length = Uhid.WriteCreate2(pointer._event, VirtualPointerIdentity.Name, Phys, VirtualPointerIdentity.Uniq,
            (ushort)DeviceBus.Usb, VirtualPointerIdentity.VendorId, VirtualPointerIdentity.ProductId, 1, VirtualPointerReports.Descriptor);
        if (!pointer.WriteEvent(length))
        {
            errno = Libc.LastErrno;
            Libc.Close(fd);
            pointer.Fd = -1;
            return null;
        }
        errno = 0;
        return pointer;
    }

    public void SendPointer(in PointerReport report)
    {
        int length = VirtualPointerReports.Write(report, _report);
        if (!WriteEvent(Uhid.WriteInput2(_event, _report.AsSpan(0, length)))) FailedWrites++;
    }

    /// <summary>A mouse has no output or feature reports: requests are refused at once, the rest needs no answer.</summary>
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
                case Uhid.GetReport:
                    WriteEvent(Uhid.WriteGetReportReply(_event, Uhid.RequestId(ev), Errno.EIO));
                    break;
                case Uhid.SetReport:
                    WriteEvent(Uhid.WriteSetReportReply(_event, Uhid.RequestId(ev), Errno.EIO));
                    break;
            }
        }
    }

    private bool WriteEvent(int length)
    {
        fixed (byte* p = _event) return Libc.Write(Fd, p, (nuint)length) == length;
    }

    public void Dispose()
    {
        if (Fd < 0) return;
        SendPointer(default); // buttons up before the device goes
        WriteEvent(Uhid.WriteDestroy(_event));
        Libc.Close(Fd);
        Fd = -1;
    }
}
