using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;

namespace Remapper.Core.Tests.Hid;

/// <summary>Our pointer descriptor, read back by our own parser: what the kernel's hid-input will see.</summary>
public class VirtualPointerReportsTests
{
    private static readonly ReportDescriptor Parsed = ReportDescriptorParser.Parse(VirtualPointerReports.Descriptor);

    [Fact]
    public void It_is_a_mouse_and_not_a_keyboard_without_report_ids()
    {
        Assert.True(Parsed.IsValid, Parsed.Error);
        Assert.True(Parsed.HasMouse);
        Assert.False(Parsed.IsKeyboard);
        Assert.False(Parsed.HasConsumerControl);
        Assert.False(Parsed.UsesReportIds);
    }

    [Fact]
    public void Buttons_one_to_eight_are_one_bit_each_in_the_first_byte()
    {
        var buttons = Assert.Single(Parsed.Fields, f => f.UsagePage == UsagePages.Button);
        Assert.Equal(0, buttons.BitOffset);
        Assert.Equal(8u, buttons.ReportCount);
        Assert.Equal(1u, buttons.ReportSize);
        Assert.True(buttons.IsVariable);
        Assert.False(buttons.IsRelative);
        Assert.True(buttons.Contains(PointerButtons.Usage(1)));
        Assert.True(buttons.Contains(PointerButtons.Usage(8)));
        Assert.False(buttons.Contains(PointerButtons.Usage(9)));
    }

    [Fact]
    public void X_and_Y_are_relative_16_bit_and_the_wheel_and_pan_relative_8_bit()
    {
        var xy = Assert.Single(Parsed.Fields, f => f.Contains(Usage.Desktop(0x30)));
        Assert.True(xy.Contains(Usage.Desktop(0x31)));
        Assert.Equal((8L, 16u, 2u, true), (xy.BitOffset, xy.ReportSize, xy.ReportCount, xy.IsRelative));
        Assert.Equal(-32767, xy.LogicalMinimum);
        Assert.Equal(32767, xy.LogicalMaximum);

        var wheel = Assert.Single(Parsed.Fields, f => f.Contains(Usage.Desktop(0x38)));
        Assert.Equal((40L, 8u, 1u, true), (wheel.BitOffset, wheel.ReportSize, wheel.ReportCount, wheel.IsRelative));

        var pan = Assert.Single(Parsed.Fields, f => f.Contains(Usage.Consumer(0x0238)));
        Assert.Equal((48L, 8u, 1u, true), (pan.BitOffset, pan.ReportSize, pan.ReportCount, pan.IsRelative));
        Assert.Equal(-127, pan.LogicalMinimum);

        // Every field lies in the 7-byte report the writer produces.
        Assert.Equal(VirtualPointerReports.ReportLength * 8L, Parsed.Fields.Max(f => f.BitOffset + f.BitLength));
        Assert.All(Parsed.Fields, f => Assert.Equal(Usage.Desktop(0x02), f.Application));
    }

    [Fact]
    public void A_report_carries_buttons_and_signed_little_endian_motion()
    {
        var report = new byte[VirtualPointerReports.ReportLength];
        int length = VirtualPointerReports.Write(new PointerReport(0b0000_0101, -2, 300, -1, 1), report);

        Assert.Equal(7, length);
        Assert.Equal(new byte[] { 0x05, 0xFE, 0xFF, 0x2C, 0x01, 0xFF, 0x01 }, report);
    }
}
