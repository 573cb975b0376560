using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Import.Keyd;
using Remapper.Core.Keymap;
using Remapper.Core.Testing;
using Remapper.Core.Tests.Cli;
using Remapper.Core.Tests.Testing;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>
/// Full-size keyd and kanata configs of the shapes people publish (Fixtures/real-world): each imports with the
/// entry points `remapper import` uses, converts fully or with exactly the notes expected (FILE:LINE:COL), loads as
/// `remapper check` would load it, and types what its user relies on.
/// </summary>
public class RealWorldImportTests(ITestOutputHelper output)
{
    private static readonly string Fixtures = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "Remapper.Core.Tests", "Import", "Fixtures", "real-world");

    private ImportResult Import(string name)
    {
        var text = File.ReadAllText(Path.Combine(Fixtures, name));
        var result = name.EndsWith(".kbd", StringComparison.Ordinal) ? KanataImporter.Import(text, name) : KeydImporter.Import(text, name);
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        Assert.NotNull(result.Toml);
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return result;
    }

    /// <summary>Runs keytests against the fixture, as `keymap NAME` in a .keytest next to it does.</summary>
    private void AssertTypes(string name, string tests)
    {
        using var dir = new TempDir();
        dir.File(name, File.ReadAllText(Path.Combine(Fixtures, name)));
        var keytest = dir.File("my.keytest", $"keymap {name}\n\n" + tests);
        var parsed = KeyTestParser.ParseFile(keytest);
        Assert.True(parsed.File is not null, string.Join("\n", parsed.Errors));
        var result = new KeyTestRunner().Run(parsed.File!);
        foreach (var r in result.Results) output.WriteLine(r.Failure ?? $"ok {r.Test.Name}");
        Assert.True(result.Passed, string.Join("\n", result.FileErrors.Concat(result.Results.Select(r => r.Failure ?? ""))));
    }

    [Fact]
    public void The_keyd_laptop_config_converts_all_but_its_shell_command_macro2_and_a_unicode_macro()
    {
        var result = Import("keyd-laptop.conf");
        Assert.Equal(["keyd-laptop.conf:47:9: not supported: command() runs a shell command; nothing in a Remapper keymap does",
                      "keyd-laptop.conf:64:5: not supported: keyd's macro2() has no Remapper equivalent yet",
                      "keyd-laptop.conf:65:5: not supported: the macro types 'ä', a Unicode character, which a sequence step cannot: write it as 'macro(…)' with a unicode(\"ä\") step instead"],
            result.NotConverted.Select(n => n.ToString()));
        Assert.Contains("caps_lock = { tap = \"escape\", hold = \"layer(nav, left_control)\", mode = \"overload\", term_ms = 200 }", result.Toml);
        Assert.Contains("[layer.\"nav+sym\"]\n", result.Toml);
        Assert.Contains("match = { vendor_id = 0xfeed, product_id = 0x6060 }\nignore = true", result.Toml);
        Assert.Contains("# sysrq = command(", result.Toml);
    }

    [Fact]
    public void The_keyd_laptop_config_types_what_its_user_relies_on()
    {
        AssertTypes("keyd-laptop.conf", """
            test caps lock tapped is escape (after the layer's control, held from the press as keyd holds it)
                caps_lock tap
            expect
                left_control down
                left_control up
                escape down
                escape up

            test caps lock held with h is a plain left arrow, with c control+c
                caps_lock down
                h tap
                c tap
                caps_lock up
            expect
                left_control down
                left_control up
                left_arrow down
                left_arrow up
                left_control down
                c down
                c up
                left_control up

            test d held past its term, then x, is control+x
                d down
                250ms
                x tap
                d up
            expect
                left_control down
                x down
                x up
                left_control up

            test space held with a is an exclamation mark
                spacebar down
                a tap
                spacebar up
            expect
                left_shift down
                1 down
                1 up
                left_shift up

            test j and k together are escape
                j down
                k down
                50ms
                k up
                j up
            expect
                escape down
                escape up

            test caps lock and space held together with h is the composite layer's control+home
                caps_lock down
                spacebar down
                h tap
                spacebar up
                caps_lock up
            expect
                left_control down
                home down
                home up
                left_control up

            test alt with backspace is delete, from keyd's [alt] layer, with alt lifted around it and each lone alt release guarded
                left_option down
                delete_or_backspace tap
                left_option up
            expect
                left_option down
                left_control down
                left_option up
                left_control up
                delete_forward down
                delete_forward up
                left_option down
                left_control down
                left_option up
                left_control up

            test a tapped shift capitalises the next key only
                left_shift tap
                x tap
                x tap
            expect
                left_shift down
                x down
                x up
                left_shift up
                x down
                x up
            """);
    }

    [Fact]
    public void The_everyday_keyd_config_converts_fully_and_swaps_caps_lock_and_escape()
    {
        var result = Import("keyd-daily.conf");
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        AssertTypes("keyd-daily.conf", """
            test caps lock tapped is escape, held with c control+c
                caps_lock tap
                caps_lock down
                c tap
                caps_lock up
            expect
                left_control down
                left_control up
                escape down
                escape up
                left_control down
                c down
                c up
                left_control up

            test escape is caps lock
                escape tap
            expect
                caps_lock down
                caps_lock up

            test meta tapped alone is meta+space, and the lone meta tap before it is guarded by a control tap
                left_command tap
            expect
                left_command down
                left_control down
                left_command up
                left_control up
                left_command down
                spacebar down
                spacebar up
                left_command up
            """);
    }

    [Fact]
    public void The_full_kanata_config_converts_all_but_concurrent_tap_hold_unmod_fork_and_lrld()
    {
        var result = Import("kanata-full.kbd");
        Assert.Equal(["kanata-full.kbd:9:3: not supported: concurrent-tap-hold (a queued tap-hold's term starting at its own press) has no Remapper equivalent yet",
                      "kanata-full.kbd:66:8: not supported: kanata's 'unmod' has no Remapper equivalent yet",
                      "kanata-full.kbd:67:8: not supported: kanata's 'fork' has no Remapper equivalent yet",
                      "kanata-full.kbd:65:7: not supported: 'lrld' is not a key or action Remapper knows"],
            result.NotConverted.Select(n => n.ToString()));
        Assert.Contains("f = { tap = \"f\", hold = \"left_shift\", tap_keys = [\"q\", \"w\", \"e\", \"r\", \"t\", \"a\", \"s\", \"d\", \"f\", \"g\", \"z\", \"x\", \"c\", \"v\", \"b\"], mode = \"permissive_hold\"", result.Toml);
        Assert.Contains("\"j+k\" = { combo = \"escape\", key_up_when = \"all\", disabled_layers = [\"nav\", \"sym\"] }", result.Toml);
        Assert.Contains("right_control = \"leader(500)\"", result.Toml);
        Assert.Contains("\"a r\" = \"unicode(\\\"→\\\")\"", result.Toml);
        Assert.Contains("m = \"button(left)\"", result.Toml);
        Assert.Contains("c = \"macro(\\\"left_control+b\\\", 50ms, \\\"c\\\")\"", result.Toml);
        Assert.Contains("# v = @pipe", result.Toml);
    }

    [Fact]
    public void A_defvar_list_of_keys_is_the_list_a_tap_hold_takes()
    {
        var result = KanataImporter.Import("(defvar left (a s))\n(defsrc a s)\n(deflayer base (tap-hold-release-keys 0 200 a lctl $left) s)", "test.kbd");
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        Assert.Contains("a = { tap = \"a\", hold = \"left_control\", tap_keys = [\"a\", \"s\"], mode = \"permissive_hold\", term_ms = 200, replay = \"under_tap\" }", result.Toml);
    }

    [Fact]
    public void A_unicode_character_keyd_types_is_reported_with_what_to_write_instead()
    {
        var result = KeydImporter.Import("[ids]\n*\n[main]\na = é\n", "my.conf");
        Assert.Equal(["my.conf:4:5: not supported: 'é' types a Unicode character (keyd sends it through XCompose); the import does not convert it: write 'unicode(\"é\")' instead"],
            result.NotConverted.Select(n => n.ToString()));
    }

    [Fact]
    public void The_full_kanata_config_types_what_its_user_relies_on()
    {
        AssertTypes("kanata-full.kbd", """
            test caps lock tapped is escape, held with h a left arrow (pressed again after its repress time)
                caps_lock tap
                300ms
                caps_lock down
                h tap
                caps_lock up
            expect
                escape down
                escape up
                left_arrow down
                left_arrow up

            test f held past its term, then h, is shift+h
                f down
                250ms
                h tap
                f up
            expect
                left_shift down
                h down
                h up
                left_shift up

            test f then g of the same hand while f is down types f g
                f down
                20ms
                g down
                f up
                g up
            expect
                f down
                g down
                f up
                g up

            test a tapped one-shot shift capitalises the next key only, ending at its press as kanata's one-shot does
                left_shift tap
                x tap
                x tap
            expect
                left_shift down
                x down
                left_shift up
                x up
                x down
                x up

            test j and k together are escape
                j down
                k down
                50ms
                k up
                j up
            expect
                escape down
                escape up

            test space held with c types the tmux prefix, waits, then c
                spacebar down
                250ms
                c tap
                spacebar up
                100ms
            expect
                left_control down
                b down
                left_control up
                b up
                c down @300ms
                c up

            test space held with q is an exclamation mark
                spacebar down
                250ms
                q tap
                spacebar up
            expect
                left_shift down
                1 down
                left_shift up
                1 up
            """);
    }

    [Fact]
    public void The_miryoku_like_config_converts_fully()
    {
        var result = Import("kanata-miryoku.kbd");
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        Assert.Contains("spacebar = { tap = \"spacebar\", hold = \"layer(nav)\", mode = \"hold_on_timeout\"", result.Toml);
    }

    [Fact]
    public void The_miryoku_like_config_types_what_its_user_relies_on()
    {
        AssertTypes("kanata-miryoku.kbd", """
            test space held with h is a left arrow, tapped a space
                spacebar down
                250ms
                h tap
                spacebar up
                spacebar tap
            expect
                left_arrow down
                left_arrow up
                spacebar down
                spacebar up

            test a held with c is command+c
                a down
                250ms
                c tap
                a up
            expect
                left_command down
                c down
                c up
                left_command up

            test the right thumb held with a is a number layer key
                right_control down
                250ms
                s tap
                right_control up
            expect
                4 down
                4 up

            test a home-row key typed quickly is its letter
                a tap
                s tap
            expect
                a down
                a up
                s down
                s up
            """);
    }
}
