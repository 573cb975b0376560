using Remapper.E2E.Harness;

namespace Remapper.E2E;

/// <summary>
/// The guest and its tooling work on their own, before any Remapper code is involved: if these fail, a failing
/// scenario says nothing about Remapper.
/// </summary>
[Collection(SmokeCollection.Name)]
public sealed class SmokeTests(SmokeGuestFixture fixture, ITestOutputHelper output) : GuestScenario(fixture, output)
{
    [GuestFact]
    public async Task The_guest_has_the_AT_keyboard_and_the_QEMU_USB_keyboard()
    {
        IReadOnlyList<InputDevice> devices = await GuestTool.ListAsync(Guest);
        Output.WriteLine(string.Join('\n', devices));

        Assert.Contains(devices, d => d.Name == "AT Translated Set 2 keyboard" && d.Bus == InputDevice.BusI8042);
        Assert.Contains(devices, d => d.Name == "QEMU QEMU USB Keyboard" && d.Bus == InputDevice.BusUsb);
        Output.WriteLine($"boot took {Guest.BootTime.TotalSeconds:0.0} s");
    }

    [GuestFact]
    public async Task Keys_pressed_over_QMP_arrive_on_the_USB_keyboard_node()
    {
        InputDevice usb = await GuestTool.UsbKeyboardAsync(Guest);
        await using EventReader reader = await GuestTool.ReadEventsAsync(Guest, usb.Node);

        await Guest.TapKeyAsync("a");
        await Guest.TapKeyAsync("caps_lock");

        await reader.WaitForAsync("KEY_A down", "KEY_A up", "KEY_CAPSLOCK down", "KEY_CAPSLOCK up");
    }

    [GuestFact]
    public async Task A_uhid_keyboard_on_the_SPI_bus_appears_and_its_keys_come_out_of_its_node()
    {
        await using UhidKeyboard spi = await GuestTool.CreateUhidKeyboardAsync(Guest, "Apple Internal Keyboard / Trackpad", "spi");
        InputDevice device = await GuestTool.WaitForDeviceAsync(Guest, d => d.Node == spi.Node, $"at {spi.Node}");
        Assert.Equal(InputDevice.BusSpi, device.Bus);
        Assert.Equal(0x05ac, device.Vendor);
        Assert.Equal(0x0342, device.Product);
        Assert.Equal("Apple Internal Keyboard / Trackpad", device.Name);

        await using EventReader reader = await GuestTool.ReadEventsAsync(Guest, spi.Node);
        await spi.SendAsync("down left_shift; tap a; up left_shift; tap caps_lock");
        await reader.WaitForAsync("KEY_LEFTSHIFT down", "KEY_A down", "KEY_A up", "KEY_LEFTSHIFT up", "KEY_CAPSLOCK down", "KEY_CAPSLOCK up");

        await spi.RemoveAsync();
        await GuestTool.WaitForNoDeviceAsync(Guest, d => d.Uniq == spi.Uniq, "the removed uhid keyboard");
    }

    [GuestFact]
    public async Task A_grabbing_reader_takes_the_events_from_a_plain_reader()
    {
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Grab Keyboard", "usb", 0x1234, 0x0001);
        await using EventReader plain = await GuestTool.ReadEventsAsync(Guest, keyboard.Node);
        await using EventReader grabber = await GuestTool.ReadEventsAsync(Guest, keyboard.Node, grab: true);

        await keyboard.SendAsync("tap b");
        await grabber.WaitForAsync("KEY_B down", "KEY_B up");
        await Task.Delay(300);

        Assert.Empty(plain.KeyEvents);
    }

    [GuestFact]
    public async Task An_LED_written_to_a_keyboard_node_reaches_the_device()
    {
        InputDevice usb = await GuestTool.UsbKeyboardAsync(Guest);
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E LED Keyboard", "bluetooth", 0x1234, 0x0002);
        try
        {
            await Guest.RunOkAsync($"{Tool} set-led {usb.Node} caps_lock on && {Tool} set-led {keyboard.Node} caps_lock on");

            InputDevice after = await GuestTool.WaitForDeviceAsync(Guest, d => d.Node == usb.Node, "the USB keyboard");
            Assert.Contains("caps_lock", after.Leds);
            await keyboard.Job.WaitForLineAsync("caps_lock=on");
        }
        finally
        {
            await Guest.RunAsync($"{Tool} set-led {usb.Node} caps_lock off");
        }
    }
}
