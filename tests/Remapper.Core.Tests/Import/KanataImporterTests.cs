using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Keymap;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>
/// kanata .kbd → keymap: what each kanata form becomes, what is reported as left out (FILE:LINE:COL), and that every
/// result loads. Behaviour against kanata's own simulator cases is tests/conformance/kanata.
/// </summary>
public class KanataImporterTests(ITestOutputHelper output)
{
    private ImportResult Import(string kbd)
    {
        var result = KanataImporter.Import(kbd, "test.kbd");
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        if (result.Toml is not null)
        {
            var loaded = KeymapLoader.Load(result.Toml, "imported.toml");
            Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        }
        return result;
    }

    [Fact]
    public void The_first_layer_is_remap_and_keys_that_map_to_themselves_are_left_out()
    {
        var result = Import("(defsrc a b c)\n(deflayer qwerty a c XX)\n(deflayer other _ _ x)");
        Assert.True(result.Complete);
        Assert.Contains("[remap]\n# kanata layer 'qwerty' (its first: the base layer)\nb = \"c\"\nc = \"none\"\n", result.Toml);
        Assert.Contains("[layer.other]\nc = \"x\"\n", result.Toml);
        Assert.DoesNotContain("a = ", result.Toml);
    }

    [Theory]
    [InlineData("(tap-hold 150 200 a lctl)", "{ tap = \"a\", hold = \"left_control\", mode = \"hold_on_timeout\", term_ms = 200, quick_tap_ms = 150, replay = \"under_tap\" }")]
    [InlineData("(tap-hold-press 0 200 a lctl)", "{ tap = \"a\", hold = \"left_control\", mode = \"hold_on_other_key_press\", term_ms = 200, replay = \"under_tap\" }")]
    [InlineData("(tap-hold-release-timeout 0 100 x y z)", "{ tap = \"x\", hold = \"y\", mode = \"permissive_hold\", term_ms = 100, timeout = \"z\", replay = \"under_tap\" }")]
    [InlineData("(tap-hold-release-keys 0 100 x y (z))", "{ tap = \"x\", hold = \"y\", tap_keys = [\"z\"], mode = \"permissive_hold\", term_ms = 100, replay = \"under_tap\" }")]
    [InlineData("(tap-hold-keys 0 100 x y (hold-on-press b) (require-prior-idle 150))", "{ tap = \"x\", hold = \"y\", hold_keys = [\"b\"], mode = \"permissive_hold\", term_ms = 100, require_prior_idle_ms = 150, replay = \"under_tap\" }")]
    [InlineData("(tap-hold-opposite-hand-release 200 x y (same-hand ignore))", "{ tap = \"x\", hold = \"y\", same_hand = \"ignore\", hands_decide_on = \"release\", mode = \"hold_on_timeout\", term_ms = 200, timeout = \"x\", replay = \"under_tap\" }")]
    [InlineData("(tap-hold-release-timeout 0 100 x y z reset-timeout-on-press)", "{ tap = \"x\", hold = \"y\", reset_term_on_press = true, mode = \"permissive_hold\", term_ms = 100, timeout = \"z\", replay = \"under_tap\" }")]
    [InlineData("(tap-hold-order 200 50 a lctl)", "{ tap = \"a\", hold = \"left_control\", release_grace_ms = 50, mode = \"permissive_hold\", term_ms = 10000, quick_tap_ms = 200, timeout = \"a\", replay = \"under_tap\" }")]
    public void Each_tap_hold_variant_becomes_a_mode_and_options(string kanata, string toml)
    {
        var result = Import($"(defhands (left a) (right j))\n(defsrc a)\n(deflayer base {kanata})");
        Assert.True(result.Complete);
        Assert.Contains($"a = {toml}\n", result.Toml);
    }

    [Fact]
    public void Mouse_buttons_wheel_and_motion_become_mouse_keys_and_their_own_speeds_are_reported()
    {
        var result = Import("(defsrc a b c d e f)\n(deflayer base mlft mrtp (mwheel-down 50 120) (movemouse-left 10 2) (movemouse-accel-up 4 1000 1 5) (movemouse-speed 25))");
        Assert.Contains("a = \"button(left)\"\n", result.Toml);
        Assert.Contains("b = \"click(right)\"\n", result.Toml);
        Assert.Contains("c = \"wheel(down)\"\n", result.Toml);
        Assert.Contains("d = \"mouse(left)\"\n", result.Toml);
        Assert.Contains("e = \"mouse(up)\"\n", result.Toml);
        Assert.Contains("f = \"mouse_speed(0.25)\"\n", result.Toml);
        Assert.False(result.Complete); // the per-action interval and distance are not kept
        Assert.Equal(3, result.NotConverted.Count(n => n.ToString().Contains("interval and distance are not kept")));
    }

