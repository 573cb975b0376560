using System.Globalization;
using System.Text;

namespace Remapper.Core.Tests.Keymap.Hostile;

/// <summary>
/// The hostile keymap shapes of issue 13, as text: each is small (or at least under the size limit) and used to cost
/// the loader or the event loop far more than its size. Shared by the tests, the budgets and the fuzzer's seeds.
/// </summary>
internal static class HostileKeymaps
{
    /// <summary>a0 = two keys, each next alias splices the previous one twice: 2^(levels+1) steps at the top.</summary>
    public static string DoublingSequences(int levels = 30)
    {
        var text = new StringBuilder("version = 1\n[alias]\na0 = [\"a\", \"b\"]\n");
        for (var i = 1; i <= levels; i++) text.Append(CultureInfo.InvariantCulture, $"a{i} = [\"@a{i - 1}\", \"@a{i - 1}\"]\n");
        text.Append(CultureInfo.InvariantCulture, $"[remap]\nf1 = \"@a{levels}\"\n");
        return text.ToString();
    }

    /// <summary>Chords joined from chord aliases, doubling: "@c0+@c0" repeats every key.</summary>
    public static string DoublingChords(int levels = 30)
    {
        var text = new StringBuilder("version = 1\n[alias]\nc0 = \"a+b\"\n");
        for (var i = 1; i <= levels; i++) text.Append(CultureInfo.InvariantCulture, $"c{i} = \"@c{i - 1}+@c{i - 1}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"[remap]\nf1 = \"@c{levels}\"\n");
        return text.ToString();
    }

    /// <summary>A chain a0 → a1 → … → a{length-1} → "escape", written top-down or bottom-up.</summary>
    public static string AliasChain(int length, bool bottomUp)
    {
        var lines = Enumerable.Range(0, length)
            .Select(i => i == length - 1 ? $"a{i} = \"escape\"" : $"a{i} = \"@a{i + 1}\"")
            .ToList();
        if (bottomUp) lines.Reverse();
        return "version = 1\n[alias]\n" + string.Join("\n", lines) + "\n[remap]\nf1 = \"@a0\"\n";
    }

    /// <summary>Layers by the thousand and hundreds of misspelt layer names: each typo asks for a suggestion.</summary>
    public static string ManyLayersManyTypos(int layers = 2000, int typos = 500)
    {
        var text = new StringBuilder("version = 1\n[remap]\nf1 = \"toggle(layer_0000)\"\n");
        for (var i = 0; i < layers; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[layer.layer_{i:0000}]\n");
            // Misspelt by one letter: each is near enough to a real layer name for "did you mean".
            var next = (i + 1) % layers;
            if (i < typos) text.Append(CultureInfo.InvariantCulture, $"a = \"toggle(layer_{next:0000}x)\"\n");
            else text.Append(CultureInfo.InvariantCulture, $"a = \"toggle(layer_{next:0000})\"\n");
        }
        return text.ToString();
    }

    /// <summary>Key names a binding can use (each at most once per table): letters, digits, F-keys and more.</summary>
    public static IEnumerable<string> Keys =>
        Core.Hid.KeyNames.All.Select(k => k.Name).Where(n => !n.Contains(' '));
}
