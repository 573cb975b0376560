using CsCheck;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// chord_release_order, chord_ends_at_next_press and chord(…): the order a chord's keys go up in, an output chord
/// that ends at the next key press (kanata's), and that neither leaves a key down nor allocates per event.
/// </summary>
public class ChordReleaseTests
{
    private static readonly Usage F1 = K(0x3A), F2 = K(0x3B), Nine = K(0x26), Zero = K(0x27), Equal = K(0x2E), One = K(0x1E);

    private static EngineRig Rig(string remap, string settings = "") =>
        new(KeymapAssert.Valid($"[settings]\n{settings}\n[remap]\n{remap}\n"));

    [Fact]
    public void By_default_a_chord_is_released_last_key_first()
    {
        var rig = Rig("f1 = \"left_option+a\"");
        rig.Tap(F1);
        Assert.Equal([$"{LAlt} down", $"{A} down", $"{A} up", $"{LAlt} up"], rig.Settle());
    }

    [Fact]
    public void Pressed_order_releases_a_chord_in_the_order_it_went_down()
    {
        var rig = Rig("f1 = \"left_option+a\"", "chord_release_order = \"pressed\"");
        rig.Tap(F1);
        Assert.Equal([$"{LAlt} down", $"{A} down", $"{LAlt} up", $"{A} up"], rig.Settle());
    }

    [Fact]
    public void Key_first_releases_the_key_then_the_modifiers_in_the_order_they_went_down()
    {
        // keyd's 9 = M-C-S-x: x up, then shift, meta, control as they went down.
        var rig = Rig("f1 = \"left_shift+left_command+left_control+x\"", "chord_release_order = \"key_first\"");
        rig.Tap(F1);
        Assert.Equal(
            [$"{LShift} down", $"{LGui} down", $"{LCtrl} down", $"{X} down", $"{X} up", $"{LShift} up", $"{LGui} up", $"{LCtrl} up"],
            rig.Settle());
    }

    [Fact]
    public void A_chord_of_its_own_order_overrides_the_setting()
    {
        var rig = Rig("f1 = \"chord(left_option+a, release=reverse)\"\nf2 = \"chord(left_option+a, release=pressed)\"", "chord_release_order = \"pressed\"");
        rig.Tap(F1).Tap(F2);
        Assert.Equal(
            [$"{LAlt} down", $"{A} down", $"{A} up", $"{LAlt} up", $"{LAlt} down", $"{A} down", $"{LAlt} up", $"{A} up"],
            rig.Settle());
    }

    [Fact]
    public void A_macros_chords_follow_the_release_order_too()
    {
        var rig = Rig("f1 = 'macro(\"ctrl+1\")'", "chord_release_order = \"pressed\"");
        rig.Tap(F1);
        Assert.Equal([$"{LCtrl} down", $"{One} down", $"{LCtrl} up", $"{One} up"], rig.Settle());
    }

    [Fact]
    public void An_output_chord_ending_at_the_next_press_keeps_a_shared_shift_and_lets_its_key_go()
    {
        // kanata: a = S-9, b = S-0; a held, then b: "()" with one shift.
        var rig = Rig("a = \"shift+9\"\nb = \"shift+0\"", "chord_release_order = \"pressed\"\nchord_ends_at_next_press = true");
        rig.Down(A).Wait(10).Down(B).Wait(10).Up(B).Wait(10).Up(A);
        Assert.Equal([$"{LShift} down", $"{Nine} down", $"{Nine} up", $"{Zero} down", $"{LShift} up", $"{Zero} up"], rig.Settle());
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void An_output_chord_ending_at_the_next_press_types_the_next_key_without_its_modifier()
    {
        // kanata: a = S-=, b = =; a held, then b: "+=" (issue 10 defect 1: the = is a keystroke of its own, unshifted).
        var rig = Rig("a = \"shift+equal_sign\"\nb = \"equal_sign\"", "chord_release_order = \"pressed\"\nchord_ends_at_next_press = true");
        rig.Down(A).Wait(10).Down(B).Wait(10).Up(B).Up(A);
        Assert.Equal([$"{LShift} down", $"{Equal} down", $"{LShift} up", $"{Equal} up", $"{Equal} down", $"{Equal} up"], rig.Settle());
    }

    [Fact]
    public void Modifiers_held_together_and_chords_marked_until_release_stay_held_across_other_keys()
    {
        var rig = Rig("f1 = \"left_control+left_shift\"\nf2 = \"chord(left_option+a, until=release)\"", "chord_ends_at_next_press = true");
        rig.Down(F1).Tap(B).Up(F1).Down(F2).Tap(B).Up(F2);
        Assert.Equal(
        [
            $"{LCtrl} down", $"{LShift} down", $"{B} down", $"{B} up", $"{LShift} up", $"{LCtrl} up",
            $"{LAlt} down", $"{A} down", $"{B} down", $"{B} up", $"{A} up", $"{LAlt} up",
        ], rig.Settle());
    }

    [Fact]
    public void A_chord_marked_until_next_press_ends_there_without_the_setting()
    {
        var rig = Rig("f1 = \"chord(shift+9, until=next_press)\"");
        rig.Down(F1).Tap(B).Up(F1);
        Assert.Equal([$"{LShift} down", $"{Nine} down", $"{Nine} up", $"{LShift} up", $"{B} down", $"{B} up"], rig.Settle());
    }

    [Fact]
    public void Pausing_while_an_output_chord_is_held_leaves_nothing_down_and_its_release_sends_nothing()
    {
        var rig = Rig("a = \"shift+9\"", "chord_ends_at_next_press = true");
        rig.Down(A);
        rig.Engine.SetPaused(true);
        rig.Engine.SetPaused(false);
        rig.Up(A);
        Assert.Equal([$"{LShift} down", $"{Nine} down", $"{Nine} up", $"{LShift} up"], rig.Settle());
    }

    [Theory]
    [InlineData("chord(a, sideways)", "'sideways' is not a chord() option")]
    [InlineData("chord(a, release=reverse, release=pressed)", "chord() is given 'release' twice")]
    [InlineData("chord(, until=release)", "chord() needs its keys first")]
    [InlineData("chord(nosuchkey)", "unknown key 'nosuchkey'")]
    public void A_wrong_chord_function_is_an_error_that_says_what_is_wrong(string action, string message)
    {
        var result = KeymapLoader.Load($"version = 1\n[remap]\nf1 = \"{action}\"\n", "test.toml");
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains(message));
    }

