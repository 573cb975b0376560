using Remapper.Core.Devices;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Output;

/// <summary>
/// One device on <c>/dev/uhid</c>: created with its name, ids and report descriptor, fed input reports, the kernel's
/// report requests answered, destroyed. The virtual keyboard and the virtual pointer each own one; what their reports
/// mean is theirs.
/// </summary>
internal sealed unsafe class UhidNode
{
    private readonly byte[] _event = new byte[Uhid.EventSize];
    private readonly byte[] _incoming = new byte[Uhid.EventSize];

    /// <summary>The fd the event loop polls for what the kernel sends (output reports, requests); -1 once destroyed.</summary>
    public int Fd { get; private set; }

    private UhidNode(int fd) => Fd = fd;

    /// <summary>Opens <paramref name="node"/> and creates the device (bus USB). Null with the errno when either fails.</summary>
    public static UhidNode? Create(string node, string name, string phys, string uniq, ushort vendor, ushort product,
        ReadOnlySpan<byte> descriptor, out int errno)
    {
        int fd = Libc.Open(node, OpenFlags.ReadWrite | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0)
        {
            errno = Libc.LastErrno;
            return null;
        }
        var device = new UhidNode(fd);
        if (!device.Write(Uhid.WriteCreate2(device._event, name, phys, uniq, (ushort)DeviceBus.Usb, vendor, product, 1, descriptor)))
        {
            errno = Libc.LastErrno;
            Libc.Close(fd);
            device.Fd = -1;
            return null;
        }
        errno = 0;
        return device;
    }

    /// <summary>One UHID_INPUT2 with <paramref name="report"/>; false when the write failed (errno in Libc.LastErrno).</summary>
    public bool SendInput(ReadOnlySpan<byte> report) => Write(Uhid.WriteInput2(_event, report));

    /// <summary>
    /// Reads what the kernel sent until an output report (the LEDs) comes, which it returns, or nothing is left (false).
    /// GET_REPORT and SET_REPORT are refused at once (we keep no feature reports); START/STOP/OPEN/CLOSE need no answer.
    /// </summary>
    public bool TryReadOutputReport(out ReadOnlySpan<byte> report)
    {
        while (true)
        {
            nint n;
            fixed (byte* p = _incoming) n = Libc.Read(Fd, p, (nuint)_incoming.Length);
            if (n < 4)
            {
                report = default;
                return false;
            }
            var ev = _incoming.AsSpan(0, (int)n);
            switch (Uhid.TypeOf(ev))
            {
                case Uhid.Output:
                    report = Uhid.OutputReport(_incoming);
                    return true;
                case Uhid.GetReport:
                    Write(Uhid.WriteGetReportReply(_event, Uhid.RequestId(ev), Errno.EIO));
                    break;
                case Uhid.SetReport:
                    Write(Uhid.WriteSetReportReply(_event, Uhid.RequestId(ev), Errno.EIO));
                    break;
            }
        }
    }

    /// <summary>Destroys the device and closes the fd (the kernel then releases whatever the device still reported held).</summary>
    public void Destroy()
    {
        if (Fd < 0) return;
        Write(Uhid.WriteDestroy(_event));
        Libc.Close(Fd);
        Fd = -1;
    }

    private bool Write(int length)
    {
        fixed (byte* p = _event) return Libc.Write(Fd, p, (nuint)length) == length;
    }
}
