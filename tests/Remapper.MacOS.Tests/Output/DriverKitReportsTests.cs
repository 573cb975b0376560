using System.Buffers.Binary;
using Remapper.Core.Hid;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Tests.Output;

public sealed class DriverKitReportsTests
{
    private static ushort Slot(ReadOnlySpan<byte> report, int offset, int slot) => BinaryPrimitives.ReadUInt16LittleEndian(report[(offset + slot * 2)..]);

    [Fact]
    public void Modifiers_are_bits_and_keys_take_the_first_free_slot()
    {
        var reports = new DriverKitReports();
        Assert.Equal(0x10, reports.Apply(Usage.Key(0xE4), true, out _)[1]); // right control
        reports.Apply(Usage.Key(0x04), true, out _);
        reports.Apply(Usage.Key(0x05), true, out _);
        reports.Apply(Usage.Key(0x04), false, out _);
        var report = reports.Apply(Usage.Key(0x06), true, out var kind).ToArray();
        Assert.Equal(DriverReport.Keyboard, kind);
        Assert.Equal(67, report.Length);
        Assert.Equal(1, report[0]);
        Assert.Equal(0, report[2]); // reserved
        Assert.Equal(0x06, Slot(report, 3, 0)); // a's slot was freed and reused
        Assert.Equal(0x05, Slot(report, 3, 1));
    }

    [Fact]
    public void A_repeated_down_or_a_stray_up_posts_nothing()
    {
        var reports = new DriverKitReports();
        Assert.False(reports.Apply(Usage.Key(0x04), true, out _).IsEmpty);
        Assert.True(reports.Apply(Usage.Key(0x04), true, out _).IsEmpty);
        Assert.True(reports.Apply(Usage.Key(0x05), false, out _).IsEmpty);
        Assert.True(reports.Apply(Usage.Key(0xE0), false, out _).IsEmpty);
    }

    [Fact]
    public void System_keys_go_in_the_generic_desktop_report_and_unknown_pages_nowhere()
    {
        var reports = new DriverKitReports();
        var sleep = reports.Apply(Usage.Desktop(0x82), true, out var kind);
        Assert.Equal(DriverReport.GenericDesktop, kind);
        Assert.Equal(7, sleep[0]);
        Assert.Equal(0x82, Slot(sleep, 1, 0));
        Assert.True(reports.Apply(new Usage(0x09, 1), true, out var none).IsEmpty);
        Assert.Equal(DriverReport.None, none);
    }

    [Fact]
    public void A_33rd_key_at_once_has_no_slot_and_is_counted()
    {
        var reports = new DriverKitReports();
        for (ushort id = 0x04; id < 0x04 + 32; id++) Assert.False(reports.Apply(Usage.Key(id), true, out _).IsEmpty);
        Assert.True(reports.Apply(Usage.Key(0x04 + 32), true, out _).IsEmpty);
        Assert.Equal(1, reports.Dropped);
        Assert.True(reports.AnyPressed);
        reports.Clear();
        Assert.False(reports.AnyPressed);
    }
}
