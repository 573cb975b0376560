using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// caps_word as QMK and kanata users know it. The kanata cases restate src/tests/sim_tests/capsword_sim_tests.rs
/// (kanata lifts shift before the letter's release; we keep it down until a key that must not be shifted, which
/// the desktop reads the same: the same characters come out). <c>per_key_shift</c> gives kanata's order exactly.
/// </summary>
public class CapsWordTests
{
    private static readonly Usage Seven = K(0x24), Eight = K(0x25), Nine = K(0x26), Zero = K(0x27), One = K(0x1E), Minus = K(0x2D);

    private static EngineRig Kanata() => new(KeymapAssert.Valid("""
        [remap]
        7 = "caps_word(1000ms)"
        8 = 'caps_word(200ms, shift="a", continue="b")'
        9 = "caps_word(1000ms, toggle)"
        0 = 'caps_word(200ms, toggle, shift="a", continue="b")'
        """));

    /// <summary>Which characters the desktop types: each key press, upper-cased when shift is down.</summary>
    private static string Typed(EngineRig rig)
    {
        var shift = false;
        var text = new System.Text.StringBuilder();
        foreach (var line in rig.Output.Log)
        {
            var (key, down) = (line[..line.LastIndexOf(' ')], line.EndsWith(" down"));
            if (key == LShift.ToString()) shift = down;
            else if (down) text.Append(shift ? key.ToUpperInvariant() : key);
        }
        return text.ToString();
    }

