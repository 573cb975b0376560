using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Keymap;

/// <summary>What a person reads after a mistake: one error per line, the real one first, and no cascade.</summary>
public class KeymapDiagnosticTriageTests
{
    private static IReadOnlyList<Diagnostic> Errors(string text, string path = "k.toml")
    {
        var result = KeymapLoader.Load(text, path);
        Assert.False(result.Success);
        return result.Diagnostics;
    }

    [Fact]
    public void A_missing_closing_quote_is_one_error_on_its_own_line_not_a_cascade_over_the_rest_of_the_file()
    {
        var diagnostics = Errors("version = 1\n[remap]\ncaps_lock = \"escape\na = \"b\"\n[layer.nav]\nh = \"left_arrow\"\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("not closed", error.Message);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void On_a_line_that_does_not_parse_only_the_syntax_error_is_reported_and_other_lines_keep_theirs()
    {
        var diagnostics = Errors("version = 1\n[remap]\na = \"not_a_key\"\nb = = \"c\"\nc = \"also_not\"\n");
        Assert.Equal([(3, false), (4, true), (5, false)],
            diagnostics.Select(d => (d.Location.Line, d.Message.StartsWith("invalid TOML", StringComparison.Ordinal))));
    }

    [Fact]
    public void Every_diagnostic_is_one_line()
    {
        var diagnostics = Errors("version = 1\n[remap]\n\"a\nb\" = \"c\"\n");
        Assert.All(diagnostics, d => Assert.DoesNotContain('\n', d.ToString()));
    }

    [Theory]
    [InlineData("[ids]\n*\n\n[main]\ncapslock = overload(control, esc)\n", "keyd config")]
    [InlineData("[ids]\n*\n\n[main]\ncapslock = overload(control, esc)\n", "remapper import keyd karabiner.json")]
    [InlineData("(defcfg)\n(defsrc caps a)\n(deflayer base esc b)\n", "kanata config")]
    [InlineData("(defsrc caps a)\n(deflayer base esc b)\n", "convert it with `remapper import kanata karabiner.json`")]
    [InlineData("{\"profiles\": [{\"name\": \"Default\", \"complex_modifications\": {\"rules\": []}}]}\n", "remapper import karabiner karabiner.json")]
    public void Another_remappers_file_gets_one_line_that_names_it(string text, string expected)
    {
        var diagnostics = Errors(text, "/home/ada/karabiner.json");
        var error = Assert.Single(diagnostics);
        Assert.Contains(expected, error.ToString());
    }

    [Theory]
    [InlineData("caps_lock = \"overload(control, esc)\"", "{ tap = \"esc\", hold = \"left_control\", mode = \"overload\" }")]
    [InlineData("caps_lock = \"overload(nav, esc)\"", "hold = \"layer(nav)\"")]
    [InlineData("caps_lock = \"(tap-hold 200 200 esc lctl)\"", "{ tap = \"esc\", hold = \"left_control\", term_ms = 200 }")]
    [InlineData("caps_lock = \"(tap-hold 150 180 esc lctl)\"", "term_ms = 180 }")]
    [InlineData("a = \"KC_LGUI\"", "QMK's KC_LGUI is 'left_command' here")]
    [InlineData("a = \"KEY_LEFTALT\"", "Linux's KEY_LEFTALT is 'left_option' here")]
    [InlineData("KC_A = \"b\"", "QMK's KC_A is 'a' here")]
    public void Peer_action_and_key_syntax_gets_our_equivalent(string line, string hint)
    {
        var diagnostics = Errors($"version = 1\n[remap]\n{line}\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains(hint, error.Suggestion);
    }

    [Fact]
    public void The_suggested_equivalents_are_themselves_valid_keymaps()
    {
        Assert.True(KeymapLoader.Load("version = 1\n[remap]\ncaps_lock = { tap = \"esc\", hold = \"left_control\", term_ms = 200 }\n", "k.toml").Success);
        Assert.True(KeymapLoader.Load("version = 1\n[remap]\ncaps_lock = { tap = \"esc\", hold = \"layer(nav)\" }\n[layer.nav]\nh = \"left_arrow\"\n", "k.toml").Success);
    }
}
