using System.Text.Json.Nodes;
using Remapper.E2E.Harness;

namespace Remapper.E2E;

/// <summary>Remapper doing its job through the real kernel: physical keyboards in, the virtual keyboard out.</summary>
[Collection(RemappingCollection.Name)]
[Trait("needs", "remapper")]
public sealed class RemappingTests(RemappingGuestFixture fixture, ITestOutputHelper output) : GuestScenario(fixture, output)
{
    [RemapperFact]
    public async Task Caps_lock_on_the_USB_keyboard_comes_out_as_escape_a_plain_key_passes_and_the_physical_node_goes_quiet()
    {
        InputDevice usb = await GuestTool.UsbKeyboardAsync(Guest);
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);
        await using EventReader physical = await GuestTool.ReadEventsAsync(Guest, usb.Node);

        await Guest.TapKeyAsync("caps_lock");
        await Guest.TapKeyAsync("a");

        await output.WaitForAsync("KEY_ESC down", "KEY_ESC up", "KEY_A down", "KEY_A up");
        Assert.DoesNotContain(output.KeyEvents, e => e.StartsWith("KEY_CAPSLOCK", StringComparison.Ordinal));
        // Seized means exclusive: a program reading the physical keyboard itself gets nothing.
        Assert.Empty(physical.KeyEvents);
    }

    [RemapperFact]
    public async Task The_SPI_built_in_keyboard_is_found_classified_built_in_seized_and_remapped()
    {
        await using UhidKeyboard spi = await GuestTool.CreateUhidKeyboardAsync(Guest, "Apple Internal Keyboard / Trackpad", "spi", 0x05ac, 0x0342);

        RemapperStatus devices = await RemapperProcess.QueryAsync(Guest, "devices");
        JsonObject keyboard = devices.Keyboard(spi.Node) ?? throw new Xunit.Sdk.XunitException($"{spi.Node} not listed: {devices}");
        Assert.True(FindBool(keyboard, "isBuiltIn"), $"not classified built-in: {keyboard.ToJsonString()}");
        Assert.True(RemapperStatus.Mentions(keyboard, "Spi") || RemapperStatus.Mentions(keyboard, "spi"), keyboard.ToJsonString());

        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);
        await using EventReader physical = await GuestTool.ReadEventsAsync(Guest, spi.Node);

        await spi.SendAsync("tap caps_lock; tap a");

        await output.WaitForAsync("KEY_ESC down", "KEY_ESC up", "KEY_A down", "KEY_A up");
        Assert.Empty(physical.KeyEvents);
    }

    [RemapperFact]
    public async Task Tap_hold_and_a_layer_work_through_the_kernel()
    {
        // A uhid keyboard, so the timing between presses is made inside the guest and not by the host's round trips.
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Tap-Hold Keyboard", "usb", 0x1234, 0x0010);
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.TapHoldAndLayer);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);

        // Tapped (well inside the 200 ms term): escape.
        await keyboard.SendAsync("tap caps_lock");
        await output.WaitForAsync("KEY_ESC down", "KEY_ESC up");

        // Held far past the term (timing-tolerant: the decision needs only > 200 ms): left control.
        await keyboard.SendAsync("down caps_lock; sleep 700; up caps_lock");
        await output.WaitForAsync("KEY_ESC down", "KEY_ESC up", "KEY_LEFTCTRL down", "KEY_LEFTCTRL up");

        // Held while another key is pressed: control+a.
        await keyboard.SendAsync("down caps_lock; tap a; up caps_lock");
        await output.WaitForAsync("KEY_LEFTCTRL down", "KEY_LEFTCTRL up", "KEY_LEFTCTRL down", "KEY_A down", "KEY_A up", "KEY_LEFTCTRL up");

        // The nav layer while right alt is held; h again afterwards.
        await keyboard.SendAsync("down right_alt; tap h; up right_alt; tap h");
        IReadOnlyList<string> events = await output.WaitForAsync("KEY_LEFT down", "KEY_LEFT up", "KEY_H down", "KEY_H up");

        Assert.DoesNotContain(events, e => e.StartsWith("KEY_CAPSLOCK", StringComparison.Ordinal) || e.StartsWith("KEY_RIGHTALT", StringComparison.Ordinal));
        Assert.Equal(1, events.Count(e => e == "KEY_H down"));
        Assert.Empty(output.HeldKeys());
    }

    [RemapperFact]
    public async Task A_keyboard_plugged_in_after_start_is_seized_and_unplugging_it_mid_press_leaves_nothing_pressed()
    {
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);

        await using UhidKeyboard bluetooth = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Bluetooth Keyboard", "bluetooth", 0x004c, 0x0267);
        // Seized "soon" after it appears: press until the remapped key comes out.
        await Eventually.RepeatUntilAsync(
            () => bluetooth.SendAsync("tap caps_lock"),
            () => output.KeyEvents.Contains("KEY_ESC up"),
            "escape from the hotplugged keyboard's caps lock");
        await using EventReader physical = await GuestTool.ReadEventsAsync(Guest, bluetooth.Node);
        await bluetooth.SendAsync("tap a");
        await output.WaitForAsync("KEY_A down", "KEY_A up");
        Assert.Empty(physical.KeyEvents);

        // Unplugged while caps lock (so escape) is held: escape must be released on the output.
        await bluetooth.SendAsync("down caps_lock");
        await output.WaitForAsync("KEY_A up", "KEY_ESC down");
        await bluetooth.RemoveAsync();

        await output.WaitForAsync("KEY_A up", "KEY_ESC down", "KEY_ESC up");
        Assert.Empty(output.HeldKeys());
        Assert.Empty((await GuestTool.StateAsync(Guest, virtualKeyboard.Node)).Pressed);
        Assert.False(remapper.Job.HasExited, $"remapper exited when a keyboard went away:\n{remapper.Job.Output}");
    }

    [RemapperFact]
    public async Task The_caps_lock_LED_set_on_the_virtual_keyboard_lights_on_the_physical_keyboards()
    {
        InputDevice usb = await GuestTool.UsbKeyboardAsync(Guest);
        InputDevice at = await GuestTool.AtKeyboardAsync(Guest);
        await using UhidKeyboard uhid = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E LED Keyboard", "usb", 0x1234, 0x0011);
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.PassThrough);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);

        // What a desktop does when caps lock toggles: set the LED on the keyboard it typed on (the virtual one).
        await Guest.RunOkAsync($"{Tool} set-led {virtualKeyboard.Node} caps_lock on");

        await uhid.Job.WaitForLineAsync("caps_lock=on", TimeSpan.FromSeconds(20));
        await GuestTool.WaitForDeviceAsync(Guest, d => d.Node == usb.Node && d.Leds.Contains("caps_lock"), "the USB keyboard with caps lock lit");
        await GuestTool.WaitForDeviceAsync(Guest, d => d.Node == at.Node && d.Leds.Contains("caps_lock"), "the AT keyboard with caps lock lit");

        await Guest.RunOkAsync($"{Tool} set-led {virtualKeyboard.Node} caps_lock off");
        await GuestTool.WaitForDeviceAsync(Guest, d => d.Node == usb.Node && !d.Leds.Contains("caps_lock"), "the USB keyboard with caps lock dark");
    }

    [RemapperFact]
    public async Task SIGINT_and_SIGTERM_stop_it_and_give_the_keyboard_back()
    {
        InputDevice usb = await GuestTool.UsbKeyboardAsync(Guest);
        foreach (string signal in new[] { "INT", "TERM" })
        {
            RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
            await RemapperProcess.VirtualKeyboardAsync(Guest);

            int exitCode = await remapper.StopAsync(signal);

            Assert.True(exitCode == 0, $"SIG{signal}: exit status {exitCode}\n{remapper.Job.Output}");
            await GuestTool.WaitForNoDeviceAsync(Guest, d => d.Name == RemapperProcess.VirtualKeyboardName, $"the virtual keyboard after SIG{signal}");
            await using EventReader physical = await GuestTool.ReadEventsAsync(Guest, usb.Node);
            await Guest.TapKeyAsync("a");
            await physical.WaitForAsync("KEY_A down", "KEY_A up");
        }
    }

    private static bool FindBool(JsonNode? node, string name) => node switch
    {
        JsonObject o => (o[name] is JsonValue v && v.TryGetValue(out bool b) && b) || o.Any(p => FindBool(p.Value, name)),
        JsonArray a => a.Any(n => FindBool(n, name)),
        _ => false,
    };
}
