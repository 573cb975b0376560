using System.Globalization;
using System.Text;

namespace Remapper.Core.Tests.Keymap.Hostile;

/// <summary>Generated keymaps at the size limit's scale: what a script, not a person, would write.</summary>
internal static class BigKeymaps
{
    private static readonly string[] Letters = [.. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString())];

    /// <summary>Layers chained by toggles, each with one binding.</summary>
    public static string Layers(int count)
    {
        var text = new StringBuilder("version = 1\n[remap]\nf1 = \"toggle(l0)\"\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"[layer.l{i}]\nf1 = \"toggle(l{(i + 1) % count})\"\n");
        return text.ToString();
    }

    /// <summary>Plain remaps spread over layers of 25 keys (a table holds each key once).</summary>
    public static string Remaps(int count)
    {
        var layers = (count + 24) / 25;
        var text = new StringBuilder("version = 1\n[remap]\nf1 = \"toggle(m0)\"\n");
        var written = 0;
        for (var layer = 0; layer < layers; layer++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[layer.m{layer}]\nz=\"toggle(m{(layer + 1) % layers})\"\n");
            for (var k = 0; k < 25 && written < count; k++, written++) text.Append(Letters[k]).Append("=\"b\"\n");
        }
        return text.ToString();
    }

    /// <summary>Two-key combos spread over layers (every pair of letters once per layer).</summary>
    public static string Combos(int count)
    {
        var pairs = new List<string>();
        for (var a = 0; a < 26; a++) for (var b = a + 1; b < 26; b++) pairs.Add($"{Letters[a]}+{Letters[b]}");
        var text = new StringBuilder("version = 1\n[remap]\nf1 = \"toggle(c0)\"\n");
        var layers = (count + pairs.Count - 1) / pairs.Count;
        var written = 0;
        for (var layer = 0; layer < layers; layer++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[layer.c{layer}]\nf1=\"toggle(c{(layer + 1) % layers})\"\n");
            for (var p = 0; p < pairs.Count && written < count; p++, written++) text.Append('"').Append(pairs[p]).Append("\"=\"b\"\n");
        }
        return text.ToString();
    }
}
