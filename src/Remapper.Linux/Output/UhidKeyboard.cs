using Remapper.Core.Devices;
using Remapper.Core.Hid;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>
/// The virtual keyboard as a real HID device through <c>/dev/uhid</c>: our report descriptor, one UHID_INPUT2 per
/// change, LED output reports mirrored back. The kernel's HID and input layers do the rest, autorepeat included.
/// </summary>
public sealed class UhidKeyboard : IVirtualKeyboard
{
    public const string Phys = "remapper/uhid";

    private readonly VirtualKeyboardReports _reports = new();
    private readonly ILedSink _leds;
    private readonly UhidNode _device;
    private readonly byte[] _report = new byte[VirtualKeyboardReports.MaxReportLength];

    public OutputKind Kind => OutputKind.Uhid;
    public int Fd => _device.Fd;
    public KeyboardLeds Leds { get; private set; }

    /// <summary>Writes that failed since creation (EAGAIN or a vanished device); exposed for status, not logged per event.</summary>
    public long FailedWrites { get; private set; }

    public int LastWriteErrno { get; private set; }

    /// <summary>
    /// Key presses that had no place in a report: a usage the descriptor lacks, or a key pressed while all
    /// <see cref="VirtualKeyboardReports.KeySlots"/> key slots were taken. Counted, not logged per event.
    /// </summary>
    public long UnsentKeys { get; private set; }

    private UhidKeyboard(UhidNode device, ILedSink leds)
    {
        _device = device;
        _leds = leds;
    }

    /// <summary>Creates the device. Returns null with the errno when <paramref name="node"/> cannot be used.</summary>
    public static UhidKeyboard? Create(string node, ILedSink leds, out int errno)
    {
        var device = UhidNode.Create(node, VirtualKeyboardIdentity.Name, Phys, VirtualKeyboardIdentity.Uniq,
            VirtualKeyboardIdentity.VendorId, VirtualKeyboardIdentity.ProductId, VirtualKeyboardReports.Descriptor, out errno);
        return device is null ? null : new UhidKeyboard(device, leds);
    }

    public void Send(Usage usage, bool down)
    {
        int length = _reports.Apply(usage, down, _report);
        if (length == 0)
        {
            if (down) UnsentKeys++; // presses: a refused key's release has nothing to undo
            return;
        }
        if (_device.SendInput(_report.AsSpan(0, length)))
        {
            LastWriteErrno = 0;
            return;
        }
        FailedWrites++;
        LastWriteErrno = Libc.LastErrno is > 0 and var errno ? errno : Errno.EIO;
    }

    /// <summary>The kernel's LED output reports (and requests, which the device answers itself).</summary>
    public void OnReadable()
    {
        while (_device.TryReadOutputReport(out var report)) HandleLedReport(report);
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
            if (length > 0) _device.SendInput(_report.AsSpan(0, length));
        }
    }

    public void Dispose()
    {
        if (_device.Fd < 0) return;
        ReleaseAll();
        _device.Destroy();
    }
}
