using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Import.Keyd;
using Remapper.Core.Keymap;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>
/// What the keyd and kanata imports write for a chord's release (each peer's order, kanata's output chords ending at
/// the next press, multi held, reverse-release-order) and for kanata's macro-repeat and cancel variants.
/// </summary>
public class ChordReleaseImportTests(ITestOutputHelper output)
{
    private ImportResult Loads(ImportResult result)
    {
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        Assert.NotNull(result.Toml);
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return result;
    }

    [Fact]
    public void Kanata_chords_go_up_in_press_order_output_chords_at_the_next_press_and_a_multi_is_held()
    {
        var result = Loads(KanataImporter.Import(
            "(defsrc a b c d)\n(deflayer base S-9 (multi lalt a) (multi lsft a reverse-release-order) (multi lctl lsft))", "test.kbd"));
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        Assert.Contains("[settings]\nchord_release_order = \"pressed\"\nchord_ends_at_next_press = true\n", result.Toml);
        Assert.Contains("a = \"left_shift+9\"\n", result.Toml);
        Assert.Contains("b = \"chord(left_option+a, until=release)\"\n", result.Toml);
        Assert.Contains("c = \"chord(left_shift+a, until=release, release=reverse)\"\n", result.Toml);
        Assert.Contains("d = \"left_control+left_shift\"\n", result.Toml);
    }

    [Theory]
    [InlineData("(macro-repeat Digit1 50)", "macro(\\\"1\\\", 50ms, repeat)")]
    [InlineData("(macro-repeat-release-cancel a 50)", "macro(\\\"a\\\", 50ms, repeat, cancel_on_release)")]
    [InlineData("(macro-repeat-cancel-on-press a)", "macro(\\\"a\\\", repeat=1ms, cancel_on_press)")]
    [InlineData("(macro-release-cancel-and-cancel-on-press a 10 b)", "macro(\\\"a\\\", 10ms, \\\"b\\\", cancel_on_release, cancel_on_press)")]
    [InlineData("(macro-release-cancel KeyB)", "macro(\\\"b\\\", cancel_on_release)")]
    public void Kanata_macro_variants_become_macro_options(string kanata, string macro)
    {
        var result = Loads(KanataImporter.Import($"(defsrc a)\n(deflayer base {kanata})", "test.kbd"));
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        Assert.Contains($"a = \"{macro}\"\n", result.Toml);
    }

    [Fact]
    public void Keyd_lets_a_key_sequence_go_key_first_and_keys_held_together_in_press_order()
    {
        var result = Loads(KeydImporter.Import("[ids]\n*\n[main]\n9 = M-C-S-x\nm = macro(C-h o+n)\n", "my.conf"));
        Assert.True(result.Complete, string.Join("\n", result.NotConverted));
        Assert.Contains("[settings]\nchord_release_order = \"key_first\"", result.Toml);
        Assert.Contains("= \"left_shift+left_command+left_control+x\"", result.Toml);
        Assert.Contains("m = [\"left_control+h\", \"chord(o+n, release=pressed)\"]", result.Toml);
    }
}
