using System.Runtime.InteropServices;

namespace Remapper.Linux.Interop;

/// <summary>
/// struct input_event on 64-bit Linux: a struct timeval (two longs) then type, code, value — 24 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct InputEvent
{
    public const int Size = 24;

    public long Seconds;
    public long Microseconds;
    public ushort Type;
    public ushort Code;
    public int Value;

    /// <summary>The event time in microseconds of the clock set with EVIOCSCLOCKID.</summary>
    public readonly long TimeUs => Seconds * 1_000_000 + Microseconds;
}

/// <summary>Event types, codes and values from linux/input-event-codes.h that the backend uses.</summary>
internal static class InputCodes
{
    public const ushort EvSyn = 0x00;
    public const ushort EvKey = 0x01;
    public const ushort EvRel = 0x02;
    public const ushort EvAbs = 0x03;
    public const ushort EvMsc = 0x04;
    public const ushort EvLed = 0x11;
    public const ushort EvRep = 0x14;

    public const ushort SynReport = 0;
    public const ushort SynDropped = 3;

    public const ushort LedNumLock = 0x00;
    public const ushort LedCapsLock = 0x01;
    public const ushort LedScrollLock = 0x02;
    public const ushort LedCompose = 0x03;
    public const ushort LedKana = 0x04;
    public const ushort LedMax = 0x0f;

    public const int KeyUp = 0;
    public const int KeyDown = 1;
    public const int KeyRepeat = 2;

    /// <summary>KEY_MAX: the highest key code; EVIOCGKEY/EVIOCGBIT(EV_KEY) bitmaps are (KEY_MAX+1)/8 = 96 bytes.</summary>
    public const int KeyMax = 0x2ff;
    public const int KeyBitmapBytes = (KeyMax + 1) / 8;

    public const int ClockMonotonic = 1;
}

/// <summary>struct input_id: bustype, vendor, product, version (four u16).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct InputId
{
    public ushort BusType;
    public ushort Vendor;
    public ushort Product;
    public ushort Version;
}

/// <summary>
/// struct uinput_setup: struct input_id, char name[UINPUT_MAX_NAME_SIZE = 80], u32 ff_effects_max — 92 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UinputSetup
{
    public const int Size = 92;
    public const int NameSize = 80;

    public InputId Id;
    public fixed byte Name[NameSize];
    public uint FfEffectsMax;
}
