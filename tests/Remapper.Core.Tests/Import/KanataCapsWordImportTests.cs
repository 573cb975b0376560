using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Keymap;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>kanata's caps-word family → caps_word with kanata's timeout, key lists, toggle and per-key shift.</summary>
public class KanataCapsWordImportTests(ITestOutputHelper output)
{
    private const string KanataShift = "a b c d e f g h i j k l m n o p q r s t u v w x y z hyphen";

    private ImportResult Import(string kbd)
    {
        var result = KanataImporter.Import(kbd, "test.kbd");
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        Assert.NotNull(result.Toml);
        var loaded = KeymapLoader.Load(result.Toml, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return result;
    }

    [Theory]
    [InlineData("caps-word 1000", "1000ms")]
    [InlineData("word⇪ 1000", "1000ms")]
    [InlineData("caps-word-toggle 300", "300ms, toggle")]
    [InlineData("word⇪toggle 300", "300ms, toggle")]
    public void Caps_word_keeps_its_timeout_and_kanatas_lists_with_the_arrows(string kanata, string options)
    {
        var result = Import($"(defsrc a)\n(deflayer base ({kanata}))");
        Assert.True(result.Complete);
        Assert.Contains($"a = \"caps_word({options}, per_key_shift, shift='{KanataShift}', continue='", result.Toml);
        Assert.Contains("keypad_9 delete_or_backspace delete_forward up_arrow down_arrow left_arrow right_arrow')\"\n", result.Toml);
    }

    [Theory]
    [InlineData("caps-word-custom 200 (a b) (c 1)", "200ms")]
    [InlineData("word⇪custom 200 (a b) (c 1)", "200ms")]
    [InlineData("caps-word-custom-toggle 200 (a b) (c 1)", "200ms, toggle")]
    [InlineData("word⇪custom-toggle 200 (a b) (c 1)", "200ms, toggle")]
    public void Caps_word_custom_gives_exactly_its_lists(string kanata, string options)
    {
        var result = Import($"(defsrc a)\n(deflayer base ({kanata}))");
        Assert.True(result.Complete);
        Assert.Contains($"a = \"caps_word({options}, per_key_shift, shift='a b', continue='c 1')\"\n", result.Toml);
    }

    [Fact]
    public void Modifiers_in_a_list_are_left_out_and_all_but_shift_reported()
    {
        var result = Import("(defsrc a)\n(deflayer base (caps-word-custom 200 (a) (lsft lctl b)))");
        Assert.Contains("a = \"caps_word(200ms, per_key_shift, shift='a', continue='b')\"\n", result.Toml);
        var note = Assert.Single(result.NotConverted);
        Assert.Contains("lctl", note.ToString());
        Assert.Contains("test.kbd:2:", note.ToString());
    }

    [Fact]
    public void A_timeout_longer_than_a_minute_is_kept_at_a_minute_and_reported()
    {
        var result = Import("(defsrc a)\n(deflayer base (caps-word 65000))");
        Assert.Contains("a = \"caps_word(60000ms, per_key_shift, ", result.Toml);
        Assert.Contains("65000", Assert.Single(result.NotConverted).ToString());
    }

    [Theory]
    [InlineData("(caps-word)")]
    [InlineData("(caps-word 0)")]
    [InlineData("(caps-word-custom 200 (a))")]
    [InlineData("(caps-word-custom 200 a b)")]
    [InlineData("(caps-word-custom 200 (a) (nosuchkey))")]
    public void A_malformed_caps_word_is_reported(string kanata)
    {
        var result = Import($"(defsrc a)\n(deflayer base {kanata})");
        Assert.False(result.Complete);
        Assert.DoesNotContain("caps_word(", result.Toml);
    }

    [Fact]
    public void Real_world_shapes_convert_in_chords_tap_dances_and_with_nop_keys_in_a_list()
    {
        var result = Import("""
            (defsrc a s j k)
            (defalias
              cw (caps-word 1000)
              sd (tap-dance 200 (lsft @cw))
              cwc (caps-word-custom-toggle 5000 (a b) (lshift rshift grv apos 6 nop0 nop9 bspc - right)))
            (defchordsv2
              (j k) (caps-word-toggle 2000) 50 all-released ())
            (deflayer base @sd @cwc j k)
            """);
        Assert.True(result.Complete);
        Assert.Contains("a = { tap_dance = [\"left_shift\", \"caps_word(1000ms, per_key_shift, ", result.Toml);
        Assert.Contains("s = \"caps_word(5000ms, toggle, per_key_shift, shift='a b', continue='grave_accent_and_tilde quote 6 delete_or_backspace hyphen right_arrow')\"\n", result.Toml);
        Assert.Contains("\"caps_word(2000ms, toggle, per_key_shift, shift='", result.Toml);
    }
}
