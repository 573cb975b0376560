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
}
