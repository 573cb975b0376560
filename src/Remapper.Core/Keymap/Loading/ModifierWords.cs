using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Side-less modifier words. As a target (<c>"ctrl+c"</c>) they press the left key; in a rule's <c>from</c>
/// they accept either side, as Karabiner's <c>control</c> does. Kept here rather than in the key table because
/// the two meanings differ and only the keymap language knows which applies.
/// </summary>
internal static class ModifierWords
{
    private static readonly Dictionary<string, (Usage Left, byte EitherSide)> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ctrl"] = (Usages.LeftControl, 0x11),
        ["control"] = (Usages.LeftControl, 0x11),
        ["shift"] = (Usages.LeftShift, 0x22),
        ["alt"] = (Usages.LeftOption, 0x44),
        ["option"] = (Usages.LeftOption, 0x44),
        ["opt"] = (Usages.LeftOption, 0x44),
        ["cmd"] = (Usages.LeftCommand, 0x88),
        ["command"] = (Usages.LeftCommand, 0x88),
        ["gui"] = (Usages.LeftCommand, 0x88),
        ["meta"] = (Usages.LeftCommand, 0x88),
        ["super"] = (Usages.LeftCommand, 0x88),
        ["win"] = (Usages.LeftCommand, 0x88),
    };

    public static IEnumerable<string> Words => Generic.Keys;

    /// <summary>The key a chord presses for <paramref name="name"/>: a generic word means the left modifier.</summary>
    public static bool TryParseKey(string name, out Usage usage)
    {
        if (Generic.TryGetValue(name, out var g)) { usage = g.Left; return true; }
        return KeyNames.TryParse(name, out usage);
    }

    /// <summary>
    /// The modifier bits <paramref name="name"/> accepts in a rule's <c>from</c>: both sides for a generic word,
    /// one for a sided key. False when the name is a key but not a modifier, or no key at all.
    /// </summary>
    public static bool TryParseMask(string name, out byte mask)
    {
        if (Generic.TryGetValue(name, out var g)) { mask = g.EitherSide; return true; }
        mask = KeyNames.TryParse(name, out var usage) ? usage.ModifierBit : (byte)0;
        return mask != 0;
    }
}
