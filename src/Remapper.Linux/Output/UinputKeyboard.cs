using Remapper.Core.Devices;
using Remapper.Core.Hid;
using Remapper.Linux.Input;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>
/// The fallback virtual keyboard through <c>/dev/uinput</c>, for kernels or set-ups without uhid: an input device
/// with every key the code table maps, autorepeat on, and lock LEDs whose changes are read back from the fd.
/// </summary>
public sealed unsafe class UinputKeyboard : IVirtualKeyboard
{
    private const ushort EvUinput = 0x0101; // force-feedback upload/erase requests: not supported, ignored

    private readonly ILedSink _leds;
    private readonly InputEvent[] _out = new InputEvent[2];
    private readonly InputEvent[] _in = new InputEvent[16];

    public OutputKind Kind => OutputKind.Uinput;
    public int Fd { get; private set; }
    public KeyboardLeds Leds { get; private set; }
    public long FailedWrites { get; private set; }

    /// <summary>Presses of usages that have no evdev key code (nothing to write for them).</summary>
    public long UnsentKeys { get; private set; }

    public int LastWriteErrno { get; private set; }

    private UinputKeyboard(int fd, ILedSink leds)
    {
        Fd = fd;
        _leds = leds;
    }

    public static UinputKeyboard? Create(string node, ILedSink leds, out int errno)
    {
        int fd = UinputNode.Create(node, EnableCodes, VirtualKeyboardIdentity.Name, VirtualKeyboardIdentity.VendorId, VirtualKeyboardIdentity.ProductId, out errno);
        return fd < 0 ? null : new UinputKeyboard(fd, leds);
    }

    private static bool EnableCodes(int fd)
    {
        foreach (var ev in new[] { InputCodes.EvKey, InputCodes.EvSyn, InputCodes.EvRep, InputCodes.EvLed })
            if (Libc.IoctlInt(fd, Ioctl.UiSetEvbit, ev) != 0) return false;
        for (ushort code = 1; code <= LinuxKeyCodes.KeyMax; code++)
            if (LinuxKeyCodes.TryToUsage(code, out _) && Libc.IoctlInt(fd, Ioctl.UiSetKeybit, code) != 0) return false;
        foreach (var led in new[] { InputCodes.LedNumLock, InputCodes.LedCapsLock, InputCodes.LedScrollLock })
            if (Libc.IoctlInt(fd, Ioctl.UiSetLedbit, led) != 0) return false;
        return true;
    }

    public void Send(Usage usage, bool down)
    {
        if (!LinuxKeyCodes.TryToCode(usage, out var code))
        {
            if (down) UnsentKeys++; // presses, as status shows them
            return;
        }
        _out[0] = new InputEvent { Type = InputCodes.EvKey, Code = code, Value = down ? 1 : 0 };
        _out[1] = new InputEvent { Type = InputCodes.EvSyn, Code = InputCodes.SynReport };
        nint written;
        fixed (InputEvent* p = _out) written = Libc.Write(Fd, p, 2 * InputEvent.Size);
        if (written == 2 * InputEvent.Size)
        {
            LastWriteErrno = 0;
            return;
        }
        FailedWrites++;
        LastWriteErrno = written < 0 && Libc.LastErrno > 0 ? Libc.LastErrno : Errno.EIO;
    }

    public void OnReadable()
    {
        var leds = Leds;
        while (true)
        {
            nint n;
            fixed (InputEvent* p = _in) n = Libc.Read(Fd, p, (nuint)(_in.Length * InputEvent.Size));
            if (n < InputEvent.Size) break;
            for (int i = 0; i < n / InputEvent.Size; i++)
            {
                ref var e = ref _in[i];
                if (e.Type != InputCodes.EvLed) continue;
                var flag = e.Code switch
                {
                    InputCodes.LedNumLock => KeyboardLeds.NumLock,
                    InputCodes.LedCapsLock => KeyboardLeds.CapsLock,
                    InputCodes.LedScrollLock => KeyboardLeds.ScrollLock,
                    _ => KeyboardLeds.None,
                };
                leds = e.Value != 0 ? leds | flag : leds & ~flag;
            }
        }
        if (leds == Leds) return;
        Leds = leds;
        _leds.SetLeds(leds);
    }

    public void Dispose()
    {
        if (Fd < 0) return;
        UinputNode.Destroy(Fd);
        Fd = -1;
    }
}
