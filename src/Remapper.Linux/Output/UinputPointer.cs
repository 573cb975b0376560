using Remapper.Core.Devices;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>
/// The fallback virtual pointer through <c>/dev/uinput</c>: a second uinput device with BTN_LEFT…BTN_TASK, REL_X,
/// REL_Y, REL_WHEEL and REL_HWHEEL. Each report is one write: the changed buttons, the motion, one SYN_REPORT.
/// </summary>
public sealed unsafe class UinputPointer : IVirtualPointer
{
    /// <summary>HID button n is BTN_MOUSE + n - 1, as the kernel's hid-input maps a mouse's buttons.</summary>
    private const ushort BtnMouse = 0x110;
    private const ushort RelX = 0x00, RelY = 0x01, RelHWheel = 0x06, RelWheel = 0x08;

    private readonly InputEvent[] _out = new InputEvent[PointerButtons.Count + 5];
    private byte _buttons;

    public OutputKind Kind => OutputKind.Uinput;

    /// <summary>uinput sends a pointer nothing worth reading (no LEDs, no force feedback we offer).</summary>
    public int Fd => -1;

    private int _fd;

    public long FailedWrites { get; private set; }

    private UinputPointer(int fd) => _fd = fd;

    public static UinputPointer? Create(string node, out int errno)
    {
        int fd = UinputNode.Create(node, EnableCodes, VirtualPointerIdentity.Name, VirtualPointerIdentity.VendorId, VirtualPointerIdentity.ProductId, out errno);
        return fd < 0 ? null : new UinputPointer(fd);
    }

    private static bool EnableCodes(int fd)
    {
        foreach (var ev in new[] { InputCodes.EvKey, InputCodes.EvRel, InputCodes.EvSyn })
            if (Libc.IoctlInt(fd, Ioctl.UiSetEvbit, ev) != 0) return false;
        for (int i = 0; i < PointerButtons.Count; i++)
            if (Libc.IoctlInt(fd, Ioctl.UiSetKeybit, BtnMouse + i) != 0) return false;
        foreach (var rel in new[] { RelX, RelY, RelWheel, RelHWheel })
            if (Libc.IoctlInt(fd, Ioctl.UiSetRelbit, rel) != 0) return false;
        return true;
    }

    public void SendPointer(in PointerReport report)
    {
        int n = 0;
        byte changed = (byte)(report.Buttons ^ _buttons);
        for (int i = 0; i < PointerButtons.Count; i++)
            if ((changed & (1 << i)) != 0)
                _out[n++] = new InputEvent { Type = InputCodes.EvKey, Code = (ushort)(BtnMouse + i), Value = (report.Buttons >> i) & 1 };
        if (report.X != 0) _out[n++] = new InputEvent { Type = InputCodes.EvRel, Code = RelX, Value = report.X };
        if (report.Y != 0) _out[n++] = new InputEvent { Type = InputCodes.EvRel, Code = RelY, Value = report.Y };
        if (report.Wheel != 0) _out[n++] = new InputEvent { Type = InputCodes.EvRel, Code = RelWheel, Value = report.Wheel };
        if (report.Pan != 0) _out[n++] = new InputEvent { Type = InputCodes.EvRel, Code = RelHWheel, Value = report.Pan };
        if (n == 0) return;
        _out[n++] = new InputEvent { Type = InputCodes.EvSyn, Code = InputCodes.SynReport };
        nint written;
        fixed (InputEvent* p = _out) written = Libc.Write(_fd, p, (nuint)(n * InputEvent.Size));
        if (written == n * InputEvent.Size) _buttons = report.Buttons;
        else FailedWrites++;
    }

    public void OnReadable() { }

    public void Dispose()
    {
        if (_fd < 0) return;
        UinputNode.Destroy(_fd);
        _fd = -1;
    }
}
