namespace Remapper.E2E.Guest;

/// <summary>
/// The state of a HID boot-protocol keyboard: a modifier byte and up to six held keys, turned into the
/// 8-byte input report the standard boot descriptor declares.
/// </summary>
internal sealed class BootKeyboard
{
    /// <summary>The boot keyboard report descriptor from the HID specification (appendix B.1).</summary>
    public static ReadOnlySpan<byte> ReportDescriptor =>
    [
        0x05, 0x01, 0x09, 0x06, 0xA1, 0x01,             // Generic Desktop, Keyboard, Application collection
        0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7,             // Keyboard page, usages E0..E7 (modifiers)
        0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, // 8 x 1 bit, variable
        0x95, 0x01, 0x75, 0x08, 0x81, 0x01,             // reserved byte
        0x95, 0x05, 0x75, 0x01, 0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x91, 0x02, // 5 LEDs (output)
        0x95, 0x01, 0x75, 0x03, 0x91, 0x01,             // LED padding
        0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65, 0x81, 0x00, // 6 key slots
        0xC0,
    ];

    private byte _modifiers;
    private readonly List<byte> _keys = new(6);

    /// <summary>False when the key is already in that state (nothing to report).</summary>
    public bool Set(byte usage, bool down)
    {
        if (usage is >= HidUsageNames.FirstModifier and <= HidUsageNames.LastModifier)
        {
            byte bit = (byte)(1 << (usage - HidUsageNames.FirstModifier));
            byte before = _modifiers;
            _modifiers = down ? (byte)(_modifiers | bit) : (byte)(_modifiers & ~bit);
            return before != _modifiers;
        }
        if (down)
        {
            if (_keys.Contains(usage))
            {
                return false;
            }
            if (_keys.Count == 6)
            {
                throw new GuestToolException("a boot keyboard holds at most six keys");
            }
            _keys.Add(usage);
            return true;
        }
        return _keys.Remove(usage);
    }

    public void WriteReport(Span<byte> report)
    {
        report[..8].Clear();
        report[0] = _modifiers;
        for (int i = 0; i < _keys.Count; i++)
        {
            report[2 + i] = _keys[i];
        }
    }
}
