using Remapper.Core.Hid;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// kanata's key names (its own, and the punctuation it accepts as itself) → Remapper's canonical names. Most of
/// kanata's short names (lctl, lsft, spc, bspc, ret …) are already aliases in the key table; this adds the rest.
/// Output chords (<c>C-S-t</c>) are split into their modifiers and the key.
/// </summary>
internal static class KanataKeys
{
    private static readonly Dictionary<string, string> Own = new(StringComparer.Ordinal)
    {
        ["lmet"] = "left_command", ["rmet"] = "right_command", ["lmeta"] = "left_command", ["rmeta"] = "right_command",
        ["min"] = "hyphen", ["-"] = "hyphen", ["="] = "equal_sign", [";"] = "semicolon", ["'"] = "quote",
        [","] = "comma", ["."] = "period", ["/"] = "slash", ["\\"] = "backslash", ["bksl"] = "backslash",
        ["["] = "open_bracket", ["]"] = "close_bracket", ["`"] = "grave_accent_and_tilde", ["grv"] = "grave_accent_and_tilde",
        ["apo"] = "quote", ["comp"] = "application", ["prnt"] = "print_screen", ["nlk"] = "keypad_num_lock",
        ["slck"] = "scroll_lock", ["sys"] = "print_screen", ["ralt"] = "right_option", ["lalt"] = "left_option",
        ["kp+"] = "keypad_plus", ["kp-"] = "keypad_hyphen", ["kp*"] = "keypad_asterisk", ["kp/"] = "keypad_slash",
        ["kp."] = "keypad_period", ["kp="] = "keypad_equal_sign", ["kprt"] = "keypad_enter",
        ["mute"] = "mute", ["volu"] = "volume_increment", ["voldwn"] = "volume_decrement", ["vold"] = "volume_decrement",
        ["pp"] = "play_or_pause", ["next"] = "scan_next_track", ["prev"] = "scan_previous_track",
        ["brup"] = "display_brightness_increment", ["brdown"] = "display_brightness_decrement", ["brdwn"] = "display_brightness_decrement",
        ["ssrq"] = "print_screen", ["102d"] = "non_us_backslash", ["lsgt"] = "non_us_backslash",
    };

    private static readonly (string Prefix, string Modifier)[] ChordPrefixes =
    [
        ("RC-", "right_control"), ("RS-", "right_shift"), ("RA-", "right_option"), ("AG-", "right_option"), ("RM-", "right_command"),
        ("C-", "left_control"), ("S-", "left_shift"), ("A-", "left_option"), ("M-", "left_command"),
    ];

    /// <summary>A single key's canonical name, or null.</summary>
    public static string? Key(string kanata)
    {
        if (Own.TryGetValue(kanata, out var name)) return name;
        // The browser's KeyboardEvent.code names, which kanata accepts too: Digit1, KeyA.
        if (kanata.Length == 6 && kanata.StartsWith("Digit", StringComparison.Ordinal) && char.IsAsciiDigit(kanata[5])) return Key(kanata[5..]);
        if (kanata.Length == 4 && kanata.StartsWith("Key", StringComparison.Ordinal) && char.IsAsciiLetterUpper(kanata[3])) return Key(kanata[3..].ToLowerInvariant());
        if (kanata.Length > 0 && KeyNames.TryParse(kanata, out var usage)) return KeyNames.NameOf(usage);
        return null;
    }

    /// <summary><c>C-S-t</c> → <c>left_control+left_shift+t</c>; a plain key → its name; null when not a key.</summary>
    public static string? Chord(string kanata)
    {
        var modifiers = new List<string>();
        var rest = kanata;
        while (rest.Length > 2)
        {
            var match = ChordPrefixes.FirstOrDefault(p => rest.StartsWith(p.Prefix, StringComparison.Ordinal));
            if (match.Prefix is null) break;
            if (!modifiers.Contains(match.Modifier)) modifiers.Add(match.Modifier);
            rest = rest[match.Prefix.Length..];
        }
        var key = Key(rest);
        if (key is null) return null;
        modifiers.Add(key);
        return string.Join("+", modifiers);
    }
}
