using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>One test per kind of mistake: exactly one error, at the right line and column, saying what is wrong.</summary>
public class KeymapErrorTests
{
    [Fact]
    public void Toml_syntax_error_is_reported_at_its_position()
    {
        SingleError("[remap]\ncaps_lock = = \"escape\"\n", 2, 13, "invalid TOML");
    }

    [Fact]
    public void Toml_syntax_error_does_not_hide_later_mistakes()
    {
        var result = Load("[remap]\ncaps_lock = = \"escape\"\n[settings]\ntapping_term_ms = 0\n");
        Assert.Equal([(2, 13), (4, 19)], result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void Unknown_key_name_points_at_the_value_and_suggests_the_nearest()
    {
        var error = SingleError("[remap]\ncaps_lock = \"escpe\"\n", 2, 13, "unknown key 'escpe'");
        Assert.Equal("did you mean 'escape'?", error.Suggestion);
    }

    [Fact]
    public void Unknown_key_inside_a_chord_points_at_that_part()
    {
        SingleError("[remap]\ncaps_lock = \"ctrl+shft+a\"\n", 2, 19, "unknown key 'shft'");
    }

    [Fact]
    public void Unknown_key_on_the_left_of_a_binding()
    {
        var error = SingleError("[remap]\ncapslok = \"escape\"\n", 2, 1, "unknown key 'capslok'");
        Assert.NotNull(error.Suggestion);
    }

    [Fact]
    public void Unknown_top_level_table_suggests_the_nearest()
    {
        var error = SingleError("[remaps]\ncaps_lock = \"escape\"\n", 1, 2, "unknown table [remaps]");
        Assert.Equal("did you mean 'remap'?", error.Suggestion);
    }

    [Fact]
    public void Unknown_setting_suggests_the_nearest()
    {
        var error = SingleError("[settings]\ntapping_term = 200\n", 2, 1, "unknown key 'tapping_term' in [settings]");
        Assert.Equal("did you mean 'tapping_term_ms'?", error.Suggestion);
    }

    [Fact]
    public void Wrong_value_type_says_what_was_expected_and_what_was_found()
    {
        SingleError("[remap]\ncaps_lock = 5\n", 2, 13, "expected a string, an array or a table, got an integer");
    }

    [Fact]
    public void Wrong_setting_type()
    {
        SingleError("[settings]\ntapping_term_ms = \"200\"\n", 2, 19, "expected an integer, got a string");
    }

    [Theory]
    [InlineData("tapping_term_ms = 0", 19)]
    [InlineData("tapping_term_ms = 10001", 19)]
    [InlineData("quick_tap_ms = -1", 16)]
    [InlineData("combo_term_ms = 1001", 17)]
    public void Out_of_range_setting(string line, int column)
    {
        SingleError($"[settings]\n{line}\n", 2, column, "must be between");
    }

    [Fact]
    public void Unknown_tap_hold_mode_suggests_the_nearest()
    {
        var error = SingleError("[settings]\ntap_hold_mode = \"permisive_hold\"\n", 2, 17, "unknown tap-hold mode");
        Assert.Equal("did you mean 'permissive_hold'?", error.Suggestion);
    }

    [Fact]
    public void Same_key_bound_twice_through_different_spellings_names_the_first_place()
    {
        SingleError("[remap]\ncaps_lock = \"escape\"\ncapslock = \"a\"\n", 3, 1, "already bound at test.toml:2:1");
    }

    [Fact]
    public void Same_key_bound_twice_with_the_same_spelling()
    {
        SingleError("[remap]\ncaps_lock = \"escape\"\ncaps_lock = \"a\"\n", 3, 1, "defined twice");
    }

    [Fact]
    public void Duplicate_combo_in_another_order()
    {
        SingleError("[remap]\n\"j+k\" = \"escape\"\n\"k+j\" = \"a\"\n", 3, 1, "the combo 'k+j' is already bound at test.toml:2:1");
    }

    [Fact]
    public void Combo_with_a_repeated_key()
    {
        SingleError("[remap]\n\"j+j\" = \"escape\"\n", 2, 4, "appears twice");
    }

    [Fact]
    public void Combo_with_too_many_keys()
    {
        SingleError("[remap]\n\"a+c+h+j+k+escape+spacebar+left_shift+left_control\" = \"escape\"\n", 2, 1, "at most 8 keys");
    }

    [Fact]
    public void Unknown_layer_suggests_the_nearest_layer()
    {
        var error = SingleError("[remap]\ncaps_lock = \"layer(nva)\"\n[layer.nav]\nh = \"left_arrow\"\n", 2, 20, "unknown layer 'nva'");
        Assert.Equal("did you mean 'nav'?", error.Suggestion);
    }

    [Fact]
    public void Layer_base_table_is_rejected()
    {
        SingleError("[layer.base]\nh = \"left_arrow\"\n", 1, 8, "[layer.base] is not allowed");
    }

    [Fact]
    public void Transparent_outside_a_layer()
    {
        SingleError("[remap]\ncaps_lock = \"transparent\"\n", 2, 13, "only makes sense in a layer");
    }

    [Fact]
    public void Unknown_action_function_suggests_the_nearest()
    {
        var error = SingleError("[remap]\ncaps_lock = \"layr(nav)\"\n[layer.nav]\nh = \"a\"\n", 2, 13, "unknown action 'layr(…)'");
        Assert.Equal("did you mean 'layer'?", error.Suggestion);
    }

    [Fact]
    public void Set_needs_a_name_and_an_integer()
    {
        SingleError("[remap]\ncaps_lock = \"set(vim, on)\"\n", 2, 18, "set() takes a variable name and an integer");
    }

    [Fact]
    public void Tap_hold_missing_hold()
    {
        SingleError("[remap]\ncaps_lock = { tap = \"escape\" }\n", 2, 13, "a tap-hold needs 'hold'");
    }

    [Fact]
    public void Tap_hold_with_an_unknown_option()
    {
        var error = SingleError("[remap]\ncaps_lock = { tap = \"escape\", hold = \"ctrl\", term = 100 }\n", 2, 46, "unknown key 'term' in a tap-hold");
        Assert.Equal("did you mean 'term_ms'?", error.Suggestion);
    }

    [Fact]
    public void Tap_hold_hold_cannot_be_a_toggle()
    {
        SingleError("[remap]\ncaps_lock = { tap = \"escape\", hold = \"toggle(nav)\" }\n[layer.nav]\nh = \"a\"\n", 2, 38, "toggle() can't be used as the hold of a tap-hold");
    }

    [Fact]
    public void Tap_hold_inside_a_sequence_is_rejected()
    {
        SingleError("[remap]\ncaps_lock = [{ tap = \"a\", hold = \"ctrl\" }]\n", 2, 14, "can't be used in a sequence");
    }

    [Fact]
    public void Tap_hold_in_a_rule_is_rejected()
    {
        SingleError("[[rule]]\nfrom = \"h\"\nto = { tap = \"a\", hold = \"ctrl\" }\n", 3, 6, "a tap-hold can't be used in a rule");
    }

    [Fact]
    public void Tap_hold_alias_used_in_a_sequence_is_rejected_where_used()
    {
        SingleError("[alias]\nth = { tap = \"a\", hold = \"ctrl\" }\n[remap]\ncaps_lock = [\"@th\"]\n", 4, 14, "a tap-hold can't be used in a sequence");
    }

    [Fact]
    public void Layer_activation_inside_a_sequence_is_rejected()
    {
        SingleError("[remap]\ncaps_lock = [\"layer(nav)\"]\n[layer.nav]\nh = \"a\"\n", 2, 14, "layer() can't be used in a sequence");
    }

    [Fact]
    public void Empty_sequence_is_rejected()
    {
        SingleError("[remap]\ncaps_lock = []\n", 2, 13, "empty list");
    }

    [Fact]
    public void Empty_key_name_in_a_chord()
    {
        SingleError("[remap]\ncaps_lock = \"ctrl+\"\n", 2, 13, "empty key name");
    }

    [Fact]
    public void Unknown_alias_suggests_the_nearest()
    {
        var error = SingleError("[alias]\nhyper = \"ctrl+shift\"\n[remap]\ncaps_lock = \"@hypr\"\n", 4, 13, "unknown alias '@hypr'");
        Assert.Equal("did you mean '@hyper'?", error.Suggestion);
    }

    [Fact]
    public void Alias_cycle_names_the_chain()
    {
        SingleError("[alias]\na1 = \"@a2\"\na2 = \"@a3\"\na3 = \"@a1\"\n", 4, 6, "alias cycle: @a1 → @a2 → @a3 → @a1");
    }

    [Fact]
    public void Alias_referring_to_itself_is_a_cycle()
    {
        SingleError("[alias]\nme = \"ctrl+@me\"\n", 2, 12, "alias cycle: @me → @me");
    }

    [Fact]
    public void Unsupported_version()
    {
        SingleError("version = 2\n", 1, 11, "unsupported keymap version 2 (this Remapper reads version 1)");
    }

    [Fact]
    public void Rule_without_from()
    {
        SingleError("[[rule]]\nto = \"a\"\n", 1, 1, "no 'from'");
    }

    [Fact]
    public void Rule_without_any_result_is_a_rule_that_swallows_its_key()
    {
        // Karabiner allows it (e.g. "while in this mode, every other key does nothing").
        Assert.Single(Valid("[[rule]]\nfrom = \"a\"\n").Rules);
    }

    [Fact]
    public void Rule_modifier_that_is_not_a_modifier()
    {
        SingleError("[[rule]]\nfrom = \"caps_lock+h\"\nto = \"a\"\n", 2, 8, "'caps_lock' is not a modifier");
    }

    [Fact]
    public void Rule_unknown_modifier_suggests_the_nearest()
    {
        var error = SingleError("[[rule]]\nfrom = { key = \"h\", modifiers = { mandatory = [\"contrl\"] } }\nto = \"a\"\n", 2, 48, "unknown modifier 'contrl'");
        Assert.Equal("did you mean 'control'?", error.Suggestion);
    }

    [Fact]
    public void Any_is_only_for_optional_modifiers()
    {
        SingleError("[[rule]]\nfrom = { key = \"h\", modifiers = { mandatory = [\"any\"] } }\nto = \"a\"\n", 2, 48, "'any' only makes sense among optional");
    }

    [Fact]
    public void Unknown_condition_type_suggests_the_nearest()
    {
        var error = SingleError("[[rule]]\nfrom = \"h\"\nto = \"a\"\nconditions = [{ type = \"variable_iff\", name = \"x\", value = 1 }]\n", 4, 24, "unknown condition type 'variable_iff'");
        Assert.Equal("did you mean 'variable_if'?", error.Suggestion);
    }

    [Fact]
    public void Variable_condition_without_value()
    {
        SingleError("[[rule]]\nfrom = \"h\"\nto = \"a\"\nconditions = [{ type = \"variable_if\", name = \"x\" }]\n", 4, 15, "needs 'name' and 'value'");
    }

    [Fact]
    public void Empty_device_match()
    {
        SingleError("[[device]]\nmatch = {}\nignore = true\n", 2, 9, "empty match");
    }

    [Fact]
    public void Empty_identifier_in_a_device_condition()
    {
        SingleError("[[rule]]\nfrom = \"h\"\nto = \"a\"\nconditions = [{ type = \"device_if\", identifiers = [{}] }]\n", 4, 52, "empty match");
    }

    [Fact]
    public void Device_without_match()
    {
        SingleError("[[device]]\nignore = true\n", 1, 1, "has no match");
    }

    [Fact]
    public void Device_id_out_of_range()
    {
        SingleError("[[device]]\nmatch = { vendor_id = 0x10000 }\nignore = true\n", 2, 23, "vendor_id must be between 0 and 65535");
    }

    [Fact]
    public void Unknown_bus()
    {
        var error = SingleError("[[device]]\nmatch = { bus = \"usbb\" }\nignore = true\n", 2, 17, "unknown bus 'usbb'");
        Assert.Equal("did you mean 'usb'?", error.Suggestion);
    }

    [Fact]
    public void Ignored_device_with_a_remap()
    {
        SingleError("[[device]]\nmatch = { bus = \"usb\" }\nignore = true\nremap = { a = \"c\" }\n", 4, 1, "an ignored device");
    }

    [Fact]
    public void Single_bracket_device_table_is_explained()
    {
        SingleError("[device]\nmatch = { bus = \"usb\" }\nignore = true\n", 1, 2, "must be written [[device]]");
    }

    [Fact]
    public void Emergency_sequence_needs_two_to_six_keys()
    {
        SingleError("[settings]\nemergency = [\"escape\"]\n", 2, 13, "needs 2 to 6 different keys, got 1");
    }

    [Fact]
    public void Emergency_sequence_with_a_repeated_key()
    {
        SingleError("[settings]\nemergency = [\"escape\", \"esc\"]\n", 2, 24, "appears twice");
    }

    [Fact]
    public void Table_defined_twice()
    {
        SingleError("[remap]\na = \"c\"\n[remap]\nh = \"c\"\n", 3, 2, "[remap] is already defined at test.toml:1:2");
    }

    [Fact]
    public void Decimal_number_where_an_integer_is_needed()
    {
        SingleError("[settings]\ncombo_term_ms = 50.5\n", 2, 17, "expected an integer, got a decimal number");
    }

    [Fact]
    public void Unreachable_layer_is_a_warning_not_an_error()
    {
        var result = Load("[layer.nav]\nh = \"left_arrow\"\n");
        Assert.True(result.Success);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal((1, 8), (warning.Location.Line, warning.Location.Column));
        Assert.Contains("never activated", warning.Message);
    }

    [Fact]
    public void Diagnostic_prints_like_a_compiler_message()
    {
        var error = SingleError("[remap]\ncaps_lock = \"escpe\"\n", 2, 13, "unknown key");
        Assert.Equal("test.toml:2:13: error: unknown key 'escpe' — did you mean 'escape'?", error.ToString());
    }
}
