using CsCheck;
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
        Assert.All(inputs.Where(f => f != KeyArray(d)), f => Assert.True(f.IsVariable, f.ToString()));
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

    /// <summary>Report 1's key field: the one Array input field.</summary>
    private static ReportField KeyArray(ReportDescriptor d) =>
        d.Fields.Single(f => f.Kind == ReportKind.Input && f.ReportId == VirtualKeyboardReports.KeyboardReportId && f.IsArray && !f.IsConstant);

    /// <summary>The key slots of a keyboard report (after the id and modifier bytes).</summary>
    private static byte[] Slots(byte[] buffer) => buffer[2..(2 + VirtualKeyboardReports.KeySlots)];

    /// <summary>The usages in the slots, 0 (no key) left out.</summary>
    private static SortedSet<int> KeysIn(byte[] buffer) => [.. Slots(buffer).Where(b => b != 0).Select(b => (int)b)];

    [Fact]
    public void Keyboard_report_is_the_modifier_byte_then_an_array_of_key_slots()
    {
        var d = ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor);
        var fields = d.Fields.Where(f => f.Kind == ReportKind.Input && f.ReportId == VirtualKeyboardReports.KeyboardReportId).ToArray();
        Assert.Equal(2, fields.Length);

        var modifiers = fields[0];
        Assert.True(modifiers.IsVariable);
        Assert.Equal((0L, 8L), (modifiers.BitOffset, modifiers.BitLength));
        Assert.Equal(new UsageRange(Usage.Key(0xE0), Usage.Key(0xE7)), Assert.Single(modifiers.UsageRanges));

        var keys = fields[1];
        Assert.Same(KeyArray(d), keys);
        Assert.False(keys.IsRelative);
        Assert.Equal(8L, keys.BitOffset);
        Assert.Equal(8u, keys.ReportSize);
        Assert.Equal((uint)VirtualKeyboardReports.KeySlots, keys.ReportCount);
        Assert.Equal((0, 0xDF), (keys.LogicalMinimum, keys.LogicalMaximum));
        Assert.Equal(new UsageRange(Usage.Key(0x00), Usage.Key(0xDF)), Assert.Single(keys.UsageRanges));
        Assert.Empty(keys.Usages);
    }

    [Fact]
    public void Every_sendable_key_has_a_value_the_kernel_accepts_for_its_own_usage()
    {
        // What hid-core checks before it looks a slot's value up (hid_array_value_is_valid): within the logical
        // range, and (value - Logical Minimum) indexes the field's usages; that usage is the key itself.
        var keys = KeyArray(ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor));
        var range = keys.UsageRanges[0];
        int usageCount = range.Maximum.Id - range.Minimum.Id + 1;
        var buffer = new byte[VirtualKeyboardReports.MaxReportLength];
        for (ushort id = 0x04; id <= 0xDF; id++)
        {
            var reports = new VirtualKeyboardReports();
            Assert.Equal(VirtualKeyboardReports.ReportLength(0), reports.Apply(Usage.Key(id), true, buffer));
            Assert.Equal(0, buffer[1]);
            int value = buffer[2];
            Assert.Equal([id], KeysIn(buffer));
            Assert.InRange(value, keys.LogicalMinimum, keys.LogicalMaximum);
            Assert.InRange(value - keys.LogicalMinimum, 0, usageCount - 1);
            Assert.Equal(Usage.Key(id), Usage.Key((ushort)(range.Minimum.Id + value - keys.LogicalMinimum)));
        }
    }

    [Fact]
    public void An_empty_slot_is_0_which_hid_input_maps_to_no_key_and_no_slot_ever_holds_ErrorRollOver()
    {
        // Value 0 is usage 0x00 (reserved, "no event"): inside the array's range, mapped to nothing by hid-input.
        // 0x01 (ErrorRollOver) would make the kernel drop the whole report; 0x02 and 0x03 are errors too.
        var keys = KeyArray(ReportDescriptorParser.Parse(VirtualKeyboardReports.Descriptor));
        Assert.Equal(0, keys.LogicalMinimum);
        for (ushort id = 0; id <= 3; id++) Assert.False(VirtualKeyboardReports.CanSend(Usage.Key(id)));
        var buffer = new byte[VirtualKeyboardReports.MaxReportLength];
        Assert.Equal(VirtualKeyboardReports.ReportLength(0), new VirtualKeyboardReports().WriteAllReleased(0, buffer));
        Assert.All(Slots(buffer), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Pressing_a_letter_puts_it_in_the_first_slot_and_releasing_empties_it()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[VirtualKeyboardReports.MaxReportLength];

        int length = reports.Apply(Usages.A, true, buffer);
        Assert.Equal(VirtualKeyboardReports.ReportLength(0), length);
        Assert.Equal(2 + VirtualKeyboardReports.KeySlots, length);
        Assert.Equal(VirtualKeyboardReports.KeyboardReportId, buffer[0]);
        Assert.Equal(0, buffer[1]);                       // no modifier
        Assert.Equal(0x04, buffer[2]);                    // usage 0x04 in slot 0
        Assert.All(buffer[3..length], b => Assert.Equal(0, b));
        Assert.True(reports.IsDown(Usages.A));

        Assert.Equal(length, reports.Apply(Usages.A, false, buffer));
        Assert.All(buffer[1..length], b => Assert.Equal(0, b));
        Assert.False(reports.IsDown(Usages.A));
    }

    [Fact]
    public void A_released_key_frees_its_slot_for_the_next_key_and_the_others_stay_where_they_are()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        reports.Apply(Usage.Key(0x04), true, buffer);     // a → slot 0
        reports.Apply(Usage.Key(0x05), true, buffer);     // b → slot 1
        reports.Apply(Usage.Key(0x06), true, buffer);     // c → slot 2
        reports.Apply(Usage.Key(0x05), false, buffer);
        Assert.Equal([0x04, 0x00, 0x06], buffer[2..5]);
        reports.Apply(Usage.Key(0x07), true, buffer);     // d → the freed slot 1
        Assert.Equal([0x04, 0x07, 0x06, 0x00], buffer[2..6]);
    }

    [Fact]
    public void Pressing_a_held_key_again_does_not_put_it_in_a_second_slot()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        reports.Apply(Usages.A, true, buffer);
        var before = buffer[..VirtualKeyboardReports.ReportLength(0)];
        Assert.Equal(before.Length, reports.Apply(Usages.A, true, buffer));
        Assert.Equal(before, buffer[..before.Length]);
        reports.Apply(Usages.A, false, buffer);
        Assert.Empty(KeysIn(buffer));
    }

    [Fact]
    public void Releasing_a_key_that_is_not_down_changes_nothing()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        reports.Apply(Usages.A, true, buffer);
        reports.Apply(Usages.Escape, false, buffer);
        Assert.Equal([0x04], KeysIn(buffer));
        Assert.True(reports.IsDown(Usages.A));
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
        var expected = new SortedSet<int>();
        foreach (var name in keys)
        {
            Assert.True(KeyNames.TryParse(name, out var u));
            reports.Apply(u, true, buffer);
            expected.Add(u.Id);
        }
        Assert.Equal(expected, KeysIn(buffer));
        foreach (var name in keys)
        {
            KeyNames.TryParse(name, out var u);
            Assert.True(reports.IsDown(u), name);
        }
    }

    [Fact]
    public void A_key_pressed_while_every_slot_is_taken_is_refused_and_the_report_keeps_the_others()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        int n = VirtualKeyboardReports.KeySlots;
        for (int i = 0; i < n; i++) Assert.NotEqual(0, reports.Apply(Usage.Key((ushort)(0x04 + i)), true, buffer));
        var full = buffer[..VirtualKeyboardReports.ReportLength(0)];
        Assert.Equal(n, KeysIn(buffer).Count);

        var extra = Usage.Key((ushort)(0x04 + n));
        Assert.Equal(0, reports.Apply(extra, true, buffer));
        Assert.False(reports.IsDown(extra));
        // Modifiers have their own bits: still sendable with every slot taken.
        Assert.NotEqual(0, reports.Apply(Usages.LeftShift, true, buffer));
        Assert.Equal(0x02, buffer[1]);
        Assert.Equal(full[2..], buffer[2..full.Length]);

        // The refused key's release changes nothing; once a slot is free a new press gets it.
        Assert.NotEqual(0, reports.Apply(extra, false, buffer));
        Assert.Equal(n, KeysIn(buffer).Count);
        reports.Apply(Usage.Key(0x04), false, buffer);
        Assert.Equal(0, buffer[2]);
        Assert.NotEqual(0, reports.Apply(extra, true, buffer));
        Assert.Equal(extra.Id, buffer[2]);
        Assert.True(reports.IsDown(extra));
    }

    [Fact]
    public void Nothing_stays_down_after_every_key_is_released()
    {
        var reports = new VirtualKeyboardReports();
        var buffer = new byte[64];
        var held = new List<Usage>();
        for (ushort id = 0x04; id < 0x04 + VirtualKeyboardReports.KeySlots + 5; id++)
        {
            reports.Apply(Usage.Key(id), true, buffer);
            held.Add(Usage.Key(id));
        }
        reports.Apply(Usages.LeftControl, true, buffer);
        held.Add(Usages.LeftControl);
        held.Reverse();
        foreach (var u in held) reports.Apply(u, false, buffer);
        Assert.All(buffer[1..VirtualKeyboardReports.ReportLength(0)], b => Assert.Equal(0, b));
        for (ushort id = 0x04; id <= 0xE7; id++) Assert.False(reports.IsDown(Usage.Key(id)));
    }

    [Fact]
    public void Any_sequence_of_presses_and_releases_reports_exactly_the_keys_held_up_to_the_slot_count()
    {
        // Usages drawn from a small pool, so keys are pressed twice and released while up, and the slots fill.
        Gen.Select(Gen.Int[0, 44], Gen.Bool).Array[1, 400].Sample(steps =>
        {
            var reports = new VirtualKeyboardReports();
            var buffer = new byte[VirtualKeyboardReports.MaxReportLength];
            var held = new SortedSet<int>();
            byte modifiers = 0;
            foreach (var (pick, down) in steps)
            {
                // 0..35: keys 0x04.. (more of them than slots); 36..43: the modifiers; 44: a usage with no place.
                var usage = pick < 36 ? Usage.Key((ushort)(0x04 + pick)) : pick < 44 ? Usage.Key((ushort)(0xE0 + pick - 36)) : Usage.Key(0xE8);
                int length = reports.Apply(usage, down, buffer);
                if (pick == 44) { Assert.Equal(0, length); continue; }
                bool refused = down && !usage.IsModifier && !held.Contains(usage.Id) && held.Count == VirtualKeyboardReports.KeySlots;
                if (refused) { Assert.Equal(0, length); continue; }
                Assert.Equal(VirtualKeyboardReports.ReportLength(0), length);
                if (usage.IsModifier) modifiers = down ? (byte)(modifiers | usage.ModifierBit) : (byte)(modifiers & ~usage.ModifierBit);
                else if (down) held.Add(usage.Id);
                else held.Remove(usage.Id);

                var slots = Slots(buffer).Where(b => b != 0).ToArray();
                Assert.Equal(slots.Length, slots.Distinct().Count());     // never the same usage twice
                Assert.Equal(held, KeysIn(buffer));
                Assert.Equal(modifiers, buffer[1]);
            }
            for (ushort id = 0x04; id < 0x04 + 36; id++) Assert.Equal(held.Contains(id), reports.IsDown(Usage.Key(id)));
        });
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
        reports.Apply(Usages.Escape, true, buffer);
        Assert.Equal(0, buffer[1]);
        Assert.Equal([Usages.Escape.Id], KeysIn(buffer));
    }

    [Fact]
    public void WriteAllReleased_rejects_an_unknown_report_index() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualKeyboardReports().WriteAllReleased(3, new byte[64]));

    [Fact]
    public void A_buffer_too_small_is_a_precise_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new VirtualKeyboardReports().Apply(Usages.A, true, new byte[4]));
        Assert.Contains("needs 32", e.Message);
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
        Usage[] usages = [Usages.A, Usages.LeftShift, Usage.Consumer(0xE9), Usage.Desktop(0x82), Usage.Key(0xE8), Usage.Key(0x05), Usage.Key(0x06)];
        // Every slot but one taken (held throughout), so a, b and c compete for the last one: some presses are refused.
        for (int i = 1; i < VirtualKeyboardReports.KeySlots; i++) reports.Apply(Usage.Key((ushort)(0x10 + i)), true, buffer);
        for (int i = 0; i < 1000; i++) reports.Apply(usages[i % usages.Length], (i & 1) == 0, buffer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) reports.Apply(usages[i % usages.Length], (i & 1) == 0, buffer);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }
}