    [Fact]
    public void Kanata_caps_word_shifts_letters_continues_on_digits_and_ends_at_space()
    {
        var rig = Kanata();
        rig.Tap(Seven).Tap(A).Tap(One).Tap(A).Tap(Space).Tap(A).Wait(1000);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{A} up", $"{LShift} up", $"{One} down", $"{One} up",
            $"{LShift} down", $"{A} down", $"{A} up", $"{LShift} up", $"{Space} down", $"{Space} up", $"{A} down", $"{A} up"], rig.Output.Log);
    }

    [Fact]
    public void Kanata_custom_lists_shift_only_those_and_continue_only_on_those()
    {
        var rig = Kanata();
        rig.Tap(Eight).Tap(A).Tap(B).Tap(A).Tap(One).Tap(A).Wait(1000);
        Assert.Equal($"{A}{B}{A}{One}{A}".Length, Typed(rig).Length);
        Assert.Equal($"{A}".ToUpperInvariant() + $"{B}" + $"{A}".ToUpperInvariant() + $"{One}" + $"{A}", Typed(rig));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(200)]
    public void Kanata_caps_word_times_out_after_the_last_key(int timeout)
    {
        var rig = Kanata();
        rig.Tap(timeout == 1000 ? Seven : Eight).Tap(A).Wait(timeout / 2).Tap(A).Wait(timeout + 1).Tap(A).Wait(10);
        var a = A.ToString();
        Assert.Equal(a.ToUpperInvariant() + a.ToUpperInvariant() + a, Typed(rig));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Kanata_caps_word_pressed_again_starts_over_unless_it_toggles(bool toggle)
    {
        var rig = Kanata();
        var key = toggle ? Nine : Seven;
        rig.Tap(key).Tap(A).Wait(100).Tap(key).Wait(100).Tap(A).Wait(10);
        var a = A.ToString();
        Assert.Equal(a.ToUpperInvariant() + (toggle ? a : a.ToUpperInvariant()), Typed(rig));
    }

    [Fact]
    public void Minus_becomes_underscore_and_backspace_keeps_the_word_going()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word\"\n"));
        rig.Tap(Caps).Tap(A).Tap(Minus).Tap(Backspace).Tap(B).Tap(Space).Tap(C);
        var (a, b, c) = (A.ToString(), B.ToString(), C.ToString());
        Assert.Equal(a.ToUpperInvariant() + Minus.ToString().ToUpperInvariant() + Backspace + b.ToUpperInvariant() + Space + c, Typed(rig));
    }

    [Fact]
    public void A_digit_pressed_while_a_shifted_letter_is_still_down_is_not_shifted()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word\"\n"));
        rig.Tap(Caps).Down(A).Tap(One).Up(A);
        Assert.Equal(A.ToString().ToUpperInvariant() + One, Typed(rig));
    }

    [Fact]
    public void A_shortcut_ends_caps_word_and_goes_out_unshifted()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word\"\n"));
        rig.Tap(Caps).Down(LCtrl).Tap(C).Up(LCtrl).Tap(A);
        Assert.DoesNotContain($"{LShift} down", rig.Settle());
    }

    [Fact]
    public void A_key_remapped_to_a_letter_is_capitalised_and_text_from_a_macro_is_left_alone()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word\"\nf1 = \"a\"\nf2 = 'text(\"b c\")'\n"));
        rig.Tap(Caps).Tap(K(0x3A)).Tap(K(0x3B)).Tap(C);
        var (a, b, c) = (A.ToString(), B.ToString(), C.ToString());
        Assert.Equal(a.ToUpperInvariant() + b + Space + c + c.ToUpperInvariant(), Typed(rig));
    }

    [Fact]
    public void Pause_turns_caps_word_off_and_lifts_its_shift()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word\"\n"));
        rig.Tap(Caps).Down(A);
        Assert.True(rig.Engine.IsOutputDown(LShift));
        rig.Engine.SetPaused(true);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
        rig.Up(A);
        rig.Engine.SetPaused(false);
        rig.Tap(A);
        Assert.Equal(A.ToString().ToUpperInvariant() + A, Typed(rig));
        Assert.Equal(long.MaxValue, rig.Engine.NextDeadlineUs);
    }
    [Fact]
    public void Per_key_shift_presses_and_lifts_shift_around_each_shifted_key_as_kanata_does()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\n7 = \"caps_word(1000ms, per_key_shift)\"\n"));
        rig.Tap(Seven).Tap(A).Tap(One).Tap(A).Tap(Space).Tap(A).Wait(1000);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{LShift} up", $"{A} up", $"{One} down", $"{One} up",
            $"{LShift} down", $"{A} down", $"{LShift} up", $"{A} up", $"{Space} down", $"{Space} up", $"{A} down", $"{A} up"], rig.Output.Log);
    }

    [Fact]
    public void Per_key_shift_keeps_shift_down_while_another_shifted_key_is_and_lifts_it_with_the_last()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word(per_key_shift)\"\n"));
        rig.Tap(Caps).Down(A).Down(B).Up(A).Up(B);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{B} down", $"{A} up", $"{LShift} up", $"{B} up"], rig.Output.Log);
    }

    [Fact]
    public void Per_key_shift_leaves_a_shift_the_user_holds_alone()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word(per_key_shift)\"\n"));
        rig.Tap(Caps).Down(LShift).Tap(A).Tap(B).Up(LShift);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{A} up", $"{B} down", $"{B} up", $"{LShift} up"], rig.Output.Log);
    }

    [Fact]
    public void Per_key_shift_lifts_its_shift_before_a_key_that_ends_the_word_while_a_letter_is_down()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word(per_key_shift)\"\n"));
        rig.Tap(Caps).Down(A).Tap(Space).Up(A).Tap(A);
        Assert.Equal([$"{LShift} down", $"{A} down", $"{LShift} up", $"{Space} down", $"{Space} up", $"{A} up", $"{A} down", $"{A} up"],
            rig.Output.Log);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
    }

    [Fact]
    public void Per_key_shift_is_lifted_by_pause_while_a_letter_is_down()
    {
        var rig = new EngineRig(KeymapAssert.Valid("[remap]\ncaps_lock = \"caps_word(per_key_shift)\"\n"));
        rig.Tap(Caps).Down(A);
        rig.Engine.SetPaused(true);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
        rig.Up(A);
        rig.Engine.SetPaused(false);
        rig.Tap(A);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
        Assert.Equal(A.ToString().ToUpperInvariant() + A, Typed(rig));
    }
}
