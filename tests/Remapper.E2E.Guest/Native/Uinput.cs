using System.Runtime.InteropServices;

namespace Remapper.E2E.Guest.Native;

/// <summary>The uinput ioctls and <c>struct uinput_setup</c> the floor pipeline needs (linux/uinput.h).</summary>
internal static unsafe class Uinput
{
    public const ushort EV_MSC = 0x04;
    public const ushort MSC_SCAN = 0x04;

    private static nuint Io(uint number) => ((uint)'U' << 8) | number;

    private static nuint Iow(uint number, uint size) => (1u << 30) | (size << 16) | ((uint)'U' << 8) | number;

    public static readonly nuint UI_DEV_CREATE = Io(1);
    public static readonly nuint UI_DEV_DESTROY = Io(2);
    public static readonly nuint UI_DEV_SETUP = Iow(3, (uint)sizeof(Setup));
    public static readonly nuint UI_SET_EVBIT = Iow(100, sizeof(int));
    public static readonly nuint UI_SET_KEYBIT = Iow(101, sizeof(int));
    public static readonly nuint UI_SET_MSCBIT = Iow(104, sizeof(int));

    [StructLayout(LayoutKind.Sequential)]
    public struct Setup
    {
        public ushort BusType, Vendor, Product, Version;
        public fixed byte Name[80];
        public uint FfEffectsMax;
    }
}
