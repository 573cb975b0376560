using Remapper.Core.Import;
using Remapper.Core.Import.Keyd;
using Remapper.Core.Keymap;
using Remapper.Core.Testing;
using Remapper.Core.Tests.Cli;
using Remapper.Core.Tests.Testing;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>
/// keyd config → keymap: what a keyd user's file becomes, what is reported as left out (with its line and column),
/// that every result loads, and that the imported keymap types what keyd would.
/// </summary>
public class KeydImporterTests(ITestOutputHelper output)
{
    private static readonly string Fixtures = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "Remapper.Core.Tests", "Import", "Fixtures");

    private ImportResult Import(string text)
    {
        var result = KeydImporter.Import(text, "my.conf");
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        return result;
    }

    private static void AssertLoads(ImportResult result)
    {
        Assert.NotNull(result.Toml);
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
    }

    /// <summary>Runs a .keytest against the import of <paramref name="conf"/>, as `keymap my.conf` in a .keytest does.</summary>
    private KeyTestFileResult RunAgainst(string conf, string tests)
    {
        using var dir = new TempDir();
        dir.File("my.conf", conf);
        var keytest = dir.File("my.keytest", "keymap my.conf\n\n" + tests);
        var parsed = KeyTestParser.ParseFile(keytest);
        Assert.True(parsed.File is not null, string.Join("\n", parsed.Errors));
        var result = new KeyTestRunner().Run(parsed.File!);
        foreach (var r in result.Results) output.WriteLine(r.Failure ?? $"ok {r.Test.Name}");
        return result;
    }

    [Fact]
    public void A_typical_config_converts_with_each_left_out_part_at_its_line_and_column()
    {
        var path = Path.Combine(Fixtures, "keyd.conf");
        var result = KeydImporter.Import(File.ReadAllText(path), "keyd.conf");
        AssertLoads(result);
        Assert.Contains("caps_lock = { tap = \"escape\", hold = \"left_control\", mode = \"overload\" }", result.Toml);
        Assert.Contains("spacebar = { tap = \"spacebar\", hold = \"layer(nav, left_control)\"", result.Toml);
        Assert.Contains("\"j+k\" = { combo = \"escape\", key_up_when = \"all\" }", result.Toml);
        Assert.Contains("right_option = \"oneshot(left_shift)\"", result.Toml);
        Assert.Contains("combo_term_ms = 40", result.Toml);
        Assert.Contains("match = { vendor_id = 0x046d, product_id = 0xc52b }\nignore = true", result.Toml);
        Assert.Contains("f = { tap = \"f\", hold = \"left_shift\", mode = \"permissive_hold\", term_ms = 200, quick_tap_ms = 0, replay = \"under_tap\", require_prior_idle_ms = 150 }", result.Toml);
        Assert.Equal(["keyd.conf:18:10"], result.NotConverted.Select(n => $"{n.Source}:{n.Place}"));
        Assert.Contains("# insert = command(notify-send hello)", result.Toml);
    }

    [Fact]
    public void A_file_without_sections_is_not_a_keyd_config()
    {
        var result = Import("capslock = esc\n");
        Assert.Null(result.Toml);
        Assert.Contains("not a keyd config", result.Error!.Message);
    }

    [Fact]
    public void Keys_are_named_as_keyd_names_them_with_its_modifier_prefixes_and_shifted_characters()
    {
        var result = Import("[ids]\n*\n[main]\n= = M-C-S-x\n[ = H\n' = !\n; = leftbrace\n");
        AssertLoads(result);
        Assert.True(result.Complete);
        Assert.Contains("equal_sign = \"left_shift+left_command+left_control+x\"", result.Toml);
        Assert.Contains("open_bracket = \"left_shift+h\"", result.Toml);
        Assert.Contains("quote = \"left_shift+1\"", result.Toml);
        Assert.Contains("semicolon = \"open_bracket\"", result.Toml);
    }

    [Fact]
    public void What_cannot_be_converted_is_reported_where_it_is_and_kept_as_a_comment()
    {
        var result = Import("[ids]\n*\n[main]\na = command(ls)\nnosuchkey = a\nb = layer(nope)\n[nav+sym]\nh = left\n");
        AssertLoads(result);
        Assert.Equal(
            ["4:5: command() runs a shell command; nothing in a Remapper keymap does", "5:1: 'nosuchkey' is not a keyd key name Remapper knows",
             "6:5: unknown layer 'nope'", "7:1: the composite layer [nav+sym] names 'nav', which no section defines"],
            result.NotConverted.Select(n => $"{n.Place}: {n.Message}"));
        Assert.Contains("# a = command(ls)", result.Toml);
        Assert.Contains("# h = left", result.Toml);
    }

    [Fact]
    public void A_layer_with_modifiers_holds_them_and_keyds_control_layer_is_reached_by_the_control_key()
    {
        var conf = "[ids]\n*\n[main]\ncapslock = layer(nav)\n[nav:C]\nh = left\n[control]\na = b\n";
        var result = RunAgainst(conf, """
            test caps lock + c is control+c, caps lock + h a plain left arrow
                caps_lock down
                c tap
                h tap
                caps_lock up
            expect
                left_control down
                c down
                c up
                left_control up
                left_arrow down
                left_arrow up
                left_control down
                left_control up

            test control + a is b, as keyd's [control] layer says
                left_control down
                a tap
                left_control up
            expect
                left_control down
                left_control up
                b down
                b up
                left_control down
                left_control up
            """);
        Assert.True(result.Passed, string.Join("\n", result.FileErrors.Concat(result.Results.Select(r => r.Failure ?? ""))));
    }

    [Fact]
    public void Keyds_one_shot_modifiers_stack()
    {
        var conf = "[ids]\n*\n[main]\nleftshift = oneshot(shift)\nleftcontrol = oneshot(control)\n";
        var result = RunAgainst(conf, """
            test one-shot control, one-shot shift, i is control+shift+i
                left_control tap
                left_shift tap
                i tap
            expect
                left_control down
                left_shift down
                i down
                i up
                left_shift up
                left_control up
            """);
        Assert.True(result.Passed, string.Join("\n", result.FileErrors.Concat(result.Results.Select(r => r.Failure ?? ""))));
    }

    [Fact]
    public void Togglem_becomes_a_sequence_swapm_a_multi_and_swap_and_clear_stay_themselves()
    {
        var result = Import("[ids]\n*\n[main]\nf1 = togglem(nav, macro(hi))\nf2 = clear()\n[nav]\nf3 = swapm(num, tab)\nf4 = swap(num)\n[num:S]\nh = 1\n");
        AssertLoads(result);
        Assert.True(result.Complete);
        Assert.Contains("f1 = [\"h\", \"i\", \"toggle(nav)\"]", result.Toml);
        Assert.Contains("f2 = \"clear()\"", result.Toml);
        Assert.Contains("f3 = { multi = [\"swap(num, left_shift)\", [\"tab\"]] }", result.Toml);
        Assert.Contains("f4 = \"swap(num, left_shift)\"", result.Toml);
    }

    [Fact]
    public void Disable_modifier_guard_turns_the_guard_off()
    {
        var result = Import("[ids]\n*\n[global]\ndisable_modifier_guard = 1\n[main]\na = b\n");
        Assert.True(result.Complete);
        Assert.Contains("modifier_guard = false", result.Toml);
        AssertLoads(result);
    }

    [Fact]
    public void The_keyd_test_config_imports_and_loads()
    {
        var path = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "conformance", "keyd", "test.conf");
        var result = KeydImporter.Import(File.ReadAllText(path), "test.conf");
        AssertLoads(result);
        Assert.All(result.NotConverted, n => Assert.Matches(@"^\d+:\d+$", n.Place));
    }

    [Fact]
    public void Layerm_oneshotm_and_oneshotk_become_multis_and_a_composite_layer_its_own()
    {
        var conf = "[ids]\n*\n[main]\np = layerm(shift, macro(on))\ne = oneshotm(shift, macro(on))\nf = oneshotk(shift, f)\n" +
                   "capslock = layer(nav)\nleftalt = layer(sym)\n[nav:C]\nh = left\n[sym:A]\na = 1\n[nav+sym]\nh = home\n";
        var result = Import(conf);
        AssertLoads(result);
        Assert.True(result.Complete);
        Assert.Contains("p = { multi = [[\"o\", \"n\"], \"left_shift\"] }", result.Toml);
        Assert.Contains("e = { multi = [[\"o\", \"n\"], \"oneshot(left_shift)\"] }", result.Toml);
        Assert.Contains("f = { multi = [\"f\", \"oneshot(left_shift)\"] }", result.Toml);
        Assert.Contains("[layer.\"nav+sym\"]\n", result.Toml);
    }

    [Fact]
    public void A_composite_layer_of_a_modifier_layer_makes_the_modifier_key_activate_it()
    {
        var conf = "[ids]\n*\n[main]\nleftalt = layer(sym)\n[sym:A]\na = 1\n[sym+shift]\nh = left\n";
        var result = RunAgainst(conf, """
            test alt+shift+h is the composite layer's left
                left_option down
                left_shift down
                h tap
                left_shift up
                left_option up
            expect
                left_option down
                left_shift down
                left_option up
                left_shift up
                left_arrow down
                left_arrow up
                left_option down
                left_shift down
                left_shift up
                left_option up
            """);
        Assert.True(result.Passed, string.Join("\n", result.FileErrors.Concat(result.Results.Select(r => r.Failure ?? ""))));
    }
}
