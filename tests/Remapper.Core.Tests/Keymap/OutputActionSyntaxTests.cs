using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>The syntax of macro(), text(), unicode() and caps_word, and the errors a typo in it gets.</summary>
public class OutputActionSyntaxTests
{
    private static ActionModel Action(string value) => Valid($"[remap]\nf1 = '{value}'\n").Remap[0].Action;

    [Fact]
    public void A_macro_has_chords_waits_text_and_code_points_in_order()
    {
        var macro = Assert.IsType<MacroAction>(Action("macro(\"ctrl+c\", 50ms, text(\"a, (b)\"), 2s, unicode(\"é\"))"));
        Assert.Collection(macro.Steps,
            s => Assert.Equal(2, Assert.IsType<MacroChordStep>(s).Keys.Count),
            s => Assert.Equal(50, Assert.IsType<MacroDelayStep>(s).Milliseconds),
            s => Assert.Equal("a, (b)", Assert.IsType<MacroTextStep>(s).Text),
            s => Assert.Equal(2000, Assert.IsType<MacroDelayStep>(s).Milliseconds),
            s => Assert.Equal("é", Assert.IsType<MacroUnicodeStep>(s).Text));
        Assert.Null(macro.RepeatGapMs);
        Assert.Equal(MacroCancel.Never, macro.Cancel);
    }

    [Fact]
    public void Macro_options_repeat_and_cancel()
    {
        var macro = Assert.IsType<MacroAction>(Action("macro(\"a\", 10ms, repeat=30ms, cancel_on_press, cancel_on_release)"));
        Assert.Equal(30, macro.RepeatGapMs);
        Assert.Equal(MacroCancel.OnOtherPress | MacroCancel.OnRelease, macro.Cancel);
    }

    [Fact]
    public void Single_quotes_inside_a_basic_toml_string_and_escaped_quotes_both_work()
    {
        var model = Valid("[remap]\nf1 = \"text('say \\\"hi\\\"')\"\nf2 = \"text(\\\"it's\\\")\"\n");
        Assert.Equal("say \"hi\"", Assert.IsType<MacroTextStep>(Assert.IsType<MacroAction>(model.Remap[0].Action).Steps[0]).Text);
        Assert.Equal("it's", Assert.IsType<MacroTextStep>(Assert.IsType<MacroAction>(model.Remap[1].Action).Steps[0]).Text);
    }

    [Fact]
    public void Caps_word_bare_and_with_options()
    {
        var plain = Assert.IsType<CapsWordAction>(Action("caps_word"));
        Assert.Null(plain.TimeoutMs);
        Assert.False(plain.Toggle);
        var custom = Assert.IsType<CapsWordAction>(Action("caps_word(2s, toggle, shift=\"a b\", continue=\"1 backspace\")"));
        Assert.Equal(2000, custom.TimeoutMs);
        Assert.True(custom.Toggle);
        Assert.Equal(2, custom.ShiftKeys!.Count);
        Assert.Equal(2, custom.ContinueKeys!.Count);
    }

    [Fact]
    public void A_character_not_on_the_us_layout_is_named_and_unicode_suggested()
    {
        var error = SingleError("[remap]\nf1 = 'text(\"café\")'\n", 2, 12, "text() can't type 'é (U+00E9)'");
        Assert.Contains("unicode(\"é\")", error.Suggestion);
    }

    [Fact]
    public void An_unknown_key_in_a_macro_points_at_its_argument()
    {
        SingleError("[remap]\nf1 = 'macro(\"ctrl+c\", 50ms, \"ctrl+vv\")'\n", 2, 29, "unknown key 'vv' in a macro");
    }

    [Fact]
    public void A_word_in_quotes_suggests_text()
    {
        var error = SingleError("[remap]\nf1 = 'macro(\"hello world\")'\n", 2, 13, "unknown key 'hello world'");
        Assert.Contains("text(\"hello world\")", error.Suggestion);
    }

    [Fact]
    public void A_delay_without_a_unit_is_refused()
    {
        SingleError("[remap]\nf1 = 'macro(\"a\", 50, \"b\")'\n", 2, 18, "'50' is not a duration");
    }

    [Fact]
    public void A_misspelt_option_gets_a_suggestion()
    {
        var error = SingleError("[remap]\nf1 = 'macro(\"a\", 5ms, cancel_on_pres)'\n", 2, 23, "'cancel_on_pres' is not a macro step");
        Assert.Equal("did you mean 'cancel_on_press'?", error.Suggestion);
    }

    [Fact]
    public void Repeat_with_no_wait_at_all_is_refused()
    {
        SingleError("[remap]\nf1 = 'macro(\"a\", repeat)'\n", 2, 6, "needs a gap to repeat");
    }

    [Fact]
    public void An_unclosed_string_is_reported_where_it_starts()
    {
        SingleError("[remap]\nf1 = 'text(\"abc)'\n", 2, 12, "no closing \"");
    }

    [Fact]
    public void A_macro_is_not_a_sequence_step()
    {
        SingleError("[remap]\nf1 = ['a', 'text(\"b\")']\n", 2, 12, "a macro (macro(), text() or unicode()) can't be used in a sequence");
    }

    [Fact]
    public void Unicode_input_setting_is_checked()
    {
        Assert.Equal(UnicodeInput.MacosHex, Valid("[settings]\nunicode_input = \"macos_hex\"\n").Settings.UnicodeInput);
        SingleError("[settings]\nunicode_input = \"ibus\"\n", 2, 17, "unknown unicode input 'ibus'");
    }

    [Fact]
    public void A_macro_works_through_an_alias()
    {
        var model = Valid("[alias]\nsig = 'text(\"Regards\")'\n[remap]\nf1 = \"@sig\"\n");
        Assert.IsType<MacroAction>(model.Remap[0].Action);
    }
}