    [Fact]
    public void A_wrong_release_order_setting_names_the_two_there_are()
    {
        var result = KeymapLoader.Load("version = 1\n[settings]\nchord_release_order = \"forward\"\n[remap]\na = \"b\"\n", "test.toml");
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("unknown chord release order 'forward'"));
    }

    [Fact]
    public void Typing_through_chords_in_pressed_order_that_end_at_the_next_press_allocates_nothing()
    {
        var output = new AllocationDrive.CountingOutput();
        var model = KeymapAssert.Valid("""
            [settings]
            chord_release_order = "pressed"
            chord_ends_at_next_press = true
            [remap]
            a = "shift+9"
            b = "shift+0"
            f1 = "shift+equal_sign"
            f2 = "equal_sign"
            c = "chord(left_option+x, until=release, release=reverse)"
            d = 'macro("ctrl+1", 5ms, "ctrl+2")'
            """);
        var engine = new RemapEngine(CompiledKeymap.Compile(model), output);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        var pattern = AllocationDrive.Events(device,
        [
            (A, true, 10), (B, true, 10), (B, false, 10), (A, false, 10),
            (F1, true, 10), (F2, true, 10), (F2, false, 10), (F1, false, 10),
            (F2, true, 10), (F1, true, 10), (F1, false, 10), (F2, false, 10),
            (C, true, 10), (A, true, 10), (A, false, 10), (C, false, 10),
            (D, true, 10), (D, false, 20), (LShift, true, 10), (A, true, 5), (A, false, 5), (LShift, false, 10),
        ]);
        long allocated = AllocationDrive.BytesAllocated(engine, pattern, 50_000);

        Assert.Equal(0, allocated);
        Assert.True(output.Changes > 50_000, $"the pattern should type a lot, got {output.Changes} changes");
    }

    private static readonly Gen<(int[] Genome, int[] Combos, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 30],
            Gen.Int[0, 999].Array[0, 6],
            Gen.Select(Gen.Int[0, RandomTyping.Pool.Length - 1], Gen.Int[0, 2], Gen.Int[0, 260]).Array[1, 100]);

    [Fact]
    public void Nothing_stays_pressed_with_chords_in_pressed_order_that_end_at_the_next_press()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Events);
            RandomTyping.AssertNothingStaysPressed(output, engine);
        }, iter: 1500);
    }

    /// <summary>The invariant tests' random keymap, its chords (ctrl+x, shift+x in sequences) in kanata's way.</summary>
    private static CompiledKeymap Compile(int[] genome, int[] combos)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        var settings = model.Settings with
        {
            ChordReleaseOrder = genome.Length % 2 == 0 ? ChordReleaseOrder.Pressed : ChordReleaseOrder.Reverse,
            ChordEndsAtNextPress = genome.Length % 3 != 0,
        };
        return CompiledKeymap.Compile(model with { Settings = settings });
    }

    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, (int Key, int Device, int Wait)[] events)
    {
        var output = new RecordingOutput();
        var engine = new RemapEngine(Compile(genome, combos), output);
        output.Clock = () => engine.NowUs;
        RandomTyping.Type(engine, () => Compile([.. genome.Reverse()], combos), 0,
            events.Select(e => (e.Key, e.Device, e.Wait, RandomTyping.OpFor(e.Wait))), 60_000_000);
        return (output, engine);
    }
}
