using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Keymap;

/// <summary><c>[sequences]</c>, <c>leader()</c> and the sequence settings: what loads, and what is refused where.</summary>
public class KeySequenceReaderTests
{
    [Fact]
    public void Steps_chords_held_modifiers_groups_and_nop_keys_are_read()
    {
        var model = KeymapAssert.Valid("""
            [settings]
            sequence_timeout_ms = 700
            sequence_input_mode = "visible_backspaced"
            sequence_backtrack_modcancel = false

            [remap]
            f1 = "leader(250, hidden_delay_type)"
            f2 = "nop3"

            [sequences]
            "g shift+s" = "f5"
            "ctrl+(a b)" = ["x", "y"]
            "(c d e) nop3" = 'text("ok")'
            """);
        Assert.Equal(700, model.Settings.SequenceTimeoutMs);
        Assert.Equal(SequenceInputMode.VisibleBackspaced, model.Settings.SequenceInputMode);
        Assert.False(model.Settings.SequenceBacktrackModcancel);
        Assert.Equal(new LeaderAction(250, SequenceInputMode.HiddenDelayType, model.Remap[0].Action.Location), model.Remap[0].Action);
        Assert.Equal(3, model.Sequences.Count);
        var held = model.Sequences[1].Steps.Single();
        Assert.Equal([Usages.LeftControl], held.Modifiers);
        Assert.False(held.Together);
        Assert.Single(model.Sequences[1].Paths());
        Assert.Equal(6, model.Sequences[2].Paths().Count); // every order of (c d e)
        Assert.All(model.Sequences[2].Paths(), p => Assert.Equal(SequenceCodes.Nop(3).Packed, p[^1]));
    }

    [Fact]
    public void A_sequence_that_starts_another_is_refused()
    {
        KeymapAssert.SingleError("""
            [sequences]
            "g s" = "a"
            "g s t" = "b"
            """, 3, 1, "start alike");
    }

    [Theory]
    [InlineData("\"g (s\" = \"a\"", "is not a step")]
    [InlineData("\"(a)\" = \"a\"", "2 to 6 keys")]
    [InlineData("\"a+b\" = \"a\"", "is not a modifier")]
    [InlineData("\"qq\" = \"a\"", "unknown key")]
    public void A_bad_sequence_line_is_an_error_on_its_line(string line, string message)
    {
        KeymapAssert.SingleError("[sequences]\n" + line + "\n", 2, 1, message);
    }

    [Fact]
    public void A_layer_key_is_not_what_a_sequence_does()
    {
        var result = KeymapAssert.Load("[sequences]\n\"a\" = \"layer(nav)\"\n\n[layer.nav]\nh = \"left_arrow\"\n");
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("can't be used as what a sequence does", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("f1 = \"leader(0)\"", "is not a leader timeout")]
    [InlineData("f1 = \"leader(100, loud)\"", "unknown sequence input mode")]
    public void A_bad_leader_is_an_error(string line, string message)
    {
        var result = KeymapAssert.Load("[remap]\n" + line + "\n");
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains(message, StringComparison.Ordinal));
    }
}
