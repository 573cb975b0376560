using Remapper.Core.Devices;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>Each construct of the keymap language gives the model the engine expects.</summary>
public class KeymapConstructTests
{
    private static readonly Usage H = Usage.Key(0x0B), J = Usage.Key(0x0D), K = Usage.Key(0x0E), C = Usage.Key(0x06);

    [Fact]
    public void Empty_file_is_a_valid_keymap_with_defaults()
    {
        var model = Valid("");
        Assert.Equal(1, model.Version);
        Assert.Equal(new KeymapSettings().TappingTermMs, model.Settings.TappingTermMs);
        Assert.Empty(model.Remap);
        Assert.Equal(FileName, model.SourcePath);
    }

    [Fact]
    public void Simple_remap_binds_a_key_to_a_key()
    {
        var model = Valid("[remap]\ncaps_lock = \"escape\"\n");
        var binding = Assert.Single(model.Remap);
        Assert.Equal([Usages.CapsLock], binding.From);
        Assert.Equal([Usages.Escape], Assert.IsType<ChordAction>(binding.Action).Keys);
        Assert.Equal(new SourceLocation(FileName, 2, 1), binding.Location);
        Assert.Equal(new SourceLocation(FileName, 2, 13), binding.Action.Location);
    }

    [Fact]
    public void Aliases_of_key_names_are_accepted_on_both_sides()
    {
        var model = Valid("[remap]\ncapslock = 'esc'\n");
        var binding = Assert.Single(model.Remap);
        Assert.Equal([Usages.CapsLock], binding.From);
        Assert.Equal([Usages.Escape], ((ChordAction)binding.Action).Keys);
    }

    [Fact]
    public void Chord_target_presses_keys_in_written_order()
    {
        var model = Valid("[remap]\ncaps_lock = \"left_control+left_shift+a\"\n");
        Assert.Equal([Usages.LeftControl, Usages.LeftShift, Usages.A], ((ChordAction)model.Remap[0].Action).Keys);
    }

    [Theory]
    [InlineData("ctrl", 0xE0)]
    [InlineData("control", 0xE0)]
    [InlineData("shift", 0xE1)]
    [InlineData("alt", 0xE2)]
    [InlineData("opt", 0xE2)]
    [InlineData("cmd", 0xE3)]
    [InlineData("super", 0xE3)]
    [InlineData("win", 0xE3)]
    public void Generic_modifier_words_in_a_chord_target_mean_the_left_key(string word, int usageId)
    {
        var model = Valid($"[remap]\ncaps_lock = \"{word}+a\"\n");
        Assert.Equal([Usage.Key((ushort)usageId), Usages.A], ((ChordAction)model.Remap[0].Action).Keys);
    }

    [Fact]
    public void None_disables_a_key()
    {
        var model = Valid("[remap]\ncaps_lock = \"none\"\n");
        Assert.IsType<NoAction>(model.Remap[0].Action);
    }

    [Fact]
    public void Array_in_a_remap_table_is_a_sequence_of_taps()
    {
        var model = Valid("[remap]\ncaps_lock = [\"ctrl+a\", \"c\"]\n");
        var sequence = Assert.IsType<SequenceAction>(model.Remap[0].Action);
        Assert.Equal(2, sequence.Steps.Count);
        Assert.Equal([Usages.LeftControl, Usages.A], ((ChordAction)sequence.Steps[0]).Keys);
        Assert.Equal([C], ((ChordAction)sequence.Steps[1]).Keys);
    }

    [Fact]
    public void Tap_hold_with_defaults_leaves_per_key_options_unset()
    {
        var model = Valid("[remap]\ncaps_lock = { tap = \"escape\", hold = \"left_control\" }\n");
        var tapHold = Assert.IsType<TapHoldAction>(model.Remap[0].Action);
        Assert.Equal([Usages.Escape], ((ChordAction)tapHold.Tap).Keys);
        Assert.Equal([Usages.LeftControl], ((ChordAction)tapHold.Hold).Keys);
        Assert.Null(tapHold.Mode);
        Assert.Null(tapHold.TappingTermMs);
        Assert.Null(tapHold.QuickTapTermMs);
    }

