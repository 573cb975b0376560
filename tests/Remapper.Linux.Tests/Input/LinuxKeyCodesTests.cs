using Remapper.Core.Hid;
using Remapper.Linux.Input;

namespace Remapper.Linux.Tests.Input;

public class LinuxKeyCodesTests
{
    [Theory]
    [InlineData(30, 0x07, 0x04)]   // KEY_A
    [InlineData(58, 0x07, 0x39)]   // KEY_CAPSLOCK
    [InlineData(1, 0x07, 0x29)]    // KEY_ESC
    [InlineData(29, 0x07, 0xE0)]   // KEY_LEFTCTRL
    [InlineData(126, 0x07, 0xE7)]  // KEY_RIGHTMETA
    [InlineData(86, 0x07, 0x64)]   // KEY_102ND
    [InlineData(43, 0x07, 0x31)]   // KEY_BACKSLASH (also what ISO # sends)
    [InlineData(111, 0x07, 0x4C)]  // KEY_DELETE
    [InlineData(87, 0x07, 0x44)]   // KEY_F11
    [InlineData(183, 0x07, 0x68)]  // KEY_F13
    [InlineData(127, 0x07, 0x65)]  // KEY_COMPOSE
    [InlineData(115, 0x0C, 0xE9)]  // KEY_VOLUMEUP
    [InlineData(114, 0x0C, 0xEA)]  // KEY_VOLUMEDOWN
    [InlineData(113, 0x0C, 0xE2)]  // KEY_MUTE
    [InlineData(164, 0x0C, 0xCD)]  // KEY_PLAYPAUSE
    [InlineData(163, 0x0C, 0xB5)]  // KEY_NEXTSONG
    [InlineData(225, 0x0C, 0x6F)]  // KEY_BRIGHTNESSUP
    [InlineData(116, 0x01, 0x81)]  // KEY_POWER
    [InlineData(142, 0x01, 0x82)]  // KEY_SLEEP
    [InlineData(143, 0x01, 0x83)]  // KEY_WAKEUP
    public void Code_and_usage_correspond_both_ways(int code, int page, int id)
    {
        var usage = new Usage((ushort)page, (ushort)id);
        Assert.True(LinuxKeyCodes.TryToUsage((ushort)code, out var fromCode));
        Assert.Equal(usage, fromCode);
        Assert.True(LinuxKeyCodes.TryToCode(usage, out var fromUsage));
        Assert.Equal(code, fromUsage);
    }

    [Theory]
    [InlineData(0x07, 0x7F, 113)]  // keyboard-page Mute still types KEY_MUTE
    [InlineData(0x07, 0x66, 116)]  // keyboard-page Power is KEY_POWER
    [InlineData(0x07, 0x32, 43)]   // ISO # is KEY_BACKSLASH
    [InlineData(0x07, 0x9C, 111)]  // Clear is KEY_DELETE
    public void Usages_sharing_a_code_all_map_to_it(int page, int id, int code)
    {
        Assert.True(LinuxKeyCodes.TryToCode(new Usage((ushort)page, (ushort)id), out var c));
        Assert.Equal(code, c);
    }

    [Fact]
    public void Every_code_round_trips_through_its_usage()
    {
        int checkedCodes = 0;
        for (ushort code = 0; code <= LinuxKeyCodes.KeyMax; code++)
        {
            if (!LinuxKeyCodes.TryToUsage(code, out var usage)) continue;
            Assert.True(LinuxKeyCodes.TryToCode(usage, out var back), $"code {code}");
            Assert.Equal(code, back);
            checkedCodes++;
        }
        Assert.True(checkedCodes > 150, $"only {checkedCodes} codes mapped");
    }

    [Fact]
    public void Every_pair_maps_its_usage_to_its_code()
    {
        foreach (var (code, usage) in LinuxKeyCodes.Pairs)
        {
            Assert.True(LinuxKeyCodes.TryToCode(usage, out var c), usage.ToString());
            Assert.Equal(code, c);
        }
    }

    [Fact]
    public void Every_named_key_Linux_maps_has_a_code()
    {
        // Keyboard-page usages hid-input leaves unmapped: locking keys, AS/400 =, International7–9, LANG6–9,
        // 0x95–0xA4 except Clear, and the extended keypad except ( ) and Clear.
        var linuxMaps = new HashSet<int>(Enumerable.Range(0x04, 0x81 - 0x04 + 1)
            .Concat([0x85, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x90, 0x91, 0x92, 0x93, 0x94, 0x9C, 0xB6, 0xB7, 0xD8])
            .Concat(Enumerable.Range(0xE0, 8)));
        var missing = KeyNames.All
            .Where(k => k.Usage.Page != UsagePages.Keyboard || linuxMaps.Contains(k.Usage.Id))
            .Where(k => !LinuxKeyCodes.TryToCode(k.Usage, out _))
            .Select(k => k.Name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_code_names_a_key_in_the_table()
    {
        foreach (var (_, usage) in LinuxKeyCodes.Pairs)
            Assert.True(KeyNames.TryGetInfo(usage, out _), $"{usage.Page:x2}:{usage.Id:x2} is not in KeyNames");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(240)]     // KEY_UNKNOWN
    [InlineData(0x110)]   // BTN_LEFT: a mouse button, not a key
    [InlineData(0x300)]   // beyond KEY_MAX
    [InlineData(ushort.MaxValue)]
    public void Codes_without_a_key_do_not_map(int code) => Assert.False(LinuxKeyCodes.TryToUsage((ushort)code, out _));

    [Fact]
    public void Usages_outside_the_tables_do_not_map()
    {
        Assert.False(LinuxKeyCodes.TryToCode(Usage.Key(0xE8), out _));
        Assert.False(LinuxKeyCodes.TryToCode(new Usage(0xFF00, 1), out _));
        Assert.False(LinuxKeyCodes.TryToCode(Usage.Consumer(0xFFFF), out _));
        Assert.False(LinuxKeyCodes.TryToCode(Usages.None, out _));
    }
}
