using CsCheck;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// timeout() (keyd): a key that becomes its before action if something happens within the time, else its after
/// action; and repeat (QMK, keyd): the last key again with its modifiers. Both leave nothing pressed, allocate
/// nothing per event, and keep their promises across pause, reload and unplug.
/// </summary>
public class TimeoutRepeatTests
{
    private static readonly Usage Equal = K(0x2E), F1 = K(0x3A), F2 = K(0x3B);

    private static EngineRig Rig(string toml) => new(KeymapAssert.Valid(toml));

    private const string TimeoutKeymap = """
        [remap]
        equal_sign = { timeout_ms = 300, before = "a", after = "b" }
        """;

    [Fact]
    public void Released_before_the_time_it_taps_before_and_held_past_it_holds_after()
    {
        var rig = Rig(TimeoutKeymap).Down(Equal).Wait(299).Up(Equal);
        Assert.Equal([$"{A} down", $"{A} up"], rig.Output.Log);
        rig.Output.Log.Clear();
        rig.Down(Equal).Wait(300);
        Assert.Equal([$"{B} down"], rig.Output.Log);
        rig.Wait(500).Up(Equal);
        Assert.Equal([$"{B} down", $"{B} up"], rig.Settle());
    }

    [Fact]
    public void Another_key_pressed_within_the_time_decides_before_and_it_is_held_with_the_key()
    {
        var rig = Rig(TimeoutKeymap).Down(Equal).Wait(100).Down(X).Wait(200).Up(Equal).Up(X);
        Assert.Equal([$"{A} down", $"{X} down", $"{A} up", $"{X} up"], rig.Settle());
    }

    [Fact]
    public void Another_keys_release_does_not_decide()
    {
        var rig = Rig(TimeoutKeymap).Down(X).Down(Equal).Up(X).Wait(300);
        Assert.Equal([$"{X} down", $"{X} up", $"{B} down"], rig.Output.Log);
        rig.Up(Equal);
        Assert.Equal([$"{X} down", $"{X} up", $"{B} down", $"{B} up"], rig.Settle());
    }

    [Fact]
    public void Tapped_at_one_instant_it_waits_for_the_next_key_or_the_time()
    {
        var rig = Rig(TimeoutKeymap).Tap(Equal).Wait(299).Tap(X);
        Assert.Equal([$"{A} down", $"{A} up", $"{X} down", $"{X} up"], rig.Settle());
        rig.Output.Log.Clear();
        rig.Tap(Equal).Wait(300);
        Assert.Equal([$"{B} down", $"{B} up"], rig.Output.Log);
    }

    [Fact]
    public void Timeouts_nest_and_an_overload_can_be_chosen()
    {
        var rig = Rig("""
            [remap]
            left_arrow = { timeout_ms = 100, before = "a", after = { timeout_ms = 200, before = "b", after = "c" } }
            f1 = { timeout_ms = 2, before = { tap = "a", hold = "left_control", mode = "overload", term_ms = 5 }, after = "b" }
            """);
        rig.Down(K(0x50)).Wait(299).Up(K(0x50)).Down(K(0x50)).Wait(300).Up(K(0x50));
        Assert.Equal([$"{B} down", $"{B} up", $"{C} down", $"{C} up"], rig.Settle());
        rig.Output.Log.Clear();
        rig.Down(F1).Down(X).Up(X).Up(F1).Down(F1).Wait(1).Up(F1);
        Assert.Equal([$"{LCtrl} down", $"{X} down", $"{X} up", $"{LCtrl} up", $"{LCtrl} down", $"{LCtrl} up", $"{A} down", $"{A} up"], rig.Settle());
    }

    [Fact]
    public void As_the_tap_of_a_tap_hold_it_waits_after_the_tap()
    {
        var rig = Rig("""
            [remap]
            delete_forward = { tap = { timeout_ms = 100, before = "a", after = "b" }, hold = "left_control", mode = "hold_on_timeout", term_ms = 100, quick_tap_ms = 0 }
            """);
        var del = K(0x4C);
        rig.Down(del).Wait(99).Up(del).Down(del).Wait(99).Up(del).Wait(100).Tap(X);
        Assert.Equal([$"{A} down", $"{A} up", $"{B} down", $"{B} up", $"{X} down", $"{X} up"], rig.Settle());
    }