    [Fact]
    public void Tap_hold_takes_mode_term_and_quick_tap_and_a_layer_as_hold()
    {
        var model = Valid("""
            [remap]
            spacebar = { tap = "spacebar", hold = "layer(nav)", mode = "permissive_hold", term_ms = 180, quick_tap_ms = 120 }
            [layer.nav]
            h = "left_arrow"
            """);
        var tapHold = (TapHoldAction)model.Remap[0].Action;
        Assert.Equal(new LayerAction(LayerActionKind.Momentary, "nav", tapHold.Hold.Location), tapHold.Hold);
        Assert.Equal(HoldMode.PermissiveHold, tapHold.Mode);
        Assert.Equal(180, tapHold.TappingTermMs);
        Assert.Equal(120, tapHold.QuickTapTermMs);
    }

    [Fact]
    public void Tap_hold_tap_can_be_a_sequence_or_a_toggle()
    {
        var model = Valid("""
            [remap]
            a = { tap = ["c", "h"], hold = "left_shift" }
            caps_lock = { tap = "toggle(nav)", hold = "left_control" }
            [layer.nav]
            h = "left_arrow"
            """);
        Assert.IsType<SequenceAction>(((TapHoldAction)model.Remap[0].Action).Tap);
        Assert.Equal(LayerActionKind.Toggle, ((LayerAction)((TapHoldAction)model.Remap[1].Action).Tap).Kind);
    }

    [Theory]
    [InlineData("layer", LayerActionKind.Momentary)]
    [InlineData("toggle", LayerActionKind.Toggle)]
    [InlineData("oneshot", LayerActionKind.OneShot)]
    [InlineData("switch", LayerActionKind.SwitchBase)]
    public void Layer_actions_name_their_layer(string function, LayerActionKind kind)
    {
        var model = Valid($"[remap]\nright_option = \"{function}(nav)\"\n[layer.nav]\nh = \"left_arrow\"\n");
        var action = Assert.IsType<LayerAction>(model.Remap[0].Action);
        Assert.Equal(kind, action.Kind);
        Assert.Equal("nav", action.Layer);
    }

    [Fact]
    public void Switch_to_base_needs_no_layer_table()
    {
        var model = Valid("[layer.nav]\nescape = \"switch(base)\"\n[remap]\ncaps_lock = \"switch(nav)\"\n");
        Assert.Equal("base", ((LayerAction)model.Layers[0].Bindings[0].Action).Layer);
    }

    [Fact]
    public void Layers_keep_their_order_bindings_and_transparent_keys()
    {
        var model = Valid("""
            [remap]
            caps_lock = "layer(nav)"
            spacebar = "layer(sym)"
            [layer.nav]
            h = "left_arrow"
            j = "transparent"
            k = "_"
            [layer.sym]
            a = "c"
            """);
        Assert.Equal(["nav", "sym"], model.Layers.Select(l => l.Name));
        var nav = model.Layers[0];
        Assert.Equal(new SourceLocation(FileName, 4, 8), nav.Location);
        Assert.Equal([H, J, K], nav.Bindings.Select(b => b.From[0]));
        Assert.IsType<TransparentAction>(nav.Bindings[1].Action);
        Assert.IsType<TransparentAction>(nav.Bindings[2].Action);
    }

    [Fact]
    public void Combo_key_lists_every_key_in_written_order()
    {
        var model = Valid("[remap]\n\"j+k\" = \"escape\"\n");
        Assert.Equal([J, K], model.Remap[0].From);
    }

    [Fact]
    public void Set_variable_action_carries_name_and_value()
    {
        var model = Valid("[remap]\ncaps_lock = \"set(vim_mode, -1)\"\n");
        Assert.Equal(new SetVariableAction("vim_mode", -1, new SourceLocation(FileName, 2, 13)), model.Remap[0].Action);
    }

    [Fact]
    public void Alias_is_replaced_by_its_action_wherever_used()
    {
        var model = Valid("""
            [alias]
            hyper = "left_shift+left_control+left_option+left_command"
            [remap]
            caps_lock = "@hyper"
            """);
        Assert.Equal([Usages.LeftShift, Usages.LeftControl, Usages.LeftOption, Usages.LeftCommand],
            ((ChordAction)model.Remap[0].Action).Keys);
    }

