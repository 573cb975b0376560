using Remapper.Core.Hid;

namespace Remapper.Core.Tests.Hid;

public class VirtualKeyboardReportsTests
{
    [Fact]
    public void Descriptor_parses_as_keyboard_with_consumer_and_system_control()
    {
        var d = ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor);
        Assert.Null(d.Error);
        Assert.True(d.IsKeyboard);
        Assert.True(d.HasConsumerControl);
        Assert.True(d.HasSystemControl);
        Assert.True(d.UsesReportIds);
    }

    [Fact]
    public void Descriptor_declares_every_usage_the_builder_can_send()
    {
        var d = ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor);
        var inputs = d.Fields.Where(f => f.Kind == ReportKind.Input && !f.IsConstant).ToArray();
        Assert.All(inputs, f => Assert.True(f.IsVariable, f.ToString()));
        foreach (var key in KeyNames.All.Where(k => VirtualKeyboardReports.CanSend(k.Usage)))
            Assert.Contains(inputs, f => f.Contains(key.Usage));
    }

    [Fact]
    public void Descriptor_report_lengths_match_what_the_builder_writes()
    {
        var d = ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor);
        for (int i = 0; i < VirtualKeyboardReports.ReportCount; i++)
        {
            byte id = (byte)(i + 1);
            long bits = d.Fields.Where(f => f.Kind == ReportKind.Input && f.ReportId == id).Sum(f => f.BitLength);
            Assert.Equal(0, bits % 8);
            Assert.Equal(1 + bits / 8, VirtualKeyboardReports.ReportLength(i));
            Assert.True(VirtualKeyboardReports.ReportLength(i) <= VirtualKeyboardReports.MaxReportLength);
        }
    }

    [Fact]
    public void Led_output_report_is_five_bits_and_padding()
    {
        var d = ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor);
        var outputs = d.Fields.Where(f => f.Kind == ReportKind.Output).ToArray();
        Assert.Equal(8L, outputs.Sum(f => f.BitLength));
        Assert.All(outputs, f => Assert.Equal(VirtualKeyboardReports.KeyboardReportId, f.ReportId));
        Assert.Equal(new UsageRange(new Usage(UsagePages.Led, 1), new Usage(UsagePages.Led, 5)), outputs[0].UsageRanges[0]);
    }

    [Fact]
    public void Every_named_key_can_be_sent()
    {
        var unsendable = KeyNames.All.Where(k => !VirtualKeyboardReports.CanSend(k.Usage)).Select(k => k.Name);
        Assert.Empty(unsendable);
    }

    [Theory]
    [InlineData(0x07, 0x00)]   // reserved
    [InlineData(0x07, 0x01)]   // ErrorRollOver
    [InlineData(0x07, 0xE8)]
    [InlineData(0x0C, 0x30)]   // consumer Power: not in the table
    [InlineData(0x01, 0x84)]
    [InlineData(0xFF00, 0x01)]
    public void Usages_without_a_place_are_refused(int page, int id)
    {
        var usage = new Usage((ushort)page, (ushort)id);
        Assert.False(VirtualKeyboardReports.CanSend(usage));
        Assert.Equal(0, new VirtualKeyboardReports().Apply(usage, true, new byte[64]));
    }

    [Fact]
    public void Pressing_a_letter_sets_its_bitmap_bit_and_releasing_clears_it()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[VirtualKeyboardReports.MaxReportLength];

        int length = reports.Apply(Usages.A, true, buffer);
        Assert.Equal(VirtualKeyboardReports.ReportLength(0), length);
        Assert.Equal(VirtualKeyboardReports.KeyboardReportId, buffer[0]);
        Assert.Equal(0, buffer[1]);                       // no modifier
        Assert.Equal(1 << 4, buffer[2]);                  // usage 0x04: byte 0 of the bitmap, bit 4
        Assert.All(buffer[3..length], b => Assert.Equal(0, b));

        reports.Apply(Usages.A, false, buffer);
        Assert.All(buffer[1..length], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Every_keyboard_usage_maps_to_its_own_bit()
    {
        var buffer = new byte[VirtualKeyboardReports.MaxReportLength];
        for (ushort id = 0x04; id <= 0xDF; id++)
        {
            var reports = new VirtualKeyboardReports();
            int length = reports.Apply(Usage.Key(id), true, buffer);
            int setBits = buffer[1..length].Sum(b => System.Numerics.BitOperations.PopCount(b));
            Assert.Equal(1, setBits);
            Assert.True((buffer[2 + id / 8] & (1 << (id % 8))) != 0, $"0x{id:x2}");
        }
    }

    [Fact]
    public void Modifiers_go_in_the_modifier_byte()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        reports.Apply(Usages.LeftShift, true, buffer);
        reports.Apply(Usages.RightCommand, true, buffer);
        Assert.Equal(0x02 | 0x80, buffer[1]);
        reports.Apply(Usages.LeftShift, false, buffer);
        Assert.Equal(0x80, buffer[1]);
        Assert.All(buffer[2..VirtualKeyboardReports.ReportLength(0)], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Keys_held_together_all_appear_in_the_report()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        var keys = new[] { "a", "s", "d", "f", "j", "k", "l", "semicolon", "spacebar", "return_or_enter" };
        foreach (var name in keys)
        {
            Assert.True(KeyNames.TryParse(name, out var u));
            reports.Apply(u, true, buffer);
        }
        foreach (var name in keys)
        {
            KeyNames.TryParse(name, out var u);
            Assert.True((buffer[2 + u.Id / 8] & (1 << (u.Id % 8))) != 0, name);
            Assert.True(reports.IsDown(u));
        }
    }

    [Fact]
    public void Consumer_keys_set_exactly_their_bit_in_report_2()
    {
        var ids = VirtualKeyboardReports.ConsumerUsageIds;
        var buffer = new byte[64];
        for (int bit = 0; bit < ids.Count; bit++)
        {
            var reports = new VirtualKeyboardReports();
            int length = reports.Apply(Usage.Consumer(ids[bit]), true, buffer);
            Assert.Equal(VirtualKeyboardReports.ReportLength(1), length);
            Assert.Equal(VirtualKeyboardReports.ConsumerReportId, buffer[0]);
            Assert.Equal(1, buffer[1..length].Sum(b => System.Numerics.BitOperations.PopCount(b)));
            Assert.True((buffer[1 + bit / 8] & (1 << (bit % 8))) != 0);
            reports.Apply(Usage.Consumer(ids[bit]), false, buffer);
            Assert.All(buffer[1..length], b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void Consumer_bit_order_matches_the_descriptor_usage_order()
    {
        var d = ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor);
        var field = d.Fields.Single(f => f.ReportId == VirtualKeyboardReports.ConsumerReportId && !f.IsConstant);
        Assert.Equal(VirtualKeyboardReports.ConsumerUsageIds.Select(Usage.Consumer), field.Usages);
    }

    [Theory]
    [InlineData(0x81, 0x01)]
    [InlineData(0x82, 0x02)]
    [InlineData(0x83, 0x04)]
    public void System_keys_set_their_bit_in_report_3(int id, int bit)
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        Assert.Equal(2, reports.Apply(Usage.Desktop((ushort)id), true, buffer));
        Assert.Equal([VirtualKeyboardReports.SystemReportId, (byte)bit], buffer[..2]);
        reports.Apply(Usage.Desktop((ushort)id), false, buffer);
        Assert.Equal(0, buffer[1]);
    }

    [Fact]
    public void WriteAllReleased_writes_an_empty_report_and_forgets_pressed_keys()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        reports.Apply(Usages.A, true, buffer);
        reports.Apply(Usage.Consumer(0xE9), true, buffer);
        reports.Apply(Usage.Desktop(0x82), true, buffer);

        for (int i = 0; i < VirtualKeyboardReports.ReportCount; i++)
        {
            Array.Fill(buffer, (byte)0xAA);
            int length = reports.WriteAllReleased(i, buffer);
            Assert.Equal(VirtualKeyboardReports.ReportLength(i), length);
            Assert.Equal(i + 1, buffer[0]);
            Assert.All(buffer[1..length], b => Assert.Equal(0, b));
        }
        Assert.False(reports.IsDown(Usages.A));

        // The next press reports only itself, not the forgotten key.
        int len = reports.Apply(Usages.Escape, true, buffer);
        Assert.Equal(1, buffer[1..len].Sum(b => System.Numerics.BitOperations.PopCount(b)));
    }

    [Fact]
    public void WriteAllReleased_rejects_an_unknown_report_index() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualKeyboardReports().WriteAllReleased(3, new byte[64]));

    [Fact]
    public void A_buffer_too_small_is_a_precise_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new VirtualKeyboardReports().Apply(Usages.A, true, new byte[4]));
        Assert.Contains("needs 30", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x02 }, KeyboardLeds.CapsLock)]
    [InlineData(new byte[] { 0x01, 0x02 }, KeyboardLeds.CapsLock)]
    [InlineData(new byte[] { 0x01, 0x1F }, KeyboardLeds.NumLock | KeyboardLeds.CapsLock | KeyboardLeds.ScrollLock | KeyboardLeds.Compose | KeyboardLeds.Kana)]
    [InlineData(new byte[] { 0x05 }, KeyboardLeds.NumLock | KeyboardLeds.ScrollLock)]
    [InlineData(new byte[] { 0xE0 }, KeyboardLeds.None)]     // padding bits ignored
    public void Led_reports_parse_with_and_without_the_id(byte[] report, KeyboardLeds expected)
    {
        Assert.True(VirtualKeyboardReports.TryParseLedReport(report, out var leds));
        Assert.Equal(expected, leds);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x02, 0x02 })]   // not our LED report id
    [InlineData(new byte[] { 0x01, 0x02, 0x00 })]
    public void Other_output_reports_are_not_led_reports(byte[] report) =>
        Assert.False(VirtualKeyboardReports.TryParseLedReport(report, out _));

    [Fact]
    public void Apply_allocates_nothing()
    {
        var reports = new VirtualKeyboardReports();
        Span<byte> buffer = stackalloc byte[VirtualKeyboardReports.MaxReportLength];
        Usage[] usages = [Usages.A, Usages.LeftShift, Usage.Consumer(0xE9), Usage.Desktop(0x82), Usage.Key(0xE8)];
        for (int i = 0; i < 1000; i++) reports.Apply(usages[i % usages.Length], (i & 1) == 0, buffer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) reports.Apply(usages[i % usages.Length], (i & 1) == 0, buffer);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }
}
