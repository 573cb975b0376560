using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>macro(), text() and unicode() as a user meets them: what comes out, when, and that nothing is left down.</summary>
public class MacroTests
{
    private static readonly Usage F1 = K(0x3A), F2 = K(0x3B), V = K(0x19), I = K(0x0C), U = K(0x18), E = K(0x08),
        Nine = K(0x26), One = K(0x1E), Minus = K(0x2D), Y = K(0x1C), Z = K(0x1D);

    private static EngineRig Rig(string remap, string settings = "") =>
        new(KeymapAssert.Valid($"[settings]\n{settings}\n[remap]\n{remap}\n"));

    [Fact]
    public void Copy_wait_paste_types_each_chord_at_its_time_on_the_engine_clock()
    {
        var rig = Rig("f1 = 'macro(\"ctrl+c\", 50ms, \"ctrl+v\")'");
        rig.Down(F1).Wait(10).Up(F1).Wait(100);
        Assert.Equal(
        [
            $"{LCtrl} down @0ms", $"{C} down @0ms", $"{C} up @0ms", $"{LCtrl} up @0ms",
            $"{LCtrl} down @50ms", $"{V} down @50ms", $"{V} up @50ms", $"{LCtrl} up @50ms",
        ], rig.Output.TimedLog);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void Text_is_typed_through_the_us_layout_with_shift_where_needed()
    {
        var rig = Rig("f1 = 'text(\"Hi!\")'");
        rig.Tap(F1);
        Assert.Equal(
        [
            $"{LShift} down", $"{H} down", $"{H} up", $"{LShift} up",
            $"{I} down", $"{I} up",
            $"{LShift} down", $"{One} down", $"{One} up", $"{LShift} up",
        ], rig.Settle());
    }

    [Fact]
    public void A_held_shift_does_not_turn_text_into_capitals_and_is_held_again_afterwards()
    {
        var rig = Rig("f1 = 'text(\"hi\")'");
        rig.Down(LShift).Tap(F1);
        Assert.Equal([$"{LShift} down", $"{LShift} up", $"{H} down", $"{H} up", $"{I} down", $"{I} up", $"{LShift} down"], rig.Output.Log);
        rig.Tap(A);
        Assert.Contains($"{A} down", rig.Output.Log); // typed with shift still down: the user's shift works again
        Assert.True(rig.Engine.IsOutputDown(LShift));
    }

    [Fact]
    public void A_held_control_does_not_reach_the_chords_of_a_macro()
    {
        var rig = Rig("f1 = 'macro(\"v\")'");
        rig.Down(LCtrl).Tap(F1).Up(LCtrl);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{V} down", $"{V} up", $"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void Text_letters_come_out_as_written_while_caps_lock_is_on()
    {
        var rig = Rig("f1 = 'text(\"aB\")'");
        rig.Engine.SetCapsLockState(true);
        rig.Tap(F1);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{A} up", $"{LShift} up", $"{B} down", $"{B} up"], rig.Settle());
    }

    [Fact]
    public void Unicode_goes_through_ctrl_shift_u_hex_and_space_by_default()
    {
        var rig = Rig("f1 = 'unicode(\"é\")'");
        rig.Tap(F1);
        Assert.Equal(
        [
            $"{LCtrl} down", $"{LShift} down", $"{U} down", $"{U} up", $"{LShift} up", $"{LCtrl} up",
            $"{E} down", $"{E} up", $"{Nine} down", $"{Nine} up", $"{Space} down", $"{Space} up",
        ], rig.Settle());
    }

    [Fact]
    public void Unicode_on_macos_holds_option_over_four_hex_digits_per_utf16_unit()
    {
        var rig = Rig("f1 = 'unicode(\"😀\")'", "unicode_input = \"macos_hex\"");
        rig.Tap(F1);
        // U+1F600 is d83d de00 in UTF-16.
        var log = rig.Settle();
        Assert.Equal($"{LAlt} down", log[0]);
        Assert.Equal($"{LAlt} up", log[^1]);
        var digits = string.Concat(log.Where(l => l.EndsWith(" down") && l != $"{LAlt} down").Select(l => l.Split(' ')[0]));
        Assert.Equal(string.Concat("d83dde00".Select(c => UsLayout.TryGetKey(c, out var k, out _) ? k.ToString() : "?")), digits);
    }

    [Fact]
    public void Repeat_plays_again_after_the_gap_while_held_and_stops_at_release()
    {
        var rig = Rig("f1 = 'macro(\"a\", 100ms, \"b\", repeat=20ms)'");
        rig.Down(F1).Wait(230).Up(F1).Wait(1000);
        Assert.Equal(
        [
            $"{A} down @0ms", $"{A} up @0ms", $"{B} down @100ms", $"{B} up @100ms",
            $"{A} down @120ms", $"{A} up @120ms", $"{B} down @220ms", $"{B} up @220ms",
            // released at 230ms, in the gap before the third run: no third run
        ], rig.Output.TimedLog);
    }

    [Fact]
    public void Released_early_a_macro_still_runs_to_its_end_unless_cancel_on_release()
    {
        var plain = Rig("f1 = 'macro(\"a\", 100ms, \"b\")'");
        plain.Down(F1).Wait(10).Up(F1);
        Assert.Equal([$"{A} down", $"{A} up", $"{B} down", $"{B} up"], plain.Settle());

        var cancel = Rig("f1 = 'macro(\"a\", 100ms, \"b\", cancel_on_release)'");
        cancel.Down(F1).Wait(10).Up(F1);
        Assert.Equal([$"{A} down", $"{A} up"], cancel.Settle());
    }

    [Fact]
    public void Cancel_on_press_stops_at_another_key_which_still_types()
    {
        var rig = Rig("f1 = 'macro(\"a\", 100ms, \"b\", cancel_on_press)'");
        rig.Tap(F1).Wait(30).Tap(X);
        Assert.Equal([$"{A} down", $"{A} up", $"{X} down", $"{X} up"], rig.Settle());
    }

    [Fact]
    public void A_second_macro_waits_for_the_first_so_their_output_never_interleaves()
    {
        var rig = Rig("f1 = 'macro(\"a\", 100ms, \"b\")'\nf2 = 'text(\"yz\")'");
        rig.Tap(F1).Wait(20).Tap(F2).Wait(200);
        Assert.Equal(
        [
            $"{A} down @0ms", $"{A} up @0ms", $"{B} down @100ms", $"{B} up @100ms",
            $"{Y} down @100ms", $"{Y} up @100ms", $"{Z} down @100ms", $"{Z} up @100ms",
        ], rig.Output.TimedLog);
    }

    [Fact]
    public void Pause_in_the_middle_of_a_macro_stops_it_and_leaves_nothing_down()
    {
        var rig = Rig("f1 = 'macro(\"a\", 100ms, \"b\", 100ms, \"c\")'");
        rig.Tap(F1).Wait(50);
        rig.Engine.SetPaused(true);
        rig.Wait(500);
        Assert.Equal([$"{A} down", $"{A} up"], rig.Output.Log);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
        Assert.Equal(long.MaxValue, rig.Engine.NextDeadlineUs);
    }

    [Fact]
    public void Reloading_the_keymap_stops_a_running_macro()
    {
        var rig = Rig("f1 = 'macro(\"a\", 100ms, \"b\")'");
        rig.Tap(F1).Wait(50);
        rig.Engine.ReplaceKeymap(Remapper.Core.Engine.CompiledKeymap.Compile(KeymapAssert.Valid("[remap]\n")));
        Assert.Equal([$"{A} down", $"{A} up"], rig.Settle());
    }

    [Fact]
    public void Unplugging_the_keyboard_stops_the_macros_its_keys_started()
    {
        var rig = Rig("f1 = 'macro(\"a\", 100ms, \"b\", repeat)'");
        int slot = rig.Engine.AttachDevice(new Remapper.Core.Devices.KeyboardIdentity("usb", "USB Keyboard", Remapper.Core.Devices.DeviceBus.Usb, 1, 1));
        rig.Down(F1, slot).Wait(150);
        rig.Engine.DetachDevice(slot, 150_000);
        // Repeating with no gap: the second run started at 100ms; at 150ms it waits, and the unplug ends it.
        Assert.Equal([$"{A} down", $"{A} up", $"{B} down", $"{B} up", $"{A} down", $"{A} up"], rig.Settle());
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void A_key_the_user_holds_that_the_macro_also_types_is_still_held_afterwards()
    {
        var rig = Rig("f1 = 'text(\"a\")'");
        rig.Down(A).Tap(F1);
        Assert.True(rig.Engine.IsOutputDown(A));
        rig.Up(A);
        Assert.Equal([$"{A} down", $"{A} up", $"{A} down", $"{A} up"], rig.Settle());
    }

    [Fact]
    public void Text_as_the_tap_of_a_tap_hold()
    {
        var rig = Rig("caps_lock = { tap = 'text(\"ok\")', hold = \"left_control\" }");
        rig.Down(Caps).Wait(50).Up(Caps);
        Assert.Equal([$"{K(0x12)} down", $"{K(0x12)} up", $"{KK} down", $"{KK} up"], rig.Settle());
    }
}