    [Fact]
    public void Alias_may_use_another_alias_and_join_a_chord()
    {
        var model = Valid("""
            [alias]
            mods = "@cs"
            cs = "ctrl+shift"
            [remap]
            caps_lock = "@mods+a"
            """);
        Assert.Equal([Usages.LeftControl, Usages.LeftShift, Usages.A], ((ChordAction)model.Remap[0].Action).Keys);
    }

    [Fact]
    public void Alias_can_hold_a_tap_hold_for_a_binding()
    {
        var model = Valid("[alias]\nesc_ctrl = { tap = \"escape\", hold = \"ctrl\" }\n[remap]\ncaps_lock = \"@esc_ctrl\"\n");
        Assert.IsType<TapHoldAction>(model.Remap[0].Action);
    }

    [Fact]
    public void Settings_are_read()
    {
        var model = Valid("""
            [settings]
            tapping_term_ms = 180
            quick_tap_ms = 100
            combo_term_ms = 30
            tap_hold_mode = "hold_on_timeout"
            rule_alone_timeout_ms = 900
            rule_held_down_threshold_ms = 400
            emergency = ["left_shift", "escape"]
            """);
        var s = model.Settings;
        Assert.Equal((180, 100, 30, HoldMode.HoldOnTimeout, 900, 400), (s.TappingTermMs, s.QuickTapTermMs, s.ComboTermMs, s.TapHoldMode,
            s.RuleAloneTimeoutMs, s.RuleHeldDownThresholdMs));
        Assert.Equal([Usages.LeftShift, Usages.Escape], s.EmergencySequence);
    }

    [Fact]
    public void Device_block_with_full_match_and_ignore()
    {
        var model = Valid("""
            [[device]]
            match = { name = "Apple*", vendor_id = 0x05ac, product_id = 0x0342, bus = "spi", built_in = true }
            ignore = true
            """);
        var device = Assert.Single(model.Devices);
        Assert.Equal(new DeviceMatch("Apple*", 0x05ac, 0x0342, DeviceBus.Spi, true), device.Match);
        Assert.True(device.Ignore);
        Assert.Empty(device.Remap);
        Assert.Equal(new SourceLocation(FileName, 1, 1), device.Location);
    }

    [Fact]
    public void Device_remap_as_inline_table_or_sub_table()
    {
        var model = Valid("""
            [[device]]
            match = { vendor_id = 1 }
            remap = { caps_lock = "escape" }

            [[device]]
            match = { bus = "usb" }
            [device.remap]
            a = "c"
            """);
        Assert.Equal(2, model.Devices.Count);
        Assert.Equal([Usages.CapsLock], model.Devices[0].Remap[0].From);
        Assert.Equal([Usages.A], model.Devices[1].Remap[0].From);
        Assert.False(model.Devices[1].Ignore);
    }

    [Fact]
    public void Rule_with_string_from_and_all_four_results()
    {
        var model = Valid("""
            [alias]
            hyper = "left_shift+left_control+left_option+left_command"
            [[rule]]
            description = "Right command alone is escape, held is hyper"
            from = "right_command"
            to = "@hyper"
            to_if_alone = "escape"
            to_if_held_down = ["a", "set(held, 1)"]
            to_after_key_up = "set(held, 0)"
            alone_timeout_ms = 300
            held_down_threshold_ms = 250
            """);
        var rule = Assert.Single(model.Rules);
        Assert.Equal("Right command alone is escape, held is hyper", rule.Description);
        Assert.Equal(Usages.RightCommand, rule.From.Key);
        Assert.Empty(rule.From.Mandatory);
        Assert.Equal(0, rule.From.OptionalMask);
        var to = Assert.Single(rule.To);
        Assert.Equal(Usages.LeftCommand, to.Key);
        Assert.Equal([Usages.LeftShift, Usages.LeftControl, Usages.LeftOption], to.Modifiers);
        Assert.Equal(Usages.Escape, Assert.Single(rule.ToIfAlone).Key);
        Assert.Equal(2, rule.ToIfHeldDown.Count);
        Assert.Equal("held", Assert.Single(rule.ToAfterKeyUp).SetVariable?.Name);
        Assert.Equal((300, 250), (rule.Parameters.AloneTimeoutMs, rule.Parameters.HeldDownThresholdMs));
        Assert.Equal(new SourceLocation(FileName, 3, 1), rule.Location);
    }

