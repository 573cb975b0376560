namespace Remapper.Core.Hid;

/// <summary>
/// A HID usage: a page and an id within it. Every key the engine sees or emits is one of these,
/// so the same model serves evdev (via a key-code table), uhid and, later, IOKit.
/// </summary>
public readonly record struct Usage(ushort Page, ushort Id) : IComparable<Usage>
{
    public static Usage Key(ushort id) => new(UsagePages.Keyboard, id);
    public static Usage Consumer(ushort id) => new(UsagePages.Consumer, id);
    public static Usage Desktop(ushort id) => new(UsagePages.GenericDesktop, id);

    /// <summary>Page and id in one number: handy as a dictionary key and for sorting.</summary>
    public uint Packed => ((uint)Page << 16) | Id;

    public bool IsNone => Page == 0 && Id == 0;

    /// <summary>True for the eight keyboard modifiers 0xE0–0xE7.</summary>
    public bool IsModifier => Page == UsagePages.Keyboard && Id is >= 0xE0 and <= 0xE7;

    /// <summary>The modifier's bit in a HID boot-keyboard modifier byte (0 when not a modifier).</summary>
    public byte ModifierBit => IsModifier ? (byte)(1 << (Id - 0xE0)) : (byte)0;

    public int CompareTo(Usage other) => Packed.CompareTo(other.Packed);

    public override string ToString() => KeyNames.NameOf(this);
}

public static class UsagePages
{
    public const ushort GenericDesktop = 0x01;
    public const ushort Keyboard = 0x07;
    public const ushort Led = 0x08;
    public const ushort Button = 0x09;
    public const ushort Consumer = 0x0C;
}
