using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>Smaller mistakes and warnings, each still one precise diagnostic.</summary>
public class KeymapSmallMistakeTests
{
    [Fact]
    public void Underscore_outside_a_layer_is_transparent_and_rejected()
    {
        SingleError("[[device]]\nmatch = { bus = \"usb\" }\nremap = { a = \"_\" }\n", 3, 15, "only makes sense in a layer");
    }

    [Fact]
    public void Alias_name_written_with_an_at_sign()
    {
        var error = SingleError("[alias]\n\"@hyper\" = \"ctrl\"\n", 2, 1, "not a valid alias name");
        Assert.Contains("without '@'", error.Suggestion);
    }

    [Fact]
    public void Layer_name_with_a_space_says_which_characters_a_layer_name_may_have()
    {
        var error = SingleError("[remap]\na = \"layer(6l)\"\n[layer.6l]\nh = \"a\"\n[layer.\"my nav\"]\nh = \"b\"\n", 5, 8, "'my nav' is not a valid layer name");
        Assert.Equal("a layer name is made of letters, digits, '_', '-' and '.' (or is two or more of those joined by '+', a composite layer)", error.Suggestion);
    }

    [Fact]
    public void Alias_of_a_layer_action_cannot_join_a_chord()
    {
        SingleError("[alias]\nnav = \"layer(n)\"\n[layer.n]\nh = \"a\"\n[remap]\ncaps_lock = \"ctrl+@nav\"\n", 6, 19, "only a key or chord alias can be joined");
    }

    [Fact]
    public void Device_that_does_nothing_is_a_warning()
    {
        var result = Load("[[device]]\nmatch = { bus = \"usb\" }\n");
        Assert.True(result.Success);
        Assert.Contains("neither ignores", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Unknown_layer_suppresses_never_activated_warnings()
    {
        var result = Load("[remap]\ncaps_lock = \"layer(nva)\"\n[layer.nav]\nh = \"a\"\n");
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Rule_generic_command_accepts_either_side()
    {
        var model = Valid("[[rule]]\nfrom = \"cmd+opt+h\"\nto = \"left_arrow\"\n");
        Assert.Equal([(byte)0x88, (byte)0x44], model.Rules[0].From.Mandatory);
    }

    [Fact]
    public void Rule_from_table_without_key()
    {
        SingleError("[[rule]]\nfrom = { modifiers = { mandatory = [\"shift\"] } }\nto = \"a\"\n", 2, 8, "has no 'key_code'");
    }

    [Fact]
    public void Rule_condition_without_type()
    {
        SingleError("[[rule]]\nfrom = \"h\"\nto = \"a\"\nconditions = [{ name = \"x\", value = 1 }]\n", 4, 15, "no 'type'");
    }

    [Fact]
    public void Rule_unknown_field_suggests_the_nearest()
    {
        var error = SingleError("[[rule]]\nfrom = \"h\"\nto_if_alon = \"a\"\n", 3, 1, "unknown key 'to_if_alon' in [[rule]]");
        Assert.Equal("did you mean 'to_if_alone'?", error.Suggestion);
    }

    [Fact]
    public void Rule_oneshot_in_to_if_alone_is_rejected()
    {
        SingleError("[layer.n]\nh = \"a\"\n[[rule]]\nfrom = \"h\"\nto_if_alone = \"oneshot(n)\"\n", 5, 15, "oneshot() can't be used in a rule's to_if_alone");
    }

    [Fact]
    public void Nested_list_in_a_sequence()
    {
        SingleError("[remap]\na = [\"c\", [\"h\"]]\n", 2, 11, "lists can't be nested");
    }

    [Fact]
    public void Layer_written_as_a_value_instead_of_a_table()
    {
        SingleError("layer.nav = \"h\"\n", 1, 13, "must be a table");
    }

    [Fact]
    public void Unclosed_function_call()
    {
        SingleError("[remap]\na = \"layer(nav\"\n[layer.nav]\nh = \"c\"\n", 2, 5, "missing its closing ')'");
    }

    [Fact]
    public void Set_value_too_large()
    {
        SingleError("[remap]\na = \"set(x, 99999999999)\"\n", 2, 10, "set() takes a variable name and an integer");
    }

    [Fact]
    public void A_composite_layer_must_name_layers_that_exist()
    {
        SingleError("[remap]\na = \"layer(nav)\"\n[layer.nav]\nh = \"a\"\n[layer.\"nav+sym\"]\nh = \"b\"\n", 5, 8, "names 'sym', which is no layer");
    }

    [Fact]
    public void A_composite_layer_cannot_be_activated_itself()
    {
        SingleError("[remap]\na = \"layer(nav)\"\nb = \"layer(sym)\"\nc = \"toggle(nav+sym)\"\n[layer.nav]\nh = \"a\"\n[layer.sym]\nh = \"b\"\n[layer.\"nav+sym\"]\nh = \"c\"\n",
            4, 13, "'nav+sym' is a composite layer");
    }

    [Fact]
    public void A_one_shot_of_a_key_that_is_not_a_modifier_needs_a_timeout()
    {
        SingleError("[remap]\na = { oneshot = \"ctrl+z\" }\n", 2, 17, "needs timeout_ms");
    }

    [Fact]
    public void A_one_shot_end_is_press_or_release()
    {
        SingleError("[remap]\na = { oneshot = \"left_shift\", end = \"later\" }\n", 2, 37, "unknown one-shot end 'later'");
    }

    [Fact]
    public void A_multi_cannot_hold_a_tap_hold()
    {
        SingleError("[remap]\na = { multi = [\"b\", { tap = \"c\", hold = \"d\" }] }\n", 2, 21, "a tap-hold table can't be used in a multi");
    }
}