    [Fact]
    public void Rule_from_string_modifiers_are_mandatory_and_generic_words_accept_either_side()
    {
        var model = Valid("[[rule]]\nfrom = \"ctrl+left_shift+h\"\nto = \"left_arrow\"\n");
        var from = model.Rules[0].From;
        Assert.Equal(H, from.Key);
        Assert.Equal([(byte)0x11, (byte)0x02], from.Mandatory);
        Assert.Equal(0, from.OptionalMask);
    }

    [Fact]
    public void Rule_from_table_with_mandatory_and_optional_any()
    {
        var model = Valid("""
            [[rule]]
            from = { key = "h", modifiers = { mandatory = ["control"], optional = ["any"] } }
            to = "left_arrow"
            """);
        var from = model.Rules[0].From;
        Assert.Equal([(byte)0x11], from.Mandatory);
        Assert.Equal(0xFF, from.OptionalMask);
    }

    [Fact]
    public void Rule_optional_modifiers_combine_into_one_mask()
    {
        var model = Valid("""
            [[rule]]
            from = { key = "h", modifiers = { optional = ["shift", "right_command"] } }
            to = "left_arrow"
            """);
        Assert.Equal(0x22 | 0x80, model.Rules[0].From.OptionalMask);
    }

    [Fact]
    public void Rule_conditions_on_variables_and_devices()
    {
        var model = Valid("""
            [[rule]]
            from = "h"
            to = "left_arrow"
            conditions = [
              { type = "variable_if", name = "vim", value = 1 },
              { type = "variable_unless", name = "off", value = true },
              { type = "device_if", identifiers = [ { vendor_id = 0x05ac, built_in = true } ] },
              { type = "device_unless", identifiers = [ { name = "*YubiKey*" }, { bus = "bluetooth" } ] },
            ]
            """);
        var c = model.Rules[0].Conditions;
        Assert.Equal(4, c.Count);
        Assert.Equal(("vim", VariableValue.Of(1), false), (((VariableCondition)c[0]).Name, ((VariableCondition)c[0]).Value, ((VariableCondition)c[0]).Negate));
        Assert.Equal(("off", VariableValue.Of(1), true), (((VariableCondition)c[1]).Name, ((VariableCondition)c[1]).Value, ((VariableCondition)c[1]).Negate));
        Assert.Equal([new DeviceMatch(VendorId: 0x05ac, BuiltIn: true)], ((DeviceCondition)c[2]).Matches);
        Assert.False(((DeviceCondition)c[2]).Negate);
        var unless = (DeviceCondition)c[3];
        Assert.True(unless.Negate);
        Assert.Equal([new DeviceMatch(NameGlob: "*YubiKey*"), new DeviceMatch(Bus: DeviceBus.Bluetooth)], unless.Matches);
    }

    [Fact]
    public void Rule_to_with_an_alias_sequence_is_spliced_into_the_list()
    {
        var model = Valid("[alias]\nmods = [\"a\", \"c\"]\n[[rule]]\nfrom = \"h\"\nto = [\"@mods\", \"escape\"]\n");
        Assert.Equal([Usages.A, Usage.Key(0x06), Usages.Escape], model.Rules[0].To.Select(e => e.Key));
    }

    [Fact]
    public void Version_1_is_accepted()
    {
        Assert.Equal(1, Valid("version = 1\n").Version);
    }

    [Fact]
    public void Dotted_keys_and_quoted_keys_work_like_tables()
    {
        var model = Valid("settings.tapping_term_ms = 150\nremap.\"j+k\" = \"escape\"\n");
        Assert.Equal(150, model.Settings.TappingTermMs);
        Assert.Equal([J, K], model.Remap[0].From);
    }

    [Fact]
    public void Windows_line_ends_are_fine()
    {
        var model = Valid("\r\n[remap]\r\ncaps_lock = \"escape\"\r\n");
        Assert.Equal(3, model.Remap[0].Location.Line);
    }
}
