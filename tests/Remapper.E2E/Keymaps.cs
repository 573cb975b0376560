namespace Remapper.E2E;

/// <summary>The keymaps the scenarios run, in the TOML users write.</summary>
internal static class Keymaps
{
    /// <summary>A mouse layer on right alt at one speed (10 pixels a step, every 20 ms after the first), so amounts can be counted.</summary>
    public const string MouseLayer = """
        version = 1

        [settings.mouse]
        mode = "constant"
        move_delta = 10
        delay_ms = 20
        interval_ms = 20

        [remap]
        right_alt = "layer(mouse)"

        [layer.mouse]
        h = "mouse(left)"
        j = "mouse(down)"
        k = "mouse(up)"
        l = "mouse(right)"
        f = "button(left)"

        """;

    public const string CapsLockToEscape = """
        version = 1

        [remap]
        caps_lock = "escape"

        """;

    public const string TapHoldAndLayer = """
        version = 1

        [settings]
        tapping_term_ms = 200

        [remap]
        caps_lock = { tap = "escape", hold = "left_control" }
        right_alt = "layer(nav)"

        [layer.nav]
        h = "left_arrow"

        """;

    /// <summary>Caps lock passes through untouched, so the desktop side of the LED round trip can toggle it.</summary>
    public const string PassThrough = """
        version = 1

        [remap]
        f1 = "f2"

        """;
}