    [Fact]
    public void Aliases_variables_layers_and_chords_are_resolved()
    {
        var result = Import("""
            (defvar t 180)
            (defsrc a b spc)
            (defalias nav (layer-while-held nav) sw (layer-switch my-layer) cs C-S-t)
            (deflayer base @cs @sw @nav)
            (deflayer nav (macro h i) (unicode é) _)
            (deflayer my-layer (layer-switch base) _ _)
            (defchordsv2 (a b) esc 40 first-release ())
            """);
        Assert.Contains("a = \"left_control+left_shift+t\"", result.Toml);
        Assert.Contains("b = \"switch(my_layer)\"", result.Toml);
        Assert.Contains("spacebar = \"layer(nav)\"", result.Toml);
        Assert.Contains("[layer.my_layer]\n# kanata layer 'my-layer'\na = \"switch(base)\"", result.Toml);
        Assert.Contains("\"a+b\" = \"escape\"", result.Toml);
        Assert.Contains("combo_term_ms = 40", result.Toml);
        Assert.Contains("a = [\"h\", \"i\"]", result.Toml);
    }

    [Fact]
    public void Chord_options_become_combo_options()
    {
        var result = Import("""
            (defcfg chords-v2-min-idle 30)
            (defsrc a b c d)
            (deflayer base a b c d)
            (deflayer nav a b c d)
            (defchordsv2
              (a b) esc 40 all-released (nav)
              (c d) tab 90 first-release ())
            """);
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        Assert.Contains("\"a+b\" = { combo = \"escape\", key_up_when = \"all\", disabled_layers = [\"nav\"] }", result.Toml);
        Assert.Contains("\"c+d\" = { combo = \"tab\", term_ms = 90 }", result.Toml);
        Assert.Contains("combo_term_ms = 40", result.Toml);
        Assert.Contains("combo_min_idle_ms = 30", result.Toml);
    }

    [Fact]
    public void An_unknown_action_is_noted_at_its_line_and_column_and_kept_as_a_comment()
    {
        var result = Import("(defsrc a b)\n(deflayer base (fork a b ()) @missing)");
        Assert.Equal(["test.kbd:2:16: not supported: kanata's 'fork' has no Remapper equivalent yet",
                      "test.kbd:2:30: not supported: no defalias defines @missing"],
            result.NotConverted.Select(n => n.ToString()));
        Assert.Contains("# a = (fork a b ())", result.Toml);
        Assert.Contains("# b = @missing", result.Toml);
    }

    [Fact]
    public void An_alias_that_refers_to_itself_is_an_error_not_a_hang()
    {
        var result = Import("(defsrc a)\n(defalias x @y y @x)\n(deflayer base @x)");
        Assert.Contains(result.NotConverted, n => n.Message.Contains("refers to itself", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"profiles\": []}", "this is not a kanata configuration")]
    [InlineData("(defsrc a", "test.kbd:1:1: error: this is not a kanata configuration: this '(' is never closed")]
    [InlineData("a = \"b\"", "it has no (defsrc …) and no (deflayer …)")]
    [InlineData("(defsrc a) #| never closed", "a '#|' block comment that never ends")]
    public void What_is_not_kanata_is_refused_with_its_place(string text, string message)
    {
        var result = Import(text);
        Assert.Null(result.Toml);
        Assert.Contains(message, result.Error!.ToString());
    }

    [Fact]
    public void Deeply_nested_lists_are_refused_not_a_stack_overflow()
    {
        var text = "(defsrc a)\n(deflayer base " + new string('(', 10_000) + new string(')', 10_000) + ")";
        var result = Import(text);
        Assert.Null(result.Toml);
        Assert.Contains("nested more than", result.Error!.Message);
    }

    [Theory]
    [InlineData("(one-shot 500 lsft)", "{ oneshot = \"left_shift\", timeout_ms = 500, end = \"press\" }")]
    [InlineData("(one-shot-release 2000 lctl)", "{ oneshot = \"left_control\", timeout_ms = 2000 }")]
    [InlineData("(one-shot 1000 C-z)", "{ oneshot = \"left_control+z\", timeout_ms = 1000, end = \"press\" }")]
    [InlineData("(multi a (one-shot 100 lsft))", "{ multi = [\"a\", { oneshot = \"left_shift\", timeout_ms = 100, end = \"press\" }] }")]
    public void One_shots_keep_their_timeout_and_variant_and_a_multi_of_more_than_keys_is_a_multi(string kanata, string toml)
    {
        var result = Import($"(defsrc a)\n(deflayer base {kanata})");
        Assert.True(result.Complete);
        Assert.Contains($"a = {toml}\n", result.Toml);
    }
}
