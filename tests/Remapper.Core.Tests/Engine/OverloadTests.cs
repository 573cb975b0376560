using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>keyd's overload(): the hold at once on press, the tap on release only if no other key came between.</summary>
public class OverloadTests
{
    private static EngineRig CapsOverload(int? term = null) =>
        new(Model(remap: [Bind(Caps, TapHold(Chord(Esc), Chord(LCtrl), HoldMode.Overload, term))]));

    [Fact]
    public void The_hold_is_down_at_the_press_and_a_lone_release_taps_after_it()
    {
        var rig = new EngineRig(Model(remap: [Bind(Caps, TapHold(Chord(Esc), Chord(LCtrl), HoldMode.Overload))])).Down(Caps);
        Assert.Equal([$"{LCtrl} down @0ms"], rig.Output.TimedLog);
        rig.Wait(3000).Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{Esc} down", $"{Esc} up"], rig.Settle());
    }

    [Fact]
    public void Another_key_is_typed_with_the_hold_at_once_and_the_release_taps_nothing()
    {
        var rig = CapsOverload().Down(Caps).Wait(10).Down(C);
        Assert.Equal([$"{LCtrl} down @0ms", $"{C} down @10ms"], rig.Output.TimedLog);
        rig.Up(C).Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{C} down", $"{C} up", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void A_key_pressed_before_and_released_during_it_does_not_stop_the_tap()
    {
        var rig = CapsOverload().Down(C).Down(Caps).Up(C).Up(Caps);
        Assert.Equal([$"{C} down", $"{LCtrl} down", $"{C} up", $"{LCtrl} up", $"{Esc} down", $"{Esc} up"], rig.Settle());
    }

    [Fact]
    public void Held_for_its_term_or_longer_the_release_taps_nothing()
    {
        var rig = CapsOverload(term: 5).Down(Caps).Wait(5).Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
        rig.Output.Log.Clear();
        rig.Down(Caps).Wait(4).Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{Esc} down", $"{Esc} up"], rig.Settle());
    }

    [Fact]
    public void Unplugged_while_held_it_lets_go_of_the_hold_and_types_nothing()
    {
        var rig = CapsOverload();
        int kb = rig.Engine.AttachDevice(new KeyboardIdentity("usb:1", "kb", DeviceBus.Usb, 1, 1));
        rig.Down(Caps, kb);
        rig.Engine.DetachDevice(kb, 1000);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void Paused_while_held_nothing_stays_down_and_the_later_release_taps_nothing()
    {
        var rig = CapsOverload().Down(Caps);
        rig.Engine.SetPaused(true);
        rig.Engine.SetPaused(false);
        rig.Up(Caps);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void The_keymap_spelling_is_mode_overload_and_it_types_the_same()
    {
        var model = KeymapAssert.Valid("""
            [remap]
            caps_lock = { tap = "escape", hold = "left_control", mode = "overload" }
            """);
        var rig = new EngineRig(model).Tap(Caps);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{Esc} down", $"{Esc} up"], rig.Settle());
    }

    private sealed class CountingOutput : IKeyOutput
    {
        public int Changes;
        public void Send(Usage usage, bool down) => Changes++;
    }

    [Fact]
    public void Typing_through_overload_keys_allocates_nothing()
    {
        var output = new CountingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(KeymapAssert.Valid("""
            [remap]
            caps_lock = { tap = "escape", hold = "layer(nav)", mode = "overload", term_ms = 200 }
            [layer.nav]
            h = "left_arrow"
            """)), output);
        int kb = engine.AttachDevice(new KeyboardIdentity("usb:1", "kb", DeviceBus.Usb, 1, 1));
        long t = 0;
        void Drive(int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                engine.Process(new KeyEvent(kb, Caps, true, t += 10_000));
                engine.Process(new KeyEvent(kb, Caps, false, t += 10_000));          // tap: escape
                engine.Process(new KeyEvent(kb, Caps, true, t += 10_000));
                engine.Process(new KeyEvent(kb, H, true, t += 10_000));              // hold: left_arrow
                engine.Process(new KeyEvent(kb, H, false, t += 10_000));
                engine.Process(new KeyEvent(kb, Caps, false, t += 10_000));
                engine.Process(new KeyEvent(kb, Caps, true, t += 10_000));
                engine.Process(new KeyEvent(kb, Caps, false, t += 300_000));         // past the term: nothing
            }
        }
        Drive(200); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        Drive(5000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(output.Changes >= 5000 * 4, $"the pattern should type escape and left_arrow, got {output.Changes} changes");
    }
}
