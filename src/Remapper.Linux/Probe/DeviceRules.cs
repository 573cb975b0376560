using Remapper.Core.Devices;
using Remapper.Core.Keymap;

namespace Remapper.Linux.Probe;

/// <summary>Which <c>[[device]]</c> block keeps a keyboard out of Remapper's hands, and how to name that block to the user.</summary>
public static class DeviceRules
{
    /// <summary>The first <c>ignore = true</c> block that matches, or null.</summary>
    public static DeviceBlock? IgnoringBlock(IReadOnlyList<DeviceBlock> blocks, KeyboardIdentity keyboard)
    {
        foreach (var block in blocks)
            if (block.Ignore && block.Match.Matches(keyboard))
                return block;
        return null;
    }

    /// <summary>Where the block is and what it matches, e.g. <c>[[device]] at config.toml:12:1 (vendor_id = 0x1050)</c>.</summary>
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
}
