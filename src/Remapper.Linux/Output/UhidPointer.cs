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
public sealed class UhidPointer : IVirtualPointer
{
    public const string Phys = "remapper/uhid-pointer";

    private readonly UhidNode _device;
    private readonly byte[] _report = new byte[VirtualPointerReports.ReportLength];

    public OutputKind Kind => OutputKind.Uhid;
    public int Fd => _device.Fd;
    public long FailedWrites { get; private set; }

    private UhidPointer(UhidNode device) => _device = device;

    public static UhidPointer? Create(string node, out int errno)
    {
        var device = UhidNode.Create(node, VirtualPointerIdentity.Name, Phys, VirtualPointerIdentity.Uniq,
            VirtualPointerIdentity.VendorId, VirtualPointerIdentity.ProductId, VirtualPointerReports.Descriptor, out errno);
        return device is null ? null : new UhidPointer(device);
    }

    public void SendPointer(in PointerReport report)
    {
        int length = VirtualPointerReports.Write(report, _report);
        if (!_device.SendInput(_report.AsSpan(0, length))) FailedWrites++;
    }

    /// <summary>A mouse has no output reports: this only lets the device answer the kernel's requests.</summary>
    public void OnReadable()
    {
        while (_device.TryReadOutputReport(out _)) { }
    }

    public void Dispose()
    {
        if (_device.Fd < 0) return;
        SendPointer(default); // buttons up before the device goes
        _device.Destroy();
    }
}
