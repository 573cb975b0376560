namespace Remapper.Core.Hid;

/// <summary>
/// The report format of Remapper's own virtual HID keyboard (created through uhid on Linux, the
/// DriverKit virtual device on macOS later): its report descriptor, and the input report for the
/// current set of pressed usages. STUB: the real descriptor and builder replace this (same API).
/// </summary>
public sealed class VirtualKeyboardReports
{
    /// <summary>The HID report descriptor to hand to UHID_CREATE2.</summary>
    public static ReadOnlySpan<byte> Descriptor => throw new NotImplementedException();

    /// <summary>Largest input report <see cref="Apply"/> can write, in bytes (report id included).</summary>
    public const int MaxReportLength = 64;

    /// <summary>True when <paramref name="usage"/> has a place in one of the reports.</summary>
    public static bool CanSend(Usage usage) => throw new NotImplementedException();

    /// <summary>
    /// Records the change and writes the full input report that carries <paramref name="usage"/>
    /// into <paramref name="report"/>. Returns the report length, or 0 if the usage has no place.
    /// Allocates nothing.
    /// </summary>
    public int Apply(Usage usage, bool down, Span<byte> report) => throw new NotImplementedException();

    /// <summary>Writes every input report with nothing pressed (used on start and when releasing everything).</summary>
    public int WriteAllReleased(int reportIndex, Span<byte> report) => throw new NotImplementedException();

    /// <summary>Reads the LED output report the host sends (caps/num/scroll lock...).</summary>
    public static bool TryParseLedReport(ReadOnlySpan<byte> report, out KeyboardLeds leds) => throw new NotImplementedException();
}

[Flags]
public enum KeyboardLeds : byte
{
    None = 0,
    NumLock = 1 << 0,
    CapsLock = 1 << 1,
    ScrollLock = 1 << 2,
    Compose = 1 << 3,
    Kana = 1 << 4,
}
