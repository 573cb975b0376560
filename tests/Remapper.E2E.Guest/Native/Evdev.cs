using System.Runtime.InteropServices;

namespace Remapper.E2E.Guest.Native;

/// <summary>evdev constants, ioctl numbers and <c>struct input_event</c> as laid out on 64-bit Linux.</summary>
internal static unsafe class Evdev
{
    public const ushort EV_SYN = 0x00;
    public const ushort EV_KEY = 0x01;
    public const ushort EV_REL = 0x02;
    public const ushort EV_LED = 0x11;
    public const ushort SYN_REPORT = 0;
    public const ushort SYN_DROPPED = 3;

    public const int KeyMax = 0x2ff;
    public const int LedMax = 0x0f;

    private const uint IocRead = 2;
    private const uint IocWrite = 1;

    private static nuint Ioc(uint direction, uint number, uint size) =>
        (direction << 30) | (size << 16) | ((uint)'E' << 8) | number;

    public static readonly nuint EVIOCGRAB = Ioc(IocWrite, 0x90, sizeof(int));
    public static nuint EVIOCGNAME(int length) => Ioc(IocRead, 0x06, (uint)length);
    public static nuint EVIOCGKEY(int length) => Ioc(IocRead, 0x18, (uint)length);
    public static nuint EVIOCGLED(int length) => Ioc(IocRead, 0x19, (uint)length);

    [StructLayout(LayoutKind.Sequential)]
    public struct InputEvent
    {
        public long Seconds;
        public long Microseconds;
        public ushort Type;
        public ushort Code;
        public int Value;
    }

    public static readonly string[] LedNames = ["num_lock", "caps_lock", "scroll_lock", "compose", "kana"];

    public const ushort LED_NUML = 0;
    public const ushort LED_CAPSL = 1;
    public const ushort LED_SCROLLL = 2;

    /// <summary>The names of the LEDs that are lit, e.g. <c>caps_lock</c>; empty when none.</summary>
    public static List<string> ReadLeds(int fd)
    {
        byte* bits = stackalloc byte[(LedMax + 8) / 8];
        int length = (LedMax + 8) / 8;
        if (Libc.Ioctl(fd, EVIOCGLED(length), bits) < 0)
        {
            throw new GuestToolException($"EVIOCGLED: {Libc.Describe(Libc.LastError)}");
        }
        var lit = new List<string>();
        for (int led = 0; led < LedNames.Length; led++)
        {
            if ((bits[led / 8] & (1 << (led % 8))) != 0)
            {
                lit.Add(LedNames[led]);
            }
        }
        return lit;
    }

    /// <summary>The keys the kernel currently holds down on this device (EVIOCGKEY), as KEY_* names.</summary>
    public static List<string> ReadPressedKeys(int fd)
    {
        const int length = (KeyMax + 8) / 8;
        byte* bits = stackalloc byte[length];
        if (Libc.Ioctl(fd, EVIOCGKEY(length), bits) < 0)
        {
            throw new GuestToolException($"EVIOCGKEY: {Libc.Describe(Libc.LastError)}");
        }
        var pressed = new List<string>();
        for (int code = 0; code <= KeyMax; code++)
        {
            if ((bits[code / 8] & (1 << (code % 8))) != 0)
            {
                pressed.Add(LinuxKeyNames.Name(code));
            }
        }
        return pressed;
    }

    public static void WriteEvent(int fd, ushort type, ushort code, int value)
    {
        var ev = new InputEvent { Type = type, Code = code, Value = value };
        Libc.WriteAll(fd, new ReadOnlySpan<byte>(&ev, sizeof(InputEvent)), "input_event");
    }
}
