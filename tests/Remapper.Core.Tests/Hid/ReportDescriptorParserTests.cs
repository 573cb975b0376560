using CsCheck;
using Remapper.Core.Hid;

namespace Remapper.Core.Tests.Hid;

public class ReportDescriptorParserTests
{
    // HID 1.11 Appendix B.1: the boot protocol keyboard.
    private static readonly byte[] BootKeyboard =
    [
        0x05, 0x01, 0x09, 0x06, 0xA1, 0x01,             // Generic Desktop / Keyboard, Collection (Application)
        0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7,             // Keyboard page, usages E0–E7
        0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08, // logical 0..1, 8 x 1 bit
        0x81, 0x02,                                     // Input (Data, Variable, Absolute): modifiers
        0x95, 0x01, 0x75, 0x08, 0x81, 0x01,             // Input (Constant): reserved byte
        0x95, 0x05, 0x75, 0x01, 0x05, 0x08, 0x19, 0x01, 0x29, 0x05,
        0x91, 0x02,                                     // Output (Data, Variable, Absolute): 5 LEDs
        0x95, 0x01, 0x75, 0x03, 0x91, 0x01,             // Output (Constant): padding
        0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x25, 0x65,
        0x05, 0x07, 0x19, 0x00, 0x29, 0x65,
        0x81, 0x00,                                     // Input (Data, Array): 6 key codes
        0xC0,
    ];

    // HID 1.11 Appendix B.2: the boot protocol mouse.
    private static readonly byte[] BootMouse =
    [
        0x05, 0x01, 0x09, 0x02, 0xA1, 0x01,             // Generic Desktop / Mouse, Collection (Application)
        0x09, 0x01, 0xA1, 0x00,                         // Pointer, Collection (Physical)
        0x05, 0x09, 0x19, 0x01, 0x29, 0x03,             // Buttons 1–3
        0x15, 0x00, 0x25, 0x01, 0x95, 0x03, 0x75, 0x01, 0x81, 0x02,
        0x95, 0x01, 0x75, 0x05, 0x81, 0x01,             // 5 bits padding
        0x05, 0x01, 0x09, 0x30, 0x09, 0x31,             // X, Y
        0x15, 0x81, 0x25, 0x7F, 0x75, 0x08, 0x95, 0x02, 0x81, 0x06, // -127..127, relative
        0xC0, 0xC0,
    ];

    // A typical wireless-receiver keyboard: keyboard (id 1), consumer control (id 2) with an array of
    // 16-bit usages, system control (id 3).
    private static readonly byte[] CompositeKeyboard =
    [
        0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x85, 0x01,
        0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02,
        0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x26, 0xFF, 0x00, 0x19, 0x00, 0x2A, 0xFF, 0x00, 0x81, 0x00,
        0xC0,
        0x05, 0x0C, 0x09, 0x01, 0xA1, 0x01, 0x85, 0x02,
        0x15, 0x00, 0x26, 0xFF, 0x03, 0x19, 0x00, 0x2A, 0xFF, 0x03, 0x75, 0x10, 0x95, 0x01, 0x81, 0x00,
        0xC0,
        0x05, 0x01, 0x09, 0x80, 0xA1, 0x01, 0x85, 0x03,
        0x19, 0x81, 0x29, 0x83, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x03, 0x81, 0x02,
        0x95, 0x05, 0x81, 0x01,
        0xC0,
    ];

    [Fact]
    public void Boot_keyboard_is_a_keyboard_and_nothing_else()
    {
        var d = ReportDescriptorParser.Parse(BootKeyboard);

        Assert.Null(d.Error);
        Assert.True(d.IsKeyboard);
        Assert.False(d.HasMouse);
        Assert.False(d.HasConsumerControl);
        Assert.False(d.HasSystemControl);
        Assert.False(d.UsesReportIds);

        var app = Assert.Single(d.Collections);
        Assert.Equal(CollectionType.Application, app.Type);
        Assert.Equal(Usage.Desktop(0x06), app.Usage);
    }

    [Fact]
    public void Boot_keyboard_fields_match_the_spec_layout()
    {
        var d = ReportDescriptorParser.Parse(BootKeyboard);
        var inputs = d.Fields.Where(f => f.Kind == ReportKind.Input).ToArray();
        var outputs = d.Fields.Where(f => f.Kind == ReportKind.Output).ToArray();
        Assert.Equal(3, inputs.Length);
        Assert.Equal(2, outputs.Length);

        var modifiers = inputs[0];
        Assert.True(modifiers.IsVariable);
        Assert.Equal((1u, 8u, 0L), (modifiers.ReportSize, modifiers.ReportCount, modifiers.BitOffset));
        Assert.Equal(new UsageRange(Usage.Key(0xE0), Usage.Key(0xE7)), Assert.Single(modifiers.UsageRanges));
        Assert.True(modifiers.Contains(Usages.LeftShift));

        Assert.True(inputs[1].IsConstant);
        Assert.Equal(8L, inputs[1].BitOffset);

        var keys = inputs[2];
        Assert.True(keys.IsArray);
        Assert.Equal((8u, 6u, 16L), (keys.ReportSize, keys.ReportCount, keys.BitOffset));
        Assert.Equal((0, 101), (keys.LogicalMinimum, keys.LogicalMaximum));
        Assert.True(keys.Contains(Usages.A));

        var leds = outputs[0];
        Assert.Equal(UsagePages.Led, leds.UsagePage);
        Assert.Equal(5, leds.UsageRanges[0].Count);
        Assert.Equal(5L, outputs[1].BitOffset);
        Assert.All(d.Fields, f => Assert.Equal(Usage.Desktop(0x06), f.Application));
    }

