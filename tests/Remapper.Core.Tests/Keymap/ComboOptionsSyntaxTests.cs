namespace Remapper.Core.Tests.Keymap;

/// <summary>A combo written as a table: what loads, and the precise error for each mistake.</summary>
public class ComboOptionsSyntaxTests
{
    [Fact]
    public void A_combo_table_loads_with_its_options()
    {
        var model = KeymapAssert.Valid("""
            [remap]
            "j+k" = { combo = "escape", key_up_when = "all", term_ms = 80, disabled_layers = ["nav", "base"] }
            caps_lock = "layer(nav)"
            [layer.nav]
            h = "left_arrow"
            """);
        var combo = Assert.Single(model.Remap, b => b.From.Count == 2).Combo;
        Assert.NotNull(combo);
        Assert.True(combo.KeyUpWhenAll);
        Assert.Equal(80, combo.TermMs);
        Assert.Equal(["nav", "base"], combo.DisabledLayers);
    }

    [Theory]
    [InlineData("\"j+k\" = { combo = \"escape\", key_up_when = \"last\" }", 2, 43, "unknown key_up_when 'last'")]
    [InlineData("\"j+k\" = { combo = \"escape\", term_ms = 0 }", 2, 39, "term_ms must be between 1 and 1000")]
    [InlineData("\"j+k\" = { combo = \"escape\", disabled_layers = [\"nope\"] }", 2, 48, "unknown layer 'nope'")]
    [InlineData("\"j+k\" = { combo = \"escape\", term = 30 }", 2, 29, "unknown key 'term' in a combo")]
    public void A_mistake_in_a_combo_table_is_an_error_at_its_place(string line, int row, int column, string text) =>
        KeymapAssert.SingleError($"[remap]\n{line}\n", row, column, text);
}
