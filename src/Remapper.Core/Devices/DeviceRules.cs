using Remapper.Core.Keymap;

namespace Remapper.Core.Devices;

/// <summary>
/// A keymap's <c>[[device]]</c> blocks as one decision: the first block that matches a keyboard decides for it —
/// whether it is left alone (<c>ignore = true</c>) and which block's remaps apply. Compiled once with the keymap and
/// used by the engine and by every backend, so the daemon and <c>remapper test</c> cannot disagree on a keyboard.
/// </summary>
public sealed class DeviceRules
{
    public static readonly DeviceRules None = new([]);

    private readonly DeviceBlock[] _blocks;

    public DeviceRules(IReadOnlyList<DeviceBlock> blocks) => _blocks = [.. blocks];

    public IReadOnlyList<DeviceBlock> Blocks => _blocks;

    /// <summary>Index of the first block that matches <paramref name="keyboard"/>, or -1.</summary>
    public int IndexFor(KeyboardIdentity keyboard)
    {
        for (int i = 0; i < _blocks.Length; i++)
            if (_blocks[i].Match.Matches(keyboard)) return i;
        return -1;
    }

    /// <summary>The block that decides for <paramref name="keyboard"/> (the first match), or null.</summary>
    public DeviceBlock? BlockFor(KeyboardIdentity keyboard) => IndexFor(keyboard) is >= 0 and var i ? _blocks[i] : null;

    /// <summary>The deciding block when it says <c>ignore = true</c>; null when the keyboard is remapped.</summary>
    public DeviceBlock? IgnoringBlock(KeyboardIdentity keyboard) => BlockFor(keyboard) is { Ignore: true } block ? block : null;

    public bool IsIgnored(KeyboardIdentity keyboard) => IgnoringBlock(keyboard) is not null;

    /// <summary>Same matches and ignore flags in the same order: no keyboard's fate can differ between the two.</summary>
    public bool SameDecisionsAs(DeviceRules other)
    {
        if (_blocks.Length != other._blocks.Length) return false;
        for (int i = 0; i < _blocks.Length; i++)
            if (_blocks[i].Match != other._blocks[i].Match || _blocks[i].Ignore != other._blocks[i].Ignore) return false;
        return true;
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
