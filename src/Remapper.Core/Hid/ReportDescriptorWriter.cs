namespace Remapper.Core.Hid;

/// <summary>
/// Emits HID report descriptor short items with the smallest data size that holds each value, so a
/// descriptor can be written as a readable sequence of named items instead of hand-counted bytes.
/// </summary>
internal sealed class ReportDescriptorWriter
{
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    // Main items.
    public ReportDescriptorWriter Input(uint flags) => Unsigned(0x80, flags);
    public ReportDescriptorWriter Output(uint flags) => Unsigned(0x90, flags);
    public ReportDescriptorWriter Collection(CollectionType type) => Unsigned(0xA0, (byte)type);
    public ReportDescriptorWriter EndCollection() => Item(0xC0, 0, 0);

    // Global items.
    public ReportDescriptorWriter UsagePage(ushort page) => Unsigned(0x04, page);
    public ReportDescriptorWriter LogicalMinimum(int value) => Signed(0x14, value);
    public ReportDescriptorWriter LogicalMaximum(int value) => Signed(0x24, value);
    public ReportDescriptorWriter ReportSize(uint bits) => Unsigned(0x74, bits);
    public ReportDescriptorWriter ReportId(byte id) => Unsigned(0x84, id);
    public ReportDescriptorWriter ReportCount(uint count) => Unsigned(0x94, count);

    // Local items.
    public ReportDescriptorWriter Usage(ushort id) => Unsigned(0x08, id);
    public ReportDescriptorWriter UsageMinimum(ushort id) => Unsigned(0x18, id);
    public ReportDescriptorWriter UsageMaximum(ushort id) => Unsigned(0x28, id);

    /// <summary>Input/Output flag bits.</summary>
    public const uint Data = 0x00, Constant = 0x01, Array = 0x00, Variable = 0x02, Absolute = 0x00, Relative = 0x04;

    private ReportDescriptorWriter Unsigned(byte prefix, uint value) =>
        value <= 0xFF ? Item(prefix, 1, value) : value <= 0xFFFF ? Item(prefix, 2, value) : Item(prefix, 4, value);

    private ReportDescriptorWriter Signed(byte prefix, int value) =>
        value is >= sbyte.MinValue and <= sbyte.MaxValue ? Item(prefix, 1, (uint)value)
        : value is >= short.MinValue and <= short.MaxValue ? Item(prefix, 2, (uint)value)
        : Item(prefix, 4, (uint)value);

    private ReportDescriptorWriter Item(byte prefix, int size, uint data)
    {
        _bytes.Add((byte)(prefix | (size == 4 ? 3 : size)));
        for (int i = 0; i < size; i++) _bytes.Add((byte)(data >> (8 * i)));
        return this;
    }
}
