using Remapper.Core.Devices;
using Remapper.Linux.Discovery;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Discovery;

public class InputDeviceScannerTests : IDisposable
{
    private readonly FakeSysfs _fs = new();
    private InputDeviceScanner Scanner => new(_fs.Sys, _fs.Dev);

    public void Dispose() => _fs.Dispose();

    // The HID boot keyboard: modifiers, reserved byte, LED output, six key slots.
    private static readonly byte[] BootKeyboard =
    [
        0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0x19, 0xe0, 0x29, 0xe7, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08,
        0x81, 0x02, 0x95, 0x01, 0x75, 0x08, 0x81, 0x01, 0x95, 0x05, 0x75, 0x01, 0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x91, 0x02,
        0x95, 0x01, 0x75, 0x03, 0x91, 0x01, 0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65,
        0x81, 0x00, 0xc0,
    ];

    // A vendor-defined collection that reports keyboard-page usages: hid-input gives it letter keys anyway.
    private static readonly byte[] VendorCollection =
    [
        0x06, 0x00, 0xff, 0x09, 0x01, 0xa1, 0x01, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65, 0x15, 0x00, 0x25, 0x65, 0x75, 0x08,
        0x95, 0x06, 0x81, 0x00, 0xc0,
    ];

    [Fact]
    public void Letter_keys_from_a_vendor_collection_do_not_make_a_keyboard()
    {
        _fs.AddDevice(4, "Vendor Gadget", 0x03, 0x1234, 0x0001, "usb-9/input2", reportDescriptor: VendorCollection);
        Assert.Equal(DeviceKind.NotKeyboard, Only().Kind);
    }

    [Fact]
    public void The_mouse_node_of_a_keyboard_hid_device_is_still_not_a_keyboard()
    {
        _fs.AddDevice(4, "Logitech K400 Mouse", 0x03, 0x046d, 0x4024, "usb-9/input2", keyCaps: "1f0000 0 0 0 0", evCaps: "17",
            reportDescriptor: BootKeyboard);
        Assert.Equal(DeviceKind.NotKeyboard, Only().Kind);
    }

    [Fact]
    public void A_corrupt_descriptor_leaves_the_decision_to_the_capabilities()
    {
        _fs.AddDevice(4, "Odd Keyboard", 0x03, 0x1234, 0x0002, "usb-9/input0", reportDescriptor: [0xa1, 0x01, 0xa1]);
        Assert.Equal(DeviceKind.Keyboard, Only().Kind);
    }

    private InputDeviceInfo Only() => Assert.Single(Scanner.Scan());

    [Fact]
    public void At_keyboard_is_a_built_in_keyboard()
    {
        _fs.AddDevice(2, "AT Translated Set 2 keyboard", 0x11, 0x0001, 0x0001, "isa0060/serio0/input0",
            keyCaps: "402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe");
        var d = Only();
        Assert.Equal(DeviceKind.Keyboard, d.Kind);
        Assert.True(d.IsCandidate);
        Assert.True(d.IsBuiltIn);
        Assert.Equal(DeviceBus.I8042, d.Bus);
        Assert.Equal("i8042:0001:0001:isa0060/serio0/input0", d.Identity.Id);
        Assert.Equal(Path.Combine(_fs.Dev, "input", "event2"), d.DevNode);
    }

    [Fact]
    public void Usb_keyboard_is_external_and_keeps_its_report_descriptor()
    {
        _fs.AddDevice(4, "QEMU QEMU USB Keyboard", 0x03, 0x0627, 0x0001, "usb-0000:00:04.0-1/input0",
            reportDescriptor: BootKeyboard);
        var d = Only();
        Assert.Equal(DeviceKind.Keyboard, d.Kind);
        Assert.False(d.IsBuiltIn);
        Assert.Equal("usb:0627:0001:usb-0000:00:04.0-1/input0", d.Identity.Id);
        Assert.Equal(BootKeyboard.Length, d.ReportDescriptor!.Length);
    }

    [Fact]
    public void Spi_apple_internal_keyboard_is_built_in()
    {
        _fs.AddDevice(5, "Apple Internal Keyboard / Trackpad", 0x1c, 0x05ac, 0x0340, "spi-apple");
        var d = Only();
        Assert.Equal(DeviceBus.Spi, d.Bus);
        Assert.True(d.IsBuiltIn);
        Assert.True(d.IsCandidate);
        Assert.Equal((ushort)0x05ac, d.Identity.VendorId);
    }

    [Fact]
    public void A_mouse_is_not_a_keyboard()
    {
        _fs.AddDevice(6, "Logitech USB Optical Mouse", 0x03, 0x046d, 0xc077, keyCaps: "1f0000 0 0 0 0", evCaps: "17");
        Assert.Equal(DeviceKind.NotKeyboard, Only().Kind);
        Assert.False(Only().IsCandidate);
    }

    [Fact]
    public void A_power_button_is_not_a_keyboard_to_seize()
    {
        _fs.AddDevice(0, "Power Button", 0x19, 0x0000, 0x0001, "LNXPWRBN/button/input0", keyCaps: FakeSysfs.KeyCaps([116]), evCaps: "3");
        Assert.False(Only().IsCandidate);
    }

    [Fact]
    public void A_consumer_control_interface_with_media_keys_is_seized_as_media_keys()
    {
        _fs.AddDevice(7, "Keychron Consumer Control", 0x03, 0x3434, 0x0121, keyCaps: FakeSysfs.KeyCaps([113, 114, 115, 163, 164, 165]));
        Assert.Equal(DeviceKind.MediaKeys, Only().Kind);
        Assert.True(Only().IsCandidate);
    }

    [Fact]
    public void Our_own_virtual_keyboard_is_never_a_candidate_even_renamed()
    {
        _fs.AddDevice(8, "Something Else Entirely", 0x03, VirtualKeyboardIdentity.VendorId, VirtualKeyboardIdentity.ProductId);
        _fs.AddDevice(9, "Renamed", 0x06, 0x1111, 0x2222, uniq: VirtualKeyboardIdentity.Uniq);
        var devices = Scanner.Scan();
        Assert.Equal(2, devices.Count);
        Assert.All(devices, d => Assert.True(d.IsOwnVirtualKeyboard));
        Assert.All(devices, d => Assert.False(d.IsCandidate));
    }

    [Fact]
    public void Devices_come_in_numeric_order_and_missing_roots_give_an_empty_list()
    {
        _fs.AddDevice(10, "ten", 3, 1, 1);
        _fs.AddDevice(2, "two", 3, 1, 2);
        Assert.Equal(["event2", "event10"], Scanner.Scan().Select(d => d.EventName));
        Assert.Empty(new InputDeviceScanner(Path.Combine(_fs.Root, "nope"), _fs.Dev).Scan());
    }

    [Fact]
    public void Garbage_attributes_give_blanks_not_exceptions()
    {
        _fs.AddDevice(3, "odd", 3, 1, 1, keyCaps: "not hex at all");
        File.WriteAllText(Path.Combine(_fs.Sys, "class", "input", "event3", "device", "id", "vendor"), "xyz");
        var d = Only();
        Assert.Equal((ushort)0, d.Vendor);
        Assert.Equal(DeviceKind.NotKeyboard, d.Kind);
    }
}
