namespace Remapper.Linux.Interop;

/// <summary>
/// ioctl request numbers, computed the way linux/ioctl.h's _IOC macro does (generic layout used by x86-64
/// and arm64: 2 bits direction, 14 bits size, 8 bits type, 8 bits number) rather than copied as magic numbers.
/// </summary>
internal static class Ioctl
{
    private const uint None = 0, Write = 1, Read = 2;

    public static uint Ioc(uint direction, char type, uint number, uint size) =>
        (direction << 30) | (size << 16) | ((uint)type << 8) | number;

    public static uint Io(char type, uint number) => Ioc(None, type, number, 0);
    public static uint Ior(char type, uint number, uint size) => Ioc(Read, type, number, size);
    public static uint Iow(char type, uint number, uint size) => Ioc(Write, type, number, size);

    // linux/input.h — evdev.

    /// <summary>EVIOCGID: _IOR('E', 0x02, struct input_id) — bus, vendor, product, version.</summary>
    public static readonly uint EviocGid = Ior('E', 0x02, 8);

    /// <summary>EVIOCGNAME(len): _IOC(_IOC_READ, 'E', 0x06, len).</summary>
    public static uint EviocGname(uint length) => Ioc(Read, 'E', 0x06, length);

    /// <summary>EVIOCGKEY(len): the bitmap of keys currently held.</summary>
    public static uint EviocGkey(uint length) => Ioc(Read, 'E', 0x18, length);

    /// <summary>EVIOCGLED(len): the bitmap of LEDs currently lit.</summary>
    public static uint EviocGled(uint length) => Ioc(Read, 'E', 0x19, length);

    /// <summary>EVIOCGBIT(ev, len): the capability bitmap for event type <paramref name="eventType"/> (0 = which types).</summary>
    public static uint EviocGbit(uint eventType, uint length) => Ioc(Read, 'E', 0x20 + eventType, length);

    /// <summary>EVIOCGRAB: _IOW('E', 0x90, int) — 1 takes the device exclusively, 0 lets it go.</summary>
    public static readonly uint EviocGrab = Iow('E', 0x90, 4);

    /// <summary>EVIOCSCLOCKID: _IOW('E', 0xa0, int) — which clock stamps the events.</summary>
    public static readonly uint EviocSclockid = Iow('E', 0xa0, 4);

    // linux/uinput.h.

    public static readonly uint UiDevCreate = Io('U', 1);
    public static readonly uint UiDevDestroy = Io('U', 2);

    /// <summary>UI_DEV_SETUP: _IOW('U', 3, struct uinput_setup).</summary>
    public static readonly uint UiDevSetup = Iow('U', 3, (uint)UinputSetup.Size);

    public static readonly uint UiSetEvbit = Iow('U', 100, 4);
    public static readonly uint UiSetKeybit = Iow('U', 101, 4);
    public static readonly uint UiSetRelbit = Iow('U', 102, 4);
    public static readonly uint UiSetLedbit = Iow('U', 105, 4);

    /// <summary>UI_GET_SYSNAME(len): the name of the created device's directory under /sys/devices/virtual/input.</summary>
    public static uint UiGetSysname(uint length) => Ioc(Read, 'U', 44, length);
}
