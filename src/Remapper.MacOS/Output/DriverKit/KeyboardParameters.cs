namespace Remapper.MacOS.Output.DriverKit;

/// <summary>
/// <c>virtual_hid_keyboard_parameters</c>: who the virtual keyboard says it is (<c>u64 vendor, u64 product, u64 country
/// code</c>, little-endian, 24 bytes). macOS picks the keyboard layout type (ANSI, ISO, JIS) from this identity, so we
/// use the Apple identities Karabiner-Elements uses for each.
/// </summary>
public readonly record struct KeyboardParameters(ulong VendorId, ulong ProductId, ulong CountryCode)
{
    public const int Size = 24;

    public static readonly KeyboardParameters Ansi = new(0x05ac, 0x024f, 0);
    public static readonly KeyboardParameters Iso = new(0x05ac, 0x0250, 0);
    public static readonly KeyboardParameters Jis = new(0x05ac, 0x0251, 0);

    /// <summary>"ansi", "iso" or "jis" (case-insensitive); null for anything else.</summary>
    public static KeyboardParameters? ForLayout(string layout) => layout.ToLowerInvariant() switch
    {
        "ansi" => Ansi,
        "iso" => Iso,
        "jis" => Jis,
        _ => null,
    };

    public void Write(Span<byte> into)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(into, VendorId);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(into[8..], ProductId);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(into[16..], CountryCode);
    }
}
