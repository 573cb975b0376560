namespace Remapper.Benchmarks;

/// <summary>The keymaps the benchmarks run, in the same TOML users write.</summary>
internal static class BenchmarkKeymaps
{
    public const string PassThrough = """
        [remap]
        """;

    public const string HomeRowMods = """
        [settings]
        tap_hold_mode = "permissive_hold"

        [remap]
        caps_lock = { tap = "escape", hold = "left_control" }
        a = { tap = "a", hold = "left_command" }
        s = { tap = "s", hold = "left_option" }
        d = { tap = "d", hold = "left_shift" }
        f = { tap = "f", hold = "left_control" }
        j = { tap = "j", hold = "right_control" }
        k = { tap = "k", hold = "right_shift" }
        l = { tap = "l", hold = "right_option" }
        semicolon = { tap = "semicolon", hold = "right_command" }
        """;

    public const string Combos = """
        [remap]
        "j+k" = "escape"
        "k+l" = "delete_or_backspace"
        "s+d" = "tab"
        "d+f" = "return_or_enter"
        """;

    public const string LayerHeavy = """
        [remap]
        spacebar = { tap = "spacebar", hold = "layer(nav)" }
        right_option = "layer(sym)"
        tab = "toggle(num)"
        caps_lock = "oneshot(fn)"

        [layer.nav]
        h = "left_arrow"
        j = "down_arrow"
        k = "up_arrow"
        l = "right_arrow"
        u = "ctrl+left_arrow"
        i = "ctrl+right_arrow"

        [layer.sym]
        a = "shift+1"
        s = "shift+2"
        d = "shift+3"
        f = "shift+4"

        [layer.num]
        m = "1"
        comma = "2"
        period = "3"

        [layer.fn]
        1 = "f1"
        2 = "f2"
        3 = "f3"

        [[rule]]
        from = "right_command"
        to = "left_shift+left_control+left_option+left_command"
        to_if_alone = "escape"
        """;

    /// <summary>Output actions: text, a macro with waits, unicode through the input method, caps_word, a repeating macro.</summary>
    public const string MacrosText = """
        [remap]
        q = 'text("Hi, you!")'
        w = 'macro("ctrl+c", 5ms, "ctrl+v")'
        e = 'unicode("é")'
        r = "caps_word(2s)"
        t = 'macro("x", 10ms, text("y"), repeat=10ms)'
        spacebar = { tap = 'text(" ")', hold = "left_shift" }
        """;

    /// <summary>Karabiner-style: 38 rules with variables, device and keyboard-type conditions, to-event modifiers, an any-key rule.</summary>
    public const string KarabinerHeavy = """
        [settings]
        keyboard_type = "ansi"

        [[rule]]
        description = "s held: vi mode"
        from = { key_code = "s", modifiers = { optional = ["any"] } }
        to = [{ set_variable = { name = "vi_mode", value = 1, key_up_value = 0 } }]
        to_if_alone = [{ key_code = "s" }]
        [[rule]]
        from = { key_code = "h", modifiers = { optional = ["any"] } }
        to = [{ key_code = "left_arrow", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "j", modifiers = { optional = ["any"] } }
        to = [{ key_code = "down_arrow", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "k", modifiers = { optional = ["any"] } }
        to = [{ key_code = "up_arrow", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "l", modifiers = { optional = ["any"] } }
        to = [{ key_code = "right_arrow", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "w", modifiers = { optional = ["any"] } }
        to = [{ key_code = "right_arrow", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "b", modifiers = { optional = ["any"] } }
        to = [{ key_code = "left_arrow", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "u", modifiers = { optional = ["any"] } }
        to = [{ key_code = "page_up", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "d", modifiers = { optional = ["any"] } }
        to = [{ key_code = "page_down", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "x", modifiers = { optional = ["any"] } }
        to = [{ key_code = "delete_forward", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "e", modifiers = { optional = ["any"] } }
        to = [{ key_code = "end", modifiers = ["left_option"] }]
        conditions = [{ type = "variable_if", name = "vi_mode", value = 1 }, { type = "keyboard_type_unless", keyboard_types = ["jis"] }]
        [[rule]]
        from = { key_code = "a", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "a", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "b", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "b", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "c", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "c", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "d", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "d", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "e", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "e", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "f", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "f", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "g", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "g", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "h", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "h", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "i", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "i", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "j", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "j", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "k", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "k", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "l", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "l", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "m", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "m", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "n", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "n", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "o", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "o", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "p", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "p", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "q", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "q", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "r", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "r", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "s", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "s", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "t", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "t", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "u", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "u", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "v", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "v", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "w", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "w", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "x", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "x", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "y", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "y", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        from = { key_code = "z", modifiers = { mandatory = ["control"], optional = ["caps_lock"] } }
        to = [{ key_code = "z", modifiers = ["left_command"] }]
        conditions = [{ type = "variable_unless", name = "mode", value = "emacs" }, { type = "device_unless", identifiers = [{ vendor_id = 1452 }] }]
        [[rule]]
        description = "everything off while locked"
        from = { any = "key_code" }
        conditions = [{ type = "variable_if", name = "locked", value = true }]
        """;

    /// <summary>Tap-hold options (hands, require-prior-idle, key lists, timeout action, replay under the tap) and tap-dance.</summary>
    public const string TapHoldOptions = """
        [settings]
        hands = { left = ["a", "s", "d", "f"], right = ["j", "k", "l", "semicolon"] }

        [remap]
        a = { tap = "a", hold = "left_command", mode = "hold_on_timeout", opposite_hand = "hold", require_prior_idle_ms = 120, replay = "under_tap" }
        s = { tap = "s", hold = "left_option", mode = "hold_on_timeout", opposite_hand = "hold", hands_decide_on = "release" }
        d = { tap = "d", hold = "left_shift", mode = "permissive_hold", tap_keys = ["f"], hold_keys = ["j"], timeout = "f13" }
        k = { tap = "k", hold = "right_shift", mode = "hold_on_timeout", tap_release_keys = ["l"], require_prior_idle_ms = 150 }
        q = { tap_dance = ["q", "ctrl+q", "escape"], term_ms = 120 }
        """;

    /// <summary>One-shot modifiers, tap-dance and sequences after a leader (issue 10's workload).</summary>
    public const string OneShotDanceSequences = """
        [settings]
        sequence_input_mode = "visible_backspaced"
        sequence_timeout_ms = 300

        [remap]
        z = "oneshot(shift)"
        v = "oneshot(ctrl)"
        q = { tap_dance = ["q", "ctrl+q", "escape"], term_ms = 120 }
        x = "leader()"

        [sequences]
        "a b" = "f5"
        "c (d e)" = 'macro("h", "i")'
        "g s t" = "ctrl+s"
        "shift+(h j)" = "f6"
        """;
}