    [Fact]
    public void Boot_mouse_is_a_mouse_not_a_keyboard()
    {
        var d = ReportDescriptorParser.Parse(BootMouse);

        Assert.Null(d.Error);
        Assert.True(d.HasMouse);
        Assert.False(d.IsKeyboard);

        var app = Assert.Single(d.Collections);
        var physical = Assert.Single(app.Children);
        Assert.Equal(CollectionType.Physical, physical.Type);
        Assert.Equal(Usage.Desktop(0x01), physical.Usage);
        Assert.Empty(app.Fields);
        Assert.Equal(3, physical.Fields.Count);

        var xy = physical.Fields[2];
        Assert.Equal([Usage.Desktop(0x30), Usage.Desktop(0x31)], xy.Usages);
        Assert.Equal((-127, 127), (xy.LogicalMinimum, xy.LogicalMaximum));
        Assert.True(xy.IsRelative);
        Assert.Equal(8L, xy.BitOffset);
    }

    [Fact]
    public void Composite_keyboard_has_all_three_applications_with_report_ids()
    {
        var d = ReportDescriptorParser.Parse(CompositeKeyboard);

        Assert.Null(d.Error);
        Assert.True(d.IsKeyboard);
        Assert.True(d.HasConsumerControl);
        Assert.True(d.HasSystemControl);
        Assert.False(d.HasMouse);
        Assert.True(d.UsesReportIds);
        Assert.Equal(3, d.Collections.Count);

        Assert.Equal([1, 1, 2, 3, 3], d.Fields.Select(f => (int)f.ReportId));
        var consumer = d.Fields[2];
        Assert.Equal(Usage.Consumer(0x01), consumer.Application);
        Assert.Equal(1023, consumer.LogicalMaximum);
        Assert.True(consumer.Contains(Usage.Consumer(0xE9)));
        // Offsets restart per report id.
        Assert.Equal(0L, d.Fields[3].BitOffset);
        Assert.Equal(3L, d.Fields[4].BitOffset);
        Assert.True(d.Fields[3].Contains(Usage.Desktop(0x82)));
    }

    [Fact]
    public void One_byte_logical_maximum_of_255_reads_as_255()
    {
        // 0x25 0xFF: a device meaning 255 with a non-negative minimum.
        byte[] bytes = [0x05, 0x07, 0x15, 0x00, 0x25, 0xFF, 0x75, 0x08, 0x95, 0x01, 0x19, 0x00, 0x29, 0xFF, 0x81, 0x00];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Null(d.Error);
        Assert.Equal(255, Assert.Single(d.Fields).LogicalMaximum);
    }

    [Fact]
    public void Vendor_collection_using_the_keyboard_page_is_not_a_keyboard()
    {
        byte[] bytes =
        [
            0x06, 0x00, 0xFF, 0x09, 0x01, 0xA1, 0x01,     // Vendor page 0xFF00, Collection (Application)
            0x05, 0x07, 0x19, 0x00, 0x29, 0x65, 0x15, 0x00, 0x25, 0x65, 0x75, 0x08, 0x95, 0x06, 0x81, 0x00,
            0xC0,
        ];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Null(d.Error);
        Assert.False(d.IsKeyboard);
        Assert.Equal(new Usage(0xFF00, 0x01), d.Collections[0].Usage);
    }

    [Fact]
    public void Keyboard_collection_with_only_led_output_is_not_a_keyboard()
    {
        byte[] bytes =
        [
            0x05, 0x01, 0x09, 0x06, 0xA1, 0x01,
            0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x05, 0x91, 0x02,
            0xC0,
        ];
        Assert.False(ReportDescriptorParser.Parse(bytes).IsKeyboard);
    }

    [Fact]
    public void Extended_four_byte_usages_name_their_own_page()
    {
        byte[] bytes =
        [
            0x05, 0x01,                                   // Usage Page (Generic Desktop)
            0x0B, 0x01, 0x00, 0x0C, 0x00, 0xA1, 0x01,     // Usage (0x000C0001 Consumer Control), Collection
            0x0B, 0xE9, 0x00, 0x0C, 0x00,                 // Usage (0x000C00E9 Volume Up)
            0x09, 0x30,                                   // Usage (X) on the current page
            0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x02, 0x81, 0x02,
            0xC0,
        ];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Null(d.Error);
        Assert.True(d.HasConsumerControl);
        Assert.Equal([Usage.Consumer(0xE9), Usage.Desktop(0x30)], d.Fields[0].Usages);
    }

