using Remapper.Core.Engine.Mouse;

namespace Remapper.Core.Hid;

/// <summary>
/// The report format of Remapper's virtual pointer, a HID device of its own beside the virtual keyboard (see
/// docs/architecture.md, "The virtual pointer", for why it is not a collection of the keyboard device).
/// </summary>
/// <remarks>
/// One input report, no report id, 7 bytes: buttons 1–8 (one bit each), X and Y (16-bit, relative, little endian),
/// the vertical wheel and AC Pan (8-bit, relative). HID directions: +X right, +Y down, +wheel away from the user
/// (scroll up), +pan right. The kernel's hid-input maps them to BTN_LEFT…BTN_TASK, REL_X, REL_Y, REL_WHEEL and REL_HWHEEL.
/// </remarks>
public static class VirtualPointerReports
{
    public const int ReportLength = 7;

    private static readonly byte[] DescriptorBytes = BuildDescriptor();

    /// <summary>The HID report descriptor to hand to UHID_CREATE2.</summary>
    public static ReadOnlySpan<byte> Descriptor => DescriptorBytes;

    /// <summary>Writes <paramref name="pointer"/> as the input report into <paramref name="report"/>; returns its length. Allocates nothing.</summary>
    public static int Write(in PointerReport pointer, Span<byte> report)
    {
        if (report.Length < ReportLength)
            throw new ArgumentException($"report buffer holds {report.Length} bytes; the pointer report needs {ReportLength}", nameof(report));
        report[0] = pointer.Buttons;
        report[1] = (byte)pointer.X;
        report[2] = (byte)(pointer.X >> 8);
        report[3] = (byte)pointer.Y;
        report[4] = (byte)(pointer.Y >> 8);
        report[5] = (byte)pointer.Wheel;
        report[6] = (byte)pointer.Pan;
        return ReportLength;
    }

    private static byte[] BuildDescriptor()
    {
        const uint dataVarAbs = ReportDescriptorWriter.Data | ReportDescriptorWriter.Variable | ReportDescriptorWriter.Absolute;
        const uint dataVarRel = ReportDescriptorWriter.Data | ReportDescriptorWriter.Variable | ReportDescriptorWriter.Relative;
        var w = new ReportDescriptorWriter();
        w.UsagePage(UsagePages.GenericDesktop).Usage(0x02).Collection(CollectionType.Application)     // Mouse
            .Usage(0x01).Collection(CollectionType.Physical)                                             // Pointer
            .UsagePage(UsagePages.Button).UsageMinimum(1).UsageMaximum(PointerButtons.Count)
            .LogicalMinimum(0).LogicalMaximum(1).ReportSize(1).ReportCount(PointerButtons.Count).Input(dataVarAbs)
            .UsagePage(UsagePages.GenericDesktop).Usage(0x30).Usage(0x31)                                // X, Y
            .LogicalMinimum(-short.MaxValue).LogicalMaximum(short.MaxValue).ReportSize(16).ReportCount(2).Input(dataVarRel)
            .Usage(0x38)                                                                                 // Wheel
            .LogicalMinimum(-sbyte.MaxValue).LogicalMaximum(sbyte.MaxValue).ReportSize(8).ReportCount(1).Input(dataVarRel)
            .UsagePage(UsagePages.Consumer).Usage(0x0238).ReportCount(1).Input(dataVarRel)              // AC Pan
            .EndCollection()
            .EndCollection();
        return w.ToArray();
    }
}
