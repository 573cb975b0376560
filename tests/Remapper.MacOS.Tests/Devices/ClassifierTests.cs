using Remapper.Core.Devices;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Devices;

/// <summary>Identity and kind from property dictionaries, so [[device]] blocks match on macOS as on Linux.</summary>
public sealed class ClassifierTests
{
    private static MacDeviceInfo Classify(string fixture) => MacKeyboardClassifier.Classify(PropertyFixtures.Load(fixture));

    [Fact]
    public void The_SPI_keyboard_of_a_MacBook_is_built_in_and_a_keyboard()
    {
        var info = Classify("builtin-spi-keyboard");
        Assert.Equal(MacDeviceKind.Keyboard, info.Kind);
        Assert.Equal(DeviceBus.Spi, info.Identity.Bus);
        Assert.True(info.Identity.IsBuiltIn);
        Assert.Equal(0x05ac, info.Identity.VendorId);
        Assert.Equal(0x027c, info.Identity.ProductId);
        Assert.Equal("Apple Internal Keyboard / Trackpad", info.Identity.Name);
        Assert.Equal("spi:05ac:027c:location-0x00000539", info.Identity.Id);
    }

    [Fact]
    public void The_FIFO_keyboard_of_an_Apple_silicon_MacBook_is_built_in_without_the_property()
    {
        var info = Classify("builtin-fifo-keyboard");
        Assert.Equal(MacDeviceKind.Keyboard, info.Kind);
        Assert.True(info.Identity.IsBuiltIn);
        Assert.True(new Remapper.Core.Keymap.DeviceMatch(BuiltIn: true).Matches(info.Identity));
    }

    [Fact]
    public void The_trackpad_half_of_the_internal_device_is_not_a_keyboard()
    {
        Assert.Equal(MacDeviceKind.NotKeyboard, Classify("builtin-trackpad").Kind);
    }

    [Fact]
    public void A_USB_keyboard_is_external_and_matches_by_vendor_product_and_bus()
    {
        var info = Classify("usb-keyboard");
        Assert.Equal(MacDeviceKind.Keyboard, info.Kind);
        Assert.False(info.Identity.IsBuiltIn);
        Assert.True(new Remapper.Core.Keymap.DeviceMatch(VendorId: 0x046d, ProductId: 0xc31c, Bus: DeviceBus.Usb).Matches(info.Identity));
        Assert.Equal("usb:046d:c31c:location-0x14100000", info.Identity.Id);
        Assert.Equal("IOService:0x100000f62 (location 0x14100000)", info.Path);
    }

    [Fact]
    public void A_Bluetooth_keyboard_is_external_on_the_bluetooth_bus()
    {
        var info = Classify("bluetooth-keyboard");
        Assert.Equal(MacDeviceKind.Keyboard, info.Kind);
        Assert.Equal(DeviceBus.Bluetooth, info.Identity.Bus);
        Assert.False(info.Identity.IsBuiltIn);
        Assert.True(new Remapper.Core.Keymap.DeviceMatch(NameGlob: "magic*").Matches(info.Identity));
    }

    [Fact]
    public void Our_own_output_is_never_a_keyboard_to_seize_even_with_Apples_ids()
    {
        var info = Classify("driverkit-virtual-keyboard");
        Assert.Equal(MacDeviceKind.VirtualOutput, info.Kind);
        Assert.False(info.IsCandidate);
    }

    [Fact]
    public void A_YubiKey_is_a_keyboard_that_a_vendor_block_can_leave_alone()
    {
        var info = Classify("yubikey");
        Assert.Equal(MacDeviceKind.Keyboard, info.Kind);
        Assert.True(new Remapper.Core.Keymap.DeviceMatch(VendorId: 0x1050).Matches(info.Identity));
    }

    [Fact]
    public void A_media_keypad_with_only_consumer_control_is_seized_for_its_keys()
    {
        var info = MacKeyboardClassifier.Classify(new HidDeviceProperties(7, "USB", 0x1234, 0x5678, 0x1000,
            "Media Keys", UsagePairs: [new HidUsagePair(0x0C, 0x01)]));
        Assert.Equal(MacDeviceKind.ConsumerKeys, info.Kind);
        Assert.True(info.IsCandidate);
    }

    [Theory]
    [InlineData("USB", DeviceBus.Usb)]
    [InlineData("Bluetooth Low Energy", DeviceBus.Bluetooth)]
    [InlineData("SPI", DeviceBus.Spi)]
    [InlineData("I2C", DeviceBus.I2c)]
    [InlineData("FIFO", DeviceBus.Host)]
    [InlineData("Virtual", DeviceBus.Virtual)]
    [InlineData("Audio", DeviceBus.Unknown)]
    [InlineData(null, DeviceBus.Unknown)]
    public void Transports_map_to_keymap_buses(string? transport, DeviceBus bus) => Assert.Equal(bus, MacTransport.ToBus(transport));
}
