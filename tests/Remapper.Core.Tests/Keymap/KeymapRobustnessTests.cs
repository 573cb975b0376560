using CsCheck;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>Nothing a keymap contains may crash or hang the loader: the daemon reloads whatever the user saves.</summary>
public class KeymapRobustnessTests
{
    internal const string Sample = """
        version = 1

        [settings]
        tapping_term_ms = 200
        combo_term_ms = 50
        emergency = ["left_control", "spacebar", "escape"]

        [alias]
        hyper = "left_shift+left_control+left_option+left_command"

        [[device]]
        match = { name = "Yubi*", vendor_id = 0x1050 }
        ignore = true

        [remap]
        caps_lock = { tap = "escape", hold = "left_control" }
        right_option = "layer(nav)"
        "j+k" = "escape"
        a = ["ctrl+a", "c"]

        [layer.nav]
        h = "left_arrow"
        j = "_"

        [[rule]]
        description = "Right command alone is escape, held is hyper"
        from = { key = "right_command", modifiers = { optional = ["any"] } }
        to = "@hyper"
        to_if_alone = "escape"
        conditions = [{ type = "variable_if", name = "vim", value = 1 }]
        """;

    private const string TomlAlphabet = "[]{}=\"',.#+@()_- \n\tacehjkl0x159tru\\";

    [Fact]
    public void Sample_keymap_is_valid()
    {
        var model = Valid(Sample);
        Assert.Single(model.Rules);
    }

    [Theory]
    [InlineData('[')]
    [InlineData('{')]
    public void Hundred_thousand_open_brackets_give_an_error_not_a_stack_overflow(char bracket)
    {
        var error = SingleError("a = " + new string(bracket, 100_000), 1, 5 + 32, "nested more than 32 deep");
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("a = \"\"\"x\"\"\"\" ")]
    [InlineData("a = '''x''''' ")]
    [InlineData("a = \"x\\\"\" ")]
    [InlineData("a = 'x\\' ")]
    public void Brackets_right_after_tricky_string_ends_are_still_counted(string prefix)
    {
        var result = Load(prefix + new string('[', 100_000));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("nested more than 32 deep"));
    }

    [Fact]
    public void Brackets_inside_strings_and_comments_do_not_count_as_nesting()
    {
        var deep = new string('[', 200);
        Valid($"# {deep}\n[alias]\nx = \"c\" # {deep}\n[settings]\ntapping_term_ms = 100\n[layer.nav]\nh = '''{deep}''' \n"
            .Replace("h = '''" + deep + "''' \n", "") + $"[remap]\na = \"none\" # \"{deep}\n");
    }

    [Fact]
    public void Moderate_nesting_is_still_parsed_and_reported_as_a_wrong_type()
    {
        var nested = "caps_lock = " + new string('[', 40) + new string(']', 40) + "\n";
        var result = Load("[remap]\n" + nested);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Location.Line == 2);
    }

    [Fact]
    public void Long_chain_of_aliases_is_an_error_not_a_stack_overflow()
    {
        var text = new System.Text.StringBuilder("[alias]\n");
        for (var i = 0; i < 50_000; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i} = \"@a{i + 1}\"\n");
        text.Append("a50000 = \"escape\"\n");
        var result = Load(text.ToString());
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("more than 32 deep"));
    }

    [Fact]
    public void Alias_chain_within_the_limit_resolves()
    {
        var text = new System.Text.StringBuilder("[alias]\n");
        for (var i = 0; i < 20; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i} = \"@a{i + 1}\"\n");
        text.Append("a20 = \"escape\"\n[remap]\ncaps_lock = \"@a0\"\n");
        Assert.Single(Valid(text.ToString()).Remap);
    }

    [Fact]
    public void Very_long_dotted_key_does_not_crash()
    {
        var key = string.Join('.', Enumerable.Repeat("a", 20_000));
        var result = Load(key + " = 1\n");
        Assert.False(result.Success);
    }

    [Fact]
    public void Very_long_chord_and_key_names_are_reported_without_crawling()
    {
        var chord = string.Join('+', Enumerable.Repeat("a", 50_000));
        var result = Load($"[remap]\ncaps_lock = \"{chord}\"\n\"{new string('x', 100_000)}\" = \"a\"\n");
        Assert.False(result.Success);
    }

    [Theory]
    [InlineData("[remap]\n", "k{0} = \"x{0}\"\n")]
    [InlineData("", "[layer.l{0}]\nh = \"layer(m{0})\"\n")]
    [InlineData("[settings]\n", "s{0} = {0}\n")]
    [InlineData("", "[[rule]]\nfrom = \"q{0}\"\n")]
    public void Megabyte_of_mistakes_is_reported_quickly_and_capped(string header, string lineFormat)
    {
        var text = new System.Text.StringBuilder(header);
        for (var i = 0; text.Length < 1_000_000; i++) text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, lineFormat, i);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Load(text.ToString());
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20);
        Assert.False(result.Success);
        Assert.InRange(result.Diagnostics.Count, 100, 501);
    }

    [Fact]
    public void Random_toml_like_text_never_throws()
    {
        Gen.Char[TomlAlphabet].Array[0, 300].Select(chars => new string(chars))
            .Sample(text => CheckLoads(text), iter: 3000, threads: 1);
    }

    [Fact]
    public void Random_unicode_text_never_throws()
    {
        Gen.String.Sample(text => CheckLoads(text), iter: 1000, threads: 1);
    }

    [Fact]
    public void Random_mutations_of_a_valid_keymap_never_throw()
    {
        var edit = Gen.Select(Gen.Int[0, Sample.Length], Gen.Int[0, 3], Gen.Char[TomlAlphabet]);
        edit.Array[1, 10].Sample(edits =>
        {
            var text = new System.Text.StringBuilder(Sample);
            foreach (var (position, kind, c) in edits)
            {
                var at = Math.Min(position, text.Length);
                switch (kind)
                {
                    case 0: text.Insert(at, c); break;
                    case 1 when at < text.Length: text.Remove(at, 1); break;
                    case 2 when at < text.Length: text[at] = c; break;
                    default:
                        // Duplicate the line holding this position: the classic copy-paste mistake.
                        var s = text.ToString();
                        var start = s.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                        var end = s.IndexOf('\n', at);
                        var line = end < 0 ? s[start..] : s[start..(end + 1)];
                        text.Insert(start, line.EndsWith('\n') ? line : line + "\n");
                        break;
                }
            }
            CheckLoads(text.ToString());
        }, iter: 2000, threads: 1);
    }

    /// <summary>Loads without throwing, and what comes back is coherent: a model exactly when there is no error, positions inside the text.</summary>
    private static void CheckLoads(string text)
    {
        var result = Load(text);
        Assert.Equal(result.Diagnostics.All(d => !d.IsError), result.Model is not null);
        var lines = text.Split('\n').Length;
        var positions = result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)).ToList();
        Assert.Equal(positions.Order(), positions);
        foreach (var d in result.Diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            if (d.Location.File != FileName) continue; // an include the random text happened to name
            Assert.InRange(d.Location.Line, 1, lines + 1);
            Assert.True(d.Location.Column >= 1, d.ToString());
            Assert.True(d.Message.Length < 400, d.ToString());
        }
    }
}