    [Fact]
    public void Unplugged_or_paused_while_waiting_nothing_is_typed()
    {
        var rig = Rig(TimeoutKeymap);
        int kb = rig.Engine.AttachDevice(new KeyboardIdentity("usb:1", "kb", DeviceBus.Usb, 1, 1));
        rig.Down(Equal, kb);
        rig.Engine.DetachDevice(kb, 0);
        rig.Down(Equal);
        rig.Engine.SetPaused(true);
        rig.Engine.SetPaused(false);
        rig.Up(Equal);
        Assert.Empty(rig.Settle());
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void A_waiting_one_shot_modifier_applies_to_the_chosen_key()
    {
        var rig = Rig("""
            [remap]
            f2 = "oneshot(left_shift)"
            equal_sign = { timeout_ms = 300, before = "a", after = "b" }
            """).Tap(F2).Down(Equal).Wait(10).Up(Equal);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{A} up", $"{LShift} up"], rig.Settle());
    }

    private const string RepeatKeymap = """
        [remap]
        f1 = "repeat"
        """;

    [Fact]
    public void Repeat_types_the_last_key_again_with_its_modifiers()
    {
        var rig = Rig(RepeatKeymap).Tap(X).Tap(F1);
        Assert.Equal([$"{X} down", $"{X} up", $"{X} down", $"{X} up"], rig.Output.Log);
        rig.Output.Log.Clear();
        rig.Down(LCtrl).Tap(C).Up(LCtrl).Tap(F1);
        Assert.Equal([$"{LCtrl} down", $"{C} down", $"{C} up", $"{LCtrl} up", $"{LCtrl} down", $"{C} down", $"{C} up", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void Repeat_releases_what_it_pressed_even_if_another_key_was_typed_meanwhile()
    {
        var rig = Rig(RepeatKeymap).Tap(X).Down(F1).Tap(C).Up(F1);
        Assert.Equal([$"{X} down", $"{X} up", $"{X} down", $"{C} down", $"{C} up", $"{X} up"], rig.Settle());
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void Repeat_with_nothing_typed_yet_does_nothing()
    {
        var rig = Rig(RepeatKeymap).Tap(F1);
        Assert.Empty(rig.Settle());
    }

    [Fact]
    public void The_keymap_reports_a_waiting_tap_hold_in_a_timeout()
    {
        KeymapAssert.SingleError("""
            [remap]
            a = { timeout_ms = 100, before = { tap = "a", hold = "left_control" }, after = "b" }
            """, 2, 34, "can't be the before of a timeout");
    }

    [Fact]
    public void With_expired_term_next_event_a_tap_hold_reached_after_its_term_decides_at_the_next_event()
    {
        const string keymap = """
            [remap]
            o = { tap = "a", hold = "left_control", mode = "hold_on_timeout", term_ms = 10, quick_tap_ms = 0, replay = "under_tap", expired_term = "next_event" }
            semicolon = { tap = "b", hold = "left_shift", mode = "hold_on_timeout", term_ms = 10, quick_tap_ms = 0, replay = "under_tap", expired_term = "next_event" }
            """;
        var o = K(0x12);
        var semicolon = K(0x33);
        var rig = Rig(keymap).Down(o).Down(semicolon).Wait(11);
        Assert.Equal([$"{LCtrl} down"], rig.Output.Log);
        rig.Up(o).Up(semicolon);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{LShift} down", $"{LShift} up"], rig.Settle());
        // By default the term decides at once: shift goes down with control.
        var native = Rig(keymap.Replace(", expired_term = \"next_event\"", "")).Down(o).Down(semicolon).Wait(11);
        Assert.Equal([$"{LCtrl} down", $"{LShift} down"], native.Output.Log);
    }

    private static readonly Usage[] Pool = RandomTyping.Pool;

    /// <summary>The random keymap of <see cref="EngineInvariantTests"/>, with some keys bound to timeouts and repeat.</summary>
    private static KeymapModel BuildKeymap(int[] genome, int[] combos, int[] extra)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        var remap = model.Remap.ToList();
        for (int i = 0; i + 1 < extra.Length; i += 2)
        {
            var key = Pool[extra[i] % Pool.Length];
            int arg = extra[i + 1];
            ActionModel Step(int n) => (n % 5) switch
            {
                0 => Chord(Pool[n % Pool.Length]),
                1 => Chord(LShift, Pool[n % Pool.Length]),
                2 => new LayerAction(LayerActionKind.OneShot, "base", At, [LCtrl]),
                3 => TapHold(Chord(Esc), Chord(LAlt), HoldMode.Overload, 50),
                _ => Layer("nav"),
            };
            ActionModel action = (arg % 5) switch
            {
                0 => new RepeatAction(At),
                4 => TapHold(Chord(Pool[arg % Pool.Length]), Layer("sym"), HoldMode.HoldOnTimeout, 20 + arg % 60, 0) with
                {
                    Options = new TapHoldOptions { ExpiredTermAtNextEvent = true, ReplayUnderTap = arg % 2 == 0 },
                },
                1 => new TimeoutAction(Step(arg / 4), 20 + arg % 200, Step(arg / 7), At),
                2 => new TimeoutAction(new TimeoutAction(Step(arg / 3), 30, Step(arg / 5), At), 50 + arg % 100, Step(arg / 11), At),
                _ => TapHold(new TimeoutAction(Step(arg / 4), 40, new RepeatAction(At), At), Chord(LShift), (HoldMode)(arg % 3), 120),
            };
            remap.RemoveAll(b => b.From.Count == 1 && b.From[0] == key);
            remap.Add(Bind(key, action));
        }
        return model with { Remap = remap };
    }

    private static readonly Gen<(int[] Genome, int[] Combos, int[] Extra, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 24],
            Gen.Int[0, 999].Array[0, 6],
            Gen.Int[0, 999].Array[2, 12],
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 1], Gen.Int[0, 260]).Array[1, 100]);

    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, int[] extra, (int Key, int Device, int Wait)[] events) =>
        RandomTyping.Run(BuildKeymap, genome, combos, extra, events, 60_000_000);

