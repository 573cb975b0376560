using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>The acceptance test: every mistake in a file is reported in one pass, each at its place.</summary>
public class KeymapFiveMistakesTests
{
    [Fact]
    public void Five_different_mistakes_give_exactly_five_diagnostics_at_the_right_places()
    {
        const string toml = """
            version = 1

            [settings]
            tapping_term = 200
            combo_term_ms = 5000

            [remap]
            caps_lock = { tap = "escpe", hold = "left_control" }
            right_option = "layer(nva)"

            [layer.nav]
            h = "left_arrow"

            [[rule]]
            from = { key = "h", modifiers = { mandatory = ["any"] } }
            to = "left_arrow"
            """;
        var result = Load(toml);
        Assert.Null(result.Model);
        Assert.Equal(
            [
                (4, 1, "unknown key 'tapping_term' in [settings]"),
                (5, 17, "combo_term_ms must be between 1 and 1000, got 5000"),
                (8, 21, "unknown key 'escpe'"),
                (9, 23, "unknown layer 'nva'"),
                (15, 48, "'any' only makes sense among optional modifiers"),
            ],
            result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Message)));
        Assert.All(result.Diagnostics, d => Assert.True(d.IsError));
    }
}
