using Remapper.Core.Devices;
using Remapper.Core.Keymap;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Tests.Probe;

public class DeviceRulesTests
{
    private static readonly KeyboardIdentity Yubikey = new("usb:1050:0407:usb-1", "Yubico YubiKey OTP+FIDO+CCID", DeviceBus.Usb, 0x1050, 0x0407, "usb-1");
    private static readonly KeyboardIdentity Apple = new("spi:05ac:0340:spi0", "Apple Internal Keyboard / Trackpad", DeviceBus.Spi, 0x05ac, 0x0340, "spi0");

    [Fact]
    public void Only_ignore_blocks_ignore_and_they_are_named_by_place_and_match()
    {
        var loc = new SourceLocation("/etc/remapper/config.toml", 12, 1);
        DeviceBlock[] blocks =
        [
            new(new DeviceMatch(VendorId: 0x1050), Ignore: false, [], loc),
            new(new DeviceMatch(VendorId: 0x1050), Ignore: true, [], loc with { Line = 20 }),
        ];
        var block = DeviceRules.IgnoringBlock(blocks, Yubikey);
        Assert.NotNull(block);
        Assert.Equal("[[device]] at /etc/remapper/config.toml:20:1 (vendor_id = 0x1050)", DeviceRules.Describe(block));
        Assert.Null(DeviceRules.IgnoringBlock(blocks, Apple));
    }

    [Fact]
    public void Built_in_and_name_matches_ignore_the_right_keyboard()
    {
        DeviceBlock[] blocks = [new(new DeviceMatch(NameGlob: "apple*", BuiltIn: true), true, [], SourceLocation.None)];
        Assert.NotNull(DeviceRules.IgnoringBlock(blocks, Apple));
        Assert.Null(DeviceRules.IgnoringBlock(blocks, Yubikey));
        Assert.Equal("[[device]] (name = \"apple*\", built_in = true)", DeviceRules.Describe(blocks[0]));
    }
}
