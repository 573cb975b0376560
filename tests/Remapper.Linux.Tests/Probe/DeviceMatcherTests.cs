using Remapper.Core.Devices;
using Remapper.Core.Keymap;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Tests.Probe;

public class DeviceMatcherTests
{
    private static readonly KeyboardIdentity Yubikey = new("usb:1050:0407:usb-1", "Yubico YubiKey OTP+FIDO+CCID", DeviceBus.Usb, 0x1050, 0x0407, "usb-1");
    private static readonly KeyboardIdentity Apple = new("spi:05ac:0340:spi0", "Apple Internal Keyboard / Trackpad", DeviceBus.Spi, 0x05ac, 0x0340, "spi0");

    [Theory]
    [InlineData("yubico*", "Yubico YubiKey", true)]
    [InlineData("*YUBIKEY*", "Yubico YubiKey", true)]
    [InlineData("Apple ? Keyboard", "Apple X Keyboard", true)]
    [InlineData("Apple ? Keyboard", "Apple XY Keyboard", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    public void Name_globs_match_case_insensitively(string glob, string name, bool expected) =>
        Assert.Equal(expected, DeviceMatcher.GlobMatches(glob, name));

    [Fact]
    public void Every_given_field_must_match()
    {
        Assert.True(DeviceMatcher.Matches(new DeviceMatch(VendorId: 0x1050), Yubikey));
        Assert.False(DeviceMatcher.Matches(new DeviceMatch(VendorId: 0x1050, ProductId: 0x1), Yubikey));
        Assert.True(DeviceMatcher.Matches(new DeviceMatch(BuiltIn: true), Apple));
        Assert.False(DeviceMatcher.Matches(new DeviceMatch(BuiltIn: true), Yubikey));
        Assert.True(DeviceMatcher.Matches(new DeviceMatch(Bus: DeviceBus.Spi, NameGlob: "apple*"), Apple));
        Assert.True(DeviceMatcher.Matches(new DeviceMatch(), Apple));
    }

    [Fact]
    public void Only_ignore_blocks_ignore_and_they_are_named_by_place_and_match()
    {
        var loc = new SourceLocation("/etc/remapper/config.toml", 12, 1);
        DeviceBlock[] blocks =
        [
            new(new DeviceMatch(VendorId: 0x1050), Ignore: false, [], loc),
            new(new DeviceMatch(VendorId: 0x1050), Ignore: true, [], loc with { Line = 20 }),
        ];
        var block = DeviceMatcher.IgnoringBlock(blocks, Yubikey);
        Assert.NotNull(block);
        Assert.Equal("[[device]] at /etc/remapper/config.toml:20:1 (vendor_id = 0x1050)", DeviceMatcher.Describe(block));
        Assert.Null(DeviceMatcher.IgnoringBlock(blocks, Apple));
    }
}