    [Fact]
    public void Nothing_stays_pressed_with_timeouts_and_repeat_in_the_keymap()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Extra, c.Events);
            RandomTyping.AssertNothingStaysPressed(output, engine);
        }, iter: 1500);
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_output()
    {
        Cases.Sample(c =>
        {
            var (first, _) = Run(c.Genome, c.Combos, c.Extra, c.Events);
            var (second, _) = Run(c.Genome, c.Combos, c.Extra, c.Events);
            Assert.Equal(first.TimedLog, second.TimedLog);
        }, iter: 200);
    }

    [Fact]
    public void Typing_through_timeouts_and_repeat_allocates_nothing()
    {
        var output = new AllocationDrive.CountingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(KeymapAssert.Valid("""
            [remap]
            f1 = "repeat"
            equal_sign = { timeout_ms = 100, before = "a", after = { timeout_ms = 50, before = "b", after = "layer(nav)" } }
            f2 = { tap = { timeout_ms = 30, before = "c", after = "repeat" }, hold = "left_control", mode = "hold_on_timeout", term_ms = 100 }
            [layer.nav]
            h = "left_arrow"
            """)), output);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        var pattern = AllocationDrive.Events(device,
        [
            (X, true, 20), (X, false, 20), (F1, true, 20), (F1, false, 20),                 // repeat x
            (LCtrl, true, 10), (C, true, 10), (C, false, 10), (LCtrl, false, 10), (F1, true, 20), (F1, false, 20),
            (Equal, true, 20), (Equal, false, 50),                                            // before: a
            (Equal, true, 20), (X, true, 20), (X, false, 10), (Equal, false, 20),              // decided by x
            (Equal, true, 20), (Equal, false, 120),                                           // after: the inner timeout, b
            (Equal, true, 20), (H, true, 200), (H, false, 10), (Equal, false, 20),             // after, after: nav
            (F2, true, 20), (F2, false, 10), (X, true, 5), (X, false, 10),                      // tapped: c before x
            (F2, true, 20), (F2, false, 60),                                                  // tapped: repeat at its time
            (F2, true, 20), (F2, false, 150),                                                 // held: control
        ]);
        long allocated = AllocationDrive.BytesAllocated(engine, pattern, 50_000);
        Assert.Equal(0, allocated);
        Assert.True(output.Changes > 50_000, $"the pattern should type a lot, got {output.Changes} changes");
    }
}
