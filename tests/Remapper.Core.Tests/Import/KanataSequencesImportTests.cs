using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Keymap;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>kanata's defseq, sldr, (sequence …), nop keys and sequence defcfg options → [sequences], leader() and [settings].</summary>
public class KanataSequencesImportTests(ITestOutputHelper output)
{
    private ImportResult Import(string kbd)
    {
        var result = KanataImporter.Import(kbd, "test.kbd");
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return result;
    }

    [Fact]
    public void Defseq_with_its_virtual_key_becomes_a_sequences_line()
    {
        var result = Import("""
            (defcfg sequence-timeout 2000 sequence-input-mode visible-backspaced sequence-backtrack-modcancel no)
            (defsrc a b c)
            (deflayer base sldr (sequence 250 hidden-delay-type) nop4)
            (defvirtualkeys git (macro g i t) https (macro h t t p s) dot S-.)
            (defseq git (g i t) https (S-(h s)) dot (O-(d o) nop4))
            """);
        Assert.Empty(result.NotConverted);
        Assert.Contains("sequence_timeout_ms = 2000", result.Toml);
        Assert.Contains("sequence_input_mode = \"visible_backspaced\"", result.Toml);
        Assert.Contains("sequence_backtrack_modcancel = false", result.Toml);
        Assert.Contains("a = \"leader()\"", result.Toml);
        Assert.Contains("b = \"leader(250, hidden_delay_type)\"", result.Toml);
        Assert.Contains("c = \"nop4\"", result.Toml);
        Assert.Contains("[sequences]", result.Toml);
        Assert.Contains("\"g i t\" = [\"g\", \"i\", \"t\"]", result.Toml);
        Assert.Contains("\"left_shift+(h s)\" = [\"h\", \"t\", \"t\", \"p\", \"s\"]", result.Toml);
        Assert.Contains("\"(d o) nop4\" = \"left_shift+period\"", result.Toml);
    }

    [Fact]
    public void Virtual_keys_no_defseq_uses_and_sequence_noerase_are_reported()
    {
        var result = Import("""
            (defsrc a b)
            (deflayer base sldr (sequence-noerase 1))
            (defvirtualkeys lonely x)
            """);
        Assert.Contains(result.NotConverted, n => n.Message.Contains("virtual key 'lonely'", StringComparison.Ordinal));
        Assert.Contains(result.NotConverted, n => n.Message.Contains("sequence-noerase", StringComparison.Ordinal));
    }
}
