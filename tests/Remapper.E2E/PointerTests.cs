using Remapper.E2E.Harness;

namespace Remapper.E2E;

/// <summary>
/// Mouse keys through the real kernel: keys on a keyboard in, REL_X/REL_Y and BTN_LEFT out of the virtual pointer's
/// own evdev node (a device beside the virtual keyboard).
/// </summary>
[Collection(RemappingCollection.Name)]
[Trait("needs", "remapper")]
public sealed class PointerTests(RemappingGuestFixture fixture, ITestOutputHelper output) : GuestScenario(fixture, output)
{
    /// <summary>Keymaps.MouseLayer's constant step.</summary>
    private const int Step = 10;

    [RemapperFact]
    public async Task A_mouse_layer_moves_the_virtual_pointer_the_expected_way_and_amount_and_clicks_its_left_button()
    {
        // A uhid keyboard, so how long a key is held is timed inside the guest, not by the host's round trips.
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Mouse Keys Keyboard", "usb", 0x1234, 0x0020);
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.MouseLayer);
        InputDevice pointer = await RemapperProcess.VirtualPointerAsync(Guest);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        Assert.NotEqual(virtualKeyboard.Node, pointer.Node);
        await using EventReader motion = await GuestTool.ReadEventsAsync(Guest, pointer.Node, rel: true);

        // Right for 300 ms: a step at once, the next after 20 ms, then one every 20 ms: about 16 steps of +10.
        await keyboard.SendAsync("down right_alt; down l; sleep 300; up l");
        await Eventually.RepeatUntilAsync(() => Task.CompletedTask, () => motion.RelEvents.Count(e => e.Axis == "REL_X") >= 3, "REL_X from l");
        await Task.Delay(500);
        var right = motion.RelEvents;
        Assert.All(right, e => Assert.Equal(("REL_X", Step), e));
        // About the amount: a step at the press and one per 20 ms held. The engine counts the hold by the kernel's
        // time stamps of the key events, and under emulation `sleep 300` can last longer: allow up to twice as long.
        Assert.InRange(right.Count, 3, 2 * 300 / 20 + 2);

        // Up: negative REL_Y only.
        int before = right.Count;
        await keyboard.SendAsync("down k; sleep 200; up k");
        await Eventually.RepeatUntilAsync(() => Task.CompletedTask, () => motion.RelEvents.Count > before + 2, "REL_Y from k");
        await Task.Delay(500);
        var up = motion.RelEvents.Skip(before).ToList();
        Assert.All(up, e => Assert.Equal(("REL_Y", -Step), e));
        Assert.InRange(up.Count, 3, 2 * 200 / 20 + 2);

        // Nothing moves once the keys are up.
        int settled = motion.RelEvents.Count;
        await Task.Delay(700);
        Assert.Equal(settled, motion.RelEvents.Count);

        // A click: BTN_LEFT down and up on the pointer, and nothing on the keyboard.
        await using EventReader typed = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node);
        await keyboard.SendAsync("tap f; up right_alt");
        await motion.WaitForAsync("BTN_LEFT down", "BTN_LEFT up");
        await keyboard.SendAsync("tap a");
        await typed.WaitForAsync("KEY_A down", "KEY_A up");
        Assert.DoesNotContain(typed.KeyEvents, e => e.StartsWith("KEY_F ", StringComparison.Ordinal) || e.StartsWith("BTN_", StringComparison.Ordinal));
    }

    [RemapperFact]
    public async Task Unplugging_the_keyboard_mid_drag_releases_the_button_and_stops_the_pointer()
    {
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.MouseLayer);
        InputDevice pointer = await RemapperProcess.VirtualPointerAsync(Guest);
        await using EventReader motion = await GuestTool.ReadEventsAsync(Guest, pointer.Node, rel: true);
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Mouse Unplug Keyboard", "usb", 0x1234, 0x0021);
        // Seized "soon" after it appears: click until the button comes out.
        await Eventually.RepeatUntilAsync(
            () => keyboard.SendAsync("down right_alt; tap f; up right_alt"),
            () => motion.KeyEvents.Contains("BTN_LEFT up"),
            "a click from the hotplugged keyboard");

        await keyboard.SendAsync("down right_alt; down f; down j");
        await motion.WaitForAsync("BTN_LEFT down", "BTN_LEFT up", "BTN_LEFT down");
        await Eventually.RepeatUntilAsync(() => Task.CompletedTask, () => motion.RelEvents.Any(e => e.Axis == "REL_Y"), "REL_Y while dragging");
        await keyboard.RemoveAsync();

        await motion.WaitForAsync("BTN_LEFT down", "BTN_LEFT up", "BTN_LEFT down", "BTN_LEFT up");
        Assert.All(motion.RelEvents, e => Assert.Equal(("REL_Y", Step), e));
        int settled = motion.RelEvents.Count;
        await Task.Delay(700);
        Assert.Equal(settled, motion.RelEvents.Count);
        Assert.Empty(motion.HeldKeys());
        Assert.Empty((await GuestTool.StateAsync(Guest, pointer.Node)).Pressed);
        Assert.False(remapper.Job.HasExited, $"remapper exited when a keyboard went away:\n{remapper.Job.Output}");
    }
}
