namespace Remapper.Core.Hid;

/// <summary>The type byte of a HID Collection item (values 0x80–0xFF are vendor-defined and kept as is).</summary>
public enum CollectionType : byte
{
    Physical = 0x00,
    Application = 0x01,
    Logical = 0x02,
    Report = 0x03,
    NamedArray = 0x04,
    UsageSwitch = 0x05,
    UsageModifier = 0x06,
}
