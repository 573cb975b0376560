using Remapper.Core.Devices;
using Remapper.Core.Keymap;

namespace Remapper.Linux.Probe;

/// <summary>Decides which <c>[[device]]</c> blocks apply to a keyboard. Null fields match anything; names use * and ? globs, case-insensitive.</summary>
public static class DeviceMatcher
{
    public static bool Matches(DeviceMatch match, KeyboardIdentity keyboard) =>
        (match.VendorId is null || match.VendorId == keyboard.VendorId) &&
        (match.ProductId is null || match.ProductId == keyboard.ProductId) &&
        (match.Bus is null || match.Bus == keyboard.Bus) &&
        (match.BuiltIn is null || match.BuiltIn == keyboard.IsBuiltIn) &&
        (match.NameGlob is null || GlobMatches(match.NameGlob, keyboard.Name));

    /// <summary>The first <c>ignore = true</c> block that matches, or null.</summary>
    public static DeviceBlock? IgnoringBlock(IReadOnlyList<DeviceBlock> blocks, KeyboardIdentity keyboard)
    {
        foreach (var block in blocks)
            if (block.Ignore && Matches(block.Match, keyboard))
                return block;
        return null;
    }

    /// <summary>How a block is named to the user: where it is and what it matches.</summary>
    public static string Describe(DeviceBlock block)
    {
        var m = block.Match;
        var parts = new List<string>();
        if (m.NameGlob is not null) parts.Add($"name = \"{m.NameGlob}\"");
        if (m.VendorId is not null) parts.Add($"vendor_id = 0x{m.VendorId:x4}");
        if (m.ProductId is not null) parts.Add($"product_id = 0x{m.ProductId:x4}");
        if (m.Bus is not null) parts.Add($"bus = \"{m.Bus.Value.KeymapName()}\"");
        if (m.BuiltIn is not null) parts.Add($"built_in = {(m.BuiltIn.Value ? "true" : "false")}");
        var where = block.Location == SourceLocation.None ? "[[device]]" : $"[[device]] at {block.Location}";
        return parts.Count == 0 ? where : $"{where} ({string.Join(", ", parts)})";
    }

    public static bool GlobMatches(string glob, string text)
    {
        // Iterative wildcard match with backtracking to the last '*': linear enough for device names.
        int g = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || char.ToLowerInvariant(glob[g]) == char.ToLowerInvariant(text[t])))
            {
                g++; t++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++; mark = t;
            }
            else if (star >= 0)
            {
                g = star + 1; t = ++mark;
            }
            else return false;
        }
        while (g < glob.Length && glob[g] == '*') g++;
        return g == glob.Length;
    }
}
