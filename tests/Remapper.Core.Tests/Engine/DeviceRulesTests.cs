using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class DeviceRulesTests
{
    private static readonly KeyboardIdentity Yubikey = new("usb:1050:0407:usb-1", "Yubico YubiKey OTP+FIDO+CCID", DeviceBus.Usb, 0x1050, 0x0407, "usb-1");
    private static readonly KeyboardIdentity Apple = new("spi:05ac:0340:spi0", "Apple Internal Keyboard / Trackpad", DeviceBus.Spi, 0x05ac, 0x0340, "spi0");
    private static readonly SourceLocation Loc = new("/etc/remapper/config.toml", 12, 1);

    [Fact]
    public void The_first_matching_block_decides_so_a_usb_remap_block_before_a_yubikey_ignore_block_remaps_the_yubikey()
    {
        // [[device]] bus = "usb" with remaps, then [[device]] vendor_id = 0x1050 ignore = true: the YubiKey is USB, so
        // the first block takes it — the daemon must seize and remap it, exactly as `remapper test` does.
        DeviceBlock[] blocks =
        [
            new(new DeviceMatch(Bus: DeviceBus.Usb), Ignore: false, [Bind(A, Chord(B))], Loc),
            new(new DeviceMatch(VendorId: 0x1050), Ignore: true, [], Loc with { Line = 20 }),
        ];
        var keymap = CompiledKeymap.Compile(Model(devices: blocks));

        Assert.Null(keymap.DeviceRules.IgnoringBlock(Yubikey));
        Assert.False(keymap.IsIgnored(Yubikey));
        Assert.Same(blocks[0], keymap.DeviceRules.BlockFor(Yubikey));

        var rig = new EngineRig(Model(devices: blocks));
        int yk = rig.Engine.AttachDevice(Yubikey);
        rig.Tap(A, yk);
        Assert.Equal([$"{B} down", $"{B} up"], rig.Settle());
    }

    [Fact]
    public void An_ignore_block_that_matches_first_ignores_and_is_named_by_place_and_match()
    {
        DeviceBlock[] blocks =
        [
            new(new DeviceMatch(VendorId: 0x1050), Ignore: true, [], Loc with { Line = 20 }),
            new(new DeviceMatch(Bus: DeviceBus.Usb), Ignore: false, [], Loc),
        ];
        var rules = new DeviceRules(blocks);
        var block = rules.IgnoringBlock(Yubikey);
        Assert.NotNull(block);
        Assert.Equal("[[device]] at /etc/remapper/config.toml:20:1 (vendor_id = 0x1050)", DeviceRules.Describe(block));
        Assert.Null(rules.IgnoringBlock(Apple));
    }

    [Fact]
    public void Built_in_and_name_matches_ignore_the_right_keyboard()
    {
        var rules = new DeviceRules([new(new DeviceMatch(NameGlob: "apple*", BuiltIn: true), true, [], SourceLocation.None)]);
        Assert.NotNull(rules.IgnoringBlock(Apple));
        Assert.Null(rules.IgnoringBlock(Yubikey));
        Assert.Equal("[[device]] (name = \"apple*\", built_in = true)", DeviceRules.Describe(rules.Blocks[0]));
    }

    [Fact]
    public void Reordering_blocks_is_a_different_decision_and_an_identical_list_is_not()
    {
        DeviceBlock remap = new(new DeviceMatch(Bus: DeviceBus.Usb), false, [], Loc);
        DeviceBlock ignore = new(new DeviceMatch(VendorId: 0x1050), true, [], Loc);
        Assert.True(new DeviceRules([remap, ignore]).SameDecisionsAs(new DeviceRules([remap, ignore])));
        Assert.False(new DeviceRules([remap, ignore]).SameDecisionsAs(new DeviceRules([ignore, remap])));
        Assert.False(new DeviceRules([remap]).SameDecisionsAs(new DeviceRules([remap, ignore])));
    }
}