    [Fact]
    public void Push_and_pop_restore_the_global_state()
    {
        byte[] bytes =
        [
            0x05, 0x07, 0x75, 0x08, 0x95, 0x01,
            0xA4,                                         // Push
            0x05, 0x0C, 0x75, 0x10, 0x95, 0x02, 0x09, 0xE9, 0x81, 0x00,
            0xB4,                                         // Pop
            0x09, 0x04, 0x81, 0x00,
        ];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Null(d.Error);
        Assert.Equal((UsagePages.Consumer, 16u, 2u), (d.Fields[0].UsagePage, d.Fields[0].ReportSize, d.Fields[0].ReportCount));
        Assert.Equal((UsagePages.Keyboard, 8u, 1u), (d.Fields[1].UsagePage, d.Fields[1].ReportSize, d.Fields[1].ReportCount));
        Assert.Equal(Usages.A, d.Fields[1].Usages[0]);
    }

    [Fact]
    public void Long_items_are_skipped()
    {
        byte[] bytes = [0xFE, 0x03, 0x42, 0xAA, 0xBB, 0xCC, .. BootKeyboard];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Null(d.Error);
        Assert.True(d.IsKeyboard);
    }

    [Fact]
    public void Local_items_apply_to_one_main_item_only()
    {
        byte[] bytes = [0x05, 0x07, 0x75, 0x01, 0x95, 0x01, 0x09, 0x04, 0x81, 0x02, 0x81, 0x02];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Single(d.Fields[0].Usages);
        Assert.Empty(d.Fields[1].Usages);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(21)]
    [InlineData(40)]
    public void Truncated_descriptor_reports_where_it_broke(int cut)
    {
        var d = ReportDescriptorParser.Parse(BootKeyboard.AsSpan(0, cut));
        Assert.NotNull(d.Error);
        Assert.False(d.IsValid);
    }

    [Fact]
    public void Truncated_item_data_is_named_with_its_offset()
    {
        var d = ReportDescriptorParser.Parse(new byte[] { 0x05, 0x01, 0x26, 0xFF });
        Assert.Equal("item 0x26 at byte 2 needs 2 data byte(s) but only 1 remain", d.Error);
    }

    [Fact]
    public void Truncated_long_item_is_an_error()
    {
        Assert.NotNull(ReportDescriptorParser.Parse(new byte[] { 0xFE, 0x10, 0x00, 0x01 }).Error);
        Assert.NotNull(ReportDescriptorParser.Parse(new byte[] { 0xFE }).Error);
    }

    [Fact]
    public void Whatever_parsed_before_an_error_is_kept()
    {
        byte[] bytes = [.. BootKeyboard, 0xC0];
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Contains("End Collection", d.Error);
        Assert.True(d.IsKeyboard);
    }

    [Fact]
    public void Unclosed_collection_is_an_error()
    {
        var d = ReportDescriptorParser.Parse(BootKeyboard.AsSpan(0, BootKeyboard.Length - 1));
        Assert.Contains("still open", d.Error);
    }

    [Fact]
    public void Pop_without_push_is_an_error() =>
        Assert.Contains("Pop", ReportDescriptorParser.Parse(new byte[] { 0xB4 }).Error);

    [Fact]
    public void Report_id_zero_is_an_error() =>
        Assert.Contains("Report ID 0", ReportDescriptorParser.Parse(new byte[] { 0x85, 0x00 }).Error);

    [Fact]
    public void Deep_nesting_is_refused_not_followed()
    {
        var bytes = Enumerable.Repeat(new byte[] { 0xA1, 0x01 }, 10_000).SelectMany(b => b).ToArray();
        var d = ReportDescriptorParser.Parse(bytes);
        Assert.Contains("nests deeper", d.Error);
    }

    [Fact]
    public void Endless_push_is_refused()
    {
        var d = ReportDescriptorParser.Parse(Enumerable.Repeat((byte)0xA4, 1000).ToArray());
        Assert.Contains("Push", d.Error);
    }

    [Fact]
    public void Empty_descriptor_is_valid_and_declares_nothing()
    {
        var d = ReportDescriptorParser.Parse([]);
        Assert.Null(d.Error);
        Assert.Empty(d.Collections);
        Assert.False(d.IsKeyboard);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 512].Sample(bytes =>
        {
            var d = ReportDescriptorParser.Parse(bytes);
            _ = d.IsKeyboard || d.HasMouse || d.HasConsumerControl || d.HasSystemControl || d.UsesReportIds;
            _ = d.AllCollections().Count();
        }, iter: 5000);
    }

    [Fact]
    public void Mutated_real_descriptors_never_throw()
    {
        // Random bytes rarely form deep structure; flipping bytes of a real descriptor explores nearby shapes.
        Gen.Int[0, CompositeKeyboard.Length - 1].Array[1, 8].Select(Gen.Byte.Array[8]).Sample((positions, values) =>
        {
            var bytes = (byte[])CompositeKeyboard.Clone();
            for (int i = 0; i < positions.Length; i++) bytes[positions[i]] = values[i];
            var d = ReportDescriptorParser.Parse(bytes);
            _ = d.IsKeyboard || d.HasConsumerControl;
        }, iter: 5000);
    }
}
