using System.Text.Json.Nodes;
using Remapper.E2E.Harness;

namespace Remapper.E2E;

/// <summary>
/// The situations the protected-access detector exists for, and the daemon dying: each must leave the user
/// with a working keyboard and a precise answer.
/// </summary>
[Collection(AdverseCollection.Name)]
[Trait("needs", "remapper")]
public sealed class AdverseTests(AdverseGuestFixture fixture, ITestOutputHelper output) : GuestScenario(fixture, output)
{
    private const string AppleInternal = "Apple Internal Keyboard / Trackpad";

    [RemapperFact]
    public async Task As_an_unprivileged_user_the_USB_keyboard_is_remapped_and_the_built_in_one_is_reported_AccessDenied()
    {
        InputDevice usb = await GuestTool.UsbKeyboardAsync(Guest);
        await using UhidKeyboard spi = await GuestTool.CreateUhidKeyboardAsync(Guest, AppleInternal, "spi", 0x05ac, 0x0342);
        // The user may use the USB keyboard and uhid (as a udev ACL would grant); the built-in keyboards' nodes stay root-only.
        await Guest.RunOkAsync($"chown 1000 {usb.Node} && chmod 666 /dev/uhid && ls -l {usb.Node} {spi.Node} /dev/uhid");

        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape, RemapperProcess.AsUnprivilegedUser);
        Assert.Equal("uhid", remapper.OutputKind);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);

        await Guest.TapKeyAsync("caps_lock");
        await output.WaitForAsync("KEY_ESC down", "KEY_ESC up");
        Assert.False(remapper.Job.HasExited, "a denied keyboard stopped the daemon");

        RemapperStatus devices = await RemapperProcess.QueryAsync(Guest, "devices", RemapperProcess.AsUnprivilegedUser);
        Assert.Equal("AccessDenied", devices.StateOf(spi.Node));
        JsonObject denied = devices.Keyboard(spi.Node)!;
        // The cause: EACCES on that node, which belongs to root with mode 0600.
        Assert.True(RemapperStatus.HasObject(denied, o => RemapperStatus.HasNumber(o, "errno", 13))
                    || RemapperStatus.Mentions(denied, "EACCES") || RemapperStatus.Mentions(denied, "ermission denied"),
            $"no EACCES cause in {denied.ToJsonString()}");
        Assert.True(RemapperStatus.Mentions(denied, "root"), $"the node's owner is not named in {denied.ToJsonString()}");
        Assert.NotEqual(0, devices.ExitCode);

        RemapperStatus doctor = await RemapperProcess.QueryAsync(Guest, "doctor", RemapperProcess.AsUnprivilegedUser);
        Assert.Equal("AccessDenied", doctor.StateOf(spi.Node));
        Assert.NotEqual(0, doctor.ExitCode);
    }

    [RemapperFact]
    public async Task A_keyboard_grabbed_by_another_program_is_Busy_with_its_pid_and_name_and_seized_once_it_exits()
    {
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Busy Keyboard", "usb", 0x1234, 0x0020);
        EventReader grabber = await GuestTool.ReadEventsAsync(Guest, keyboard.Node, grab: true);
        int holder = grabber.Job.Pid;

        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);

        RemapperStatus devices = await RemapperProcess.QueryAsync(Guest, "devices");
        Assert.Equal("Busy", devices.StateOf(keyboard.Node));
        JsonObject busy = devices.Keyboard(keyboard.Node)!;
        Assert.True(RemapperStatus.HasObject(busy, o => RemapperStatus.HasNumber(o, "pid", holder)), $"holder pid {holder} not in {busy.ToJsonString()}");
        Assert.True(RemapperStatus.Mentions(busy, "e2e-guest"), $"holder name not in {busy.ToJsonString()}");
        // The daemon itself says so too, naming the holder.
        await remapper.Job.WaitForLineAsync(l => l.Contains("Busy", StringComparison.Ordinal) && l.Contains(holder.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            $"a Busy report naming pid {holder}");

        await keyboard.SendAsync("tap b");
        await grabber.WaitForAsync("KEY_B down", "KEY_B up");
        Assert.Empty(output.KeyEvents);

        await grabber.Job.StopAsync();
        await Eventually.RepeatUntilAsync(
            () => keyboard.SendAsync("tap caps_lock"),
            () => output.KeyEvents.Contains("KEY_ESC up"),
            "escape from the keyboard once the other program let go");
    }

    [RemapperFact]
    public async Task Killed_with_SIGKILL_mid_press_nothing_stays_pressed_and_a_restart_works()
    {
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Crash Keyboard", "usb", 0x1234, 0x0030);
        RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);

        await keyboard.SendAsync("down caps_lock");
        await output.WaitForAsync("KEY_ESC down");
        await remapper.Job.SignalAsync("KILL");
        Assert.Equal(128 + 9, await remapper.Job.WaitForExitAsync());

        await GuestTool.WaitForNoDeviceAsync(Guest, d => d.Name == RemapperProcess.VirtualKeyboardName, "the virtual keyboard after SIGKILL");
        await output.Job.WaitForLineAsync("# gone");
        Assert.Empty(output.HeldKeys());
        foreach (InputDevice device in await GuestTool.ListAsync(Guest))
        {
            // Only the physical key the test still holds may be down anywhere.
            IReadOnlyList<string> expected = device.Node == keyboard.Node ? ["KEY_CAPSLOCK"] : [];
            Assert.True(expected.SequenceEqual(device.Pressed), $"{device}: held {string.Join(',', device.Pressed)}");
        }

        // The grab died with the process: the keyboard types directly again.
        await using (EventReader physical = await GuestTool.ReadEventsAsync(Guest, keyboard.Node))
        {
            await keyboard.SendAsync("up caps_lock");
            await physical.WaitForAsync("KEY_CAPSLOCK up");
        }

        await using RemapperProcess restarted = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice newVirtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader newOutput = await GuestTool.ReadEventsAsync(Guest, newVirtualKeyboard.Node);
        await keyboard.SendAsync("tap caps_lock");
        await newOutput.WaitForAsync("KEY_ESC down", "KEY_ESC up");
    }

    [RemapperFact]
    public async Task Without_uhid_the_uinput_fallback_is_used_and_the_remap_still_works()
    {
        await Guest.RunOkAsync("rm /dev/uhid");

        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        Assert.Equal("uinput", remapper.OutputKind);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader output = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);

        await Guest.TapKeyAsync("caps_lock");
        await Guest.TapKeyAsync("a");
        await output.WaitForAsync("KEY_ESC down", "KEY_ESC up", "KEY_A down", "KEY_A up");
    }
}
