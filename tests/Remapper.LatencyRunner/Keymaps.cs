namespace Remapper.LatencyRunner;

/// <summary>The keymaps measured, in the TOML users write.</summary>
internal static class Keymaps
{
    /// <summary>An empty remap table: every key passes through, so only the pipeline's own cost is measured.</summary>
    public const string PassThrough = """
        version = 1

        [remap]

        """;

    /// <summary>
    /// What a home-row-mods user runs: tap-hold on a/s/d/f, a momentary layer, a combo. The plain-key workloads
    /// type letters this keymap does not touch (they still go through every stage); tap-hold keys are measured
    /// from their release, where the tap is decided.
    /// </summary>
    public const string Realistic = """
        version = 1

        [settings]
        tapping_term_ms = 200
        combo_term_ms = 50
        tap_hold_mode = "permissive_hold"

        [remap]
        a = { tap = "a", hold = "left_command" }
        s = { tap = "s", hold = "left_option" }
        d = { tap = "d", hold = "left_shift" }
        f = { tap = "f", hold = "left_control" }
        right_alt = "layer(nav)"
        "j+k" = "escape"

        [layer.nav]
        h = "left_arrow"
        j = "down_arrow"
        k = "up_arrow"
        l = "right_arrow"

        """;
}
