namespace Remapper.Core.Hid;

/// <summary>
/// Key names ↔ usages. PLACEHOLDER TABLE: a handful of keys so the rest of Core compiles;
/// the complete table replaces it (same public API).
/// </summary>
public static class KeyNames
{
    private static readonly KeyInfo[] Table =
    [
        new("a", Usage.Key(0x04), [], "A"),
        new("escape", Usage.Key(0x29), ["esc"], "Escape"),
        new("caps_lock", Usage.Key(0x39), ["capslock", "caps"], "Caps Lock"),
        new("spacebar", Usage.Key(0x2C), ["space"], "Space"),
        new("left_control", Usage.Key(0xE0), ["leftctrl", "lctrl", "ctrl", "control"], "Left Control"),
        new("left_shift", Usage.Key(0xE1), ["leftshift", "lshift", "shift"], "Left Shift"),
        // Added on the keymap branch only, for the loader's tests; the full table supersedes this list.
        new("c", Usage.Key(0x06), [], "C"),
        new("h", Usage.Key(0x0B), [], "H"),
        new("j", Usage.Key(0x0D), [], "J"),
        new("k", Usage.Key(0x0E), [], "K"),
        new("l", Usage.Key(0x0F), [], "L"),
        new("u", Usage.Key(0x18), [], "U"),
        new("f1", Usage.Key(0x3A), [], "F1"),
        new("insert", Usage.Key(0x49), [], "Insert"),
        new("right_arrow", Usage.Key(0x4F), [], "Right Arrow"),
        new("left_arrow", Usage.Key(0x50), [], "Left Arrow"),
        new("down_arrow", Usage.Key(0x51), [], "Down Arrow"),
        new("up_arrow", Usage.Key(0x52), [], "Up Arrow"),
        new("left_option", Usage.Key(0xE2), ["left_alt"], "Left Option"),
        new("left_command", Usage.Key(0xE3), ["left_gui"], "Left Command"),
        new("right_control", Usage.Key(0xE4), ["rctrl"], "Right Control"),
        new("right_shift", Usage.Key(0xE5), ["rshift"], "Right Shift"),
        new("right_option", Usage.Key(0xE6), ["right_alt"], "Right Option"),
        new("right_command", Usage.Key(0xE7), ["right_gui"], "Right Command"),
    ];

    private static readonly Dictionary<string, Usage> ByName = BuildIndex();
    private static readonly Dictionary<uint, string> ByUsage = Table.ToDictionary(k => k.Usage.Packed, k => k.Name);

    public static IReadOnlyList<KeyInfo> All => Table;

    /// <summary>Case-insensitive lookup of a canonical name or alias.</summary>
    public static bool TryParse(string text, out Usage usage) => ByName.TryGetValue(text, out usage);

    /// <summary>The canonical name, or a stable fallback like <c>usage(0x07,0x99)</c> for unnamed usages.</summary>
    public static string NameOf(Usage usage) =>
        ByUsage.TryGetValue(usage.Packed, out var name) ? name : $"usage(0x{usage.Page:x2},0x{usage.Id:x2})";

    /// <summary>The closest known name or alias to a misspelt one, or null if nothing is close.</summary>
    public static string? Suggest(string unknown) => null;

    private static Dictionary<string, Usage> BuildIndex()
    {
        var index = new Dictionary<string, Usage>(StringComparer.OrdinalIgnoreCase);
        foreach (var k in Table)
        {
            index[k.Name] = k.Usage;
            foreach (var alias in k.Aliases) index[alias] = k.Usage;
        }
        return index;
    }
}
