using System.Globalization;
using System.Text;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap.Hostile;

/// <summary>Issue 13, items 2–7: keymaps shaped to cost the loader (or one key press) far more than their size.</summary>
public class HostileKeymapTests
{
    private static int LineOf(string text, string start) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.StartsWith(start, StringComparison.Ordinal)).i + 1;

    // ---- 2: alias expansion is bounded, with the error at the alias that goes over

    [Fact]
    public void Aliases_doubling_a_sequence_stop_at_the_alias_that_passes_the_step_limit()
    {
        var text = HostileKeymaps.DoublingSequences();
        var (result, bytes) = Allocation.Measure(() => Load(text));
        Assert.Null(result.Model);
        // a_k has 2^(k+1) steps: a9 (1 024) is the first over 1 000.
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((LineOf(text, "a9 ="), 6), (error.Location.Line, error.Location.Column));
        Assert.Contains($"more than {ActionParser.MaxSequenceSteps} steps", error.Message);
        Allocation.AtMost(bytes, 8 * Allocation.MiB, "a 1 KB keymap of doubling aliases");
    }

    [Fact]
    public void A_sequence_at_the_step_limit_still_loads()
    {
        var steps = string.Join(", ", Enumerable.Repeat("\"a\"", ActionParser.MaxSequenceSteps));
        var model = Valid($"[alias]\nlong = [{steps}]\n[remap]\nf1 = \"@long\"\n");
        Assert.Equal(ActionParser.MaxSequenceSteps, ((SequenceAction)model.Remap[0].Action).Steps.Count);
    }

    [Fact]
    public void Chords_joined_from_aliases_get_the_duplicate_key_check()
    {
        var text = HostileKeymaps.DoublingChords();
        var (result, bytes) = Allocation.Measure(() => Load(text));
        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        // c1 = "@c0+@c0": the second @c0 brings a and b again. Column 11 is the second '@c0'.
        Assert.Equal((LineOf(text, "c1 ="), 11), (error.Location.Line, error.Location.Column));
        Assert.Contains("repeats a key", error.Message);
        Allocation.AtMost(bytes, 4 * Allocation.MiB, "a keymap of doubling chord aliases");
    }

    [Fact]
    public void Chords_joined_from_aliases_get_the_16_key_check()
    {
        var text = "[alias]\nc1 = \"a+b+c+d+e+f+g+h\"\nc2 = \"i+j+k+l+m+n+o+p\"\nc3 = \"@c1+@c2+q\"\n[remap]\nf1 = \"@c3\"\n";
        var error = SingleError(text, 4, 15, "more than 16 keys");
        Assert.Contains("'q'", error.Message);
    }

    [Fact]
    public void Sixteen_keys_joined_from_aliases_are_still_a_chord()
    {
        var model = Valid("[alias]\nc1 = \"a+b+c+d+e+f+g+h\"\nc2 = \"i+j+k+l+m+n+o+p\"\n[remap]\nf1 = \"@c1+@c2\"\n");
        Assert.Equal(16, ((ChordAction)model.Remap[0].Action).Keys.Count);
    }

    [Fact]
    public void A_long_alias_used_on_many_keys_is_stopped_at_the_binding_past_the_compiled_action_limit()
    {
        var steps = string.Join(", ", Enumerable.Repeat("\"a\"", ActionParser.MaxSequenceSteps));
        var text = new StringBuilder($"[alias]\nlong = [{steps}]\n[remap]\nf1 = \"toggle(l0)\"\n");
        var keys = HostileKeymaps.Keys.Take(100).ToList();
        for (var layer = 0; layer < 10; layer++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[layer.l{layer}]\n");
            if (layer < 9) text.Append(CultureInfo.InvariantCulture, $"f1 = \"toggle(l{layer + 1})\"\n");
            foreach (var key in keys.Where(k => k != "f1")) text.Append(CultureInfo.InvariantCulture, $"{key} = \"@long\"\n");
        }
        var result = Load(text.ToString());
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains($"more than {ExpansionBudget.MaxCompiledActions:N0} actions", error.Message);
        // 1 001 actions per use: the 500th use goes over.
        var uses = text.ToString().Split('\n').Select((l, i) => (l, i)).Where(x => x.l.EndsWith("= \"@long\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(uses[ExpansionBudget.MaxCompiledActions / (ActionParser.MaxSequenceSteps + 1)].i + 1, error.Location.Line);
    }

    // ---- 3: suggestions are bounded and cheap

    [Fact]
    public void Two_thousand_layers_and_five_hundred_typos_cost_little_and_still_suggest()
    {
        var text = HostileKeymaps.ManyLayersManyTypos();
        var (result, bytes) = Allocation.Measure(() => Load(text));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(500, errors.Count);
        Assert.Equal("did you mean 'layer_0001'?", errors[0].Suggestion);
        Assert.Equal(DiagnosticBag.MaxSuggestions, errors.Count(e => e.Suggestion?.StartsWith("did you mean", StringComparison.Ordinal) == true));
        Allocation.AtMost(bytes, 64 * Allocation.MiB, "a 60 KB keymap with 2 000 layers and 500 typos");
    }

    [Theory]
    [InlineData("escpae", "escape")]
    [InlineData("left_contrl", "left_control")]
    [InlineData("spcae", "spacebar")]
    public void The_bounded_distance_still_finds_the_key_meant(string typo, string meant)
    {
        var error = SingleError($"[remap]\na = \"{typo}\"\n", 2, 5, "unknown key");
        Assert.Equal($"did you mean '{meant}'?", error.Suggestion);
    }

    // ---- 4: the cap counts errors; warnings never stop a keymap

    [Fact]
    public void Five_hundred_and_one_warnings_do_not_reject_a_keymap()
    {
        var text = new StringBuilder("[remap]\na = \"b\"\n");
        for (var i = 0; i < 501; i++) text.Append(CultureInfo.InvariantCulture, $"[layer.unused{i}]\na = \"b\"\n");
        var result = Load(text.ToString());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        Assert.Equal(DiagnosticBag.MaxDiagnostics + 1, result.Diagnostics.Count);
        Assert.Contains(result.Diagnostics, d => !d.IsError && d.Message.Contains("1 more warnings are not listed"));
    }

    [Fact]
    public void Past_five_hundred_errors_the_keymap_is_still_rejected_and_says_so()
    {
        var text = new StringBuilder("[remap]\nf1 = \"toggle(l0)\"\n");
        for (var i = 0; i < 501; i++) text.Append(CultureInfo.InvariantCulture, $"[layer.l{i}]\nf1 = \"toggle(l{(i + 1) % 501})\"\na = \"not_a_key\"\n");
        var result = Load(text.ToString());
        Assert.Null(result.Model);
        Assert.Equal(DiagnosticBag.MaxDiagnostics + 1, result.Diagnostics.Count(d => d.IsError));
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains($"more than {DiagnosticBag.MaxDiagnostics} errors"));
    }

    // ---- 5: the alias depth limit does not depend on definition order

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_forty_deep_alias_chain_is_rejected_in_either_order_at_the_same_alias(bool bottomUp)
    {
        var text = HostileKeymaps.AliasChain(40, bottomUp);
        var result = Load(text);
        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        // a7 → … → a39 is 33 aliases: a7 is where the chain goes over 32.
        Assert.Equal((LineOf(text, "a7 ="), 1), (error.Location.Line, error.Location.Column));
        Assert.Contains($"more than {ActionParser.MaxAliasDepth} deep", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chain_of_exactly_the_limit_loads_in_either_order(bool bottomUp) =>
        Valid(HostileKeymaps.AliasChain(ActionParser.MaxAliasDepth, bottomUp));

    // ---- 6: deep nesting is reported in user words at the bracket that goes too deep

    [Theory]
    [InlineData("a = ", "[", "]")]
    [InlineData("[remap]\na = ", "{ x = ", "}")]
    public void Sixty_four_deep_nesting_is_reported_at_the_bracket_not_as_a_parser_setting(string prefix, string open, string close)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(open, 64)) + "1" + string.Concat(Enumerable.Repeat(close, 64)) + "\n";
        var result = Load(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("MaxDepth") || d.Message.Contains("TomlSerializerOptions"));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains($"nested more than {NestingGuard.MaxDepth} deep", error.Message);
        Assert.Equal(text.Count(c => c == '\n'), error.Location.Line);
        // At the first bracket past the limit.
        var line = text.Split('\n')[^2];
        var tooDeep = line.Select((c, i) => (c, i)).Where(x => x.c is '[' or '{').ElementAt(NestingGuard.MaxDepth).i;
        Assert.Equal(tooDeep + 1, error.Location.Column);
    }

    [Fact]
    public void Deep_nesting_after_an_emoji_is_reported_at_its_column_in_characters()
    {
        // Found by the fuzzer: the guard counted UTF-16 units, Tomlyn and everything else count characters.
        var error = SingleError("a = \"😀\"\nb = [1, " + new string('[', 40) + "\n", 2, 8 + NestingGuard.MaxDepth, "nested more than");
        var emoji = SingleError("a = [\"😀😀\", " + new string('[', 40) + "\n", 1, 12 + NestingGuard.MaxDepth - 1, "nested more than");
        Assert.NotNull(error);
        Assert.NotNull(emoji);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(200)]
    public void Long_dotted_keys_and_headers_are_ordinary_errors(int parts)
    {
        var dotted = string.Join('.', Enumerable.Repeat("a", parts));
        foreach (var text in new[] { $"{dotted} = 1\n", $"[{dotted}]\nb = 1\n", $"[[{dotted}]]\nb = 1\n" })
        {
            var result = Load(text);
            Assert.Null(result.Model);
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("MaxDepth") || d.Message.Contains("parser failed"));
        }
    }

    // ---- 7: columns stay within their line

    [Fact]
    public void A_newline_inside_a_string_is_one_error_on_its_own_line()
    {
        // Tomlyn reports the newline and reads on, and what it reads next ("bogus" as a key) is a cascade of that one
        // mistake: the syntax error is reported alone (issue 12), at a column inside line 2 (was 2:49 on a shorter line).
        var text = "[remap]\na = \"left_control+\nbogus\"\n";
        var error = Assert.Single(Load(text).Diagnostics);
        Assert.Contains("not closed before the end of the line", error.Message);
        Assert.Equal(2, error.Location.Line);
        Assert.InRange(error.Location.Column, 1, "a = \"left_control+".Length + 1);
    }

    public static TheoryData<string> BrokenStrings =>
    [
        "[remap]\na = \"left_control+\nbogus\"\n",
        "[remap]\na = \"left_control+shift+\n  x+bogus\"\nb = 1\n",
        "x = 1\nabc = \"" + new string('d', 45) + "\n",
        "a = \"" + new string('x', 40) + "\\u12\nb = 1\n",
        "[remap]\na = \"😀😀😀😀+bogus\nb = 1\n",
        "[remap]\na = \"b\r\nc = 1\r\n",
        "[alias]\nx = \"@nope+\nleft_shift+@also_not\"\n",
    ];

    [Theory]
    [MemberData(nameof(BrokenStrings))]
    public void Every_column_is_on_its_line(string text)
    {
        var lines = text.Split('\n');
        foreach (var d in Load(text).Diagnostics.Where(d => d.Location.Line > 0))
        {
            Assert.True(d.Location.Line <= lines.Length, $"{d} is past the last line");
            var line = lines[d.Location.Line - 1].TrimEnd('\r');
            var width = line.EnumerateRunes().Count();
            Assert.True(d.Location.Column >= 1 && d.Location.Column <= width + 1, $"{d}: column past the end of the {width}-character line '{line}'");
        }
    }
}
