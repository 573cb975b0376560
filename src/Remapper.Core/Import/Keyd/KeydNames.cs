using Remapper.Core.Hid;

namespace Remapper.Core.Import.Keyd;

/// <summary>
/// keyd's key names (its keycode table, <c>keyd list-keys</c>) → Remapper's canonical names. Most of keyd's
/// names are already aliases in <see cref="KeyNames"/>; the punctuation keys keyd names by their character and
/// the side-less modifier words need this table. keyd's names are case-sensitive: <c>H</c> is shift+h.
/// </summary>
internal static class KeydNames
{
    /// <summary>The side-less modifiers keyd defines as layers ([control:C] …) and the keys its default aliases send to them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ModifierKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["control"] = ["left_control", "right_control"],
        ["shift"] = ["left_shift", "right_shift"],
        ["meta"] = ["left_command", "right_command"],
        ["alt"] = ["left_option"],
        ["altgr"] = ["right_option"],
    };

    /// <summary>The key a modifier letter (C, S, M, A, G) presses: keyd's layer modifiers and its <c>C-x</c> prefixes.</summary>
    public static string? ModifierLetterKey(char letter) => letter switch
    {
        'C' => "left_control",
        'S' => "left_shift",
        'M' => "left_command",
        'A' => "left_option",
        'G' => "right_option",
        _ => null,
    };

    /// <summary>keyd presses a modifier set in this order (alt, altgr, shift, meta, control).</summary>
    public const string ModifierOrder = "AGSMC";

    private static readonly Dictionary<string, string> Punctuation = new(StringComparer.Ordinal)
    {
        ["-"] = "hyphen", ["="] = "equal_sign", ["["] = "open_bracket", ["]"] = "close_bracket",
        [";"] = "semicolon", ["'"] = "quote", ["`"] = "grave_accent_and_tilde", ["\\"] = "backslash",
        [","] = "comma", ["."] = "period", ["/"] = "slash",
        ["control"] = "left_control", ["leftcontrol"] = "left_control", ["rightcontrol"] = "right_control",
        ["shift"] = "left_shift", ["leftshift"] = "left_shift", ["rightshift"] = "right_shift",
        ["meta"] = "left_command", ["leftmeta"] = "left_command", ["rightmeta"] = "right_command",
        ["alt"] = "left_option", ["leftalt"] = "left_option", ["altgr"] = "right_option", ["rightalt"] = "right_option",
    };

    /// <summary>keyd's shifted names: <c>!</c> is shift+1, <c>{</c> shift+[.</summary>
    private static readonly Dictionary<char, string> Shifted = new()
    {
        ['!'] = "1", ['@'] = "2", ['#'] = "3", ['$'] = "4", ['%'] = "5", ['^'] = "6", ['&'] = "7", ['*'] = "8",
        ['('] = "9", [')'] = "0", ['_'] = "hyphen", ['+'] = "equal_sign", ['{'] = "open_bracket", ['}'] = "close_bracket",
        [':'] = "semicolon", ['"'] = "quote", ['~'] = "grave_accent_and_tilde", ['|'] = "backslash", ['<'] = "comma",
        ['>'] = "period", ['?'] = "slash",
    };

    /// <summary>
    /// The keys one keyd key name presses, shift first where the name is a shifted character; null when
    /// keyd's name is not a key (or names a key Remapper does not know).
    /// </summary>
    public static string[]? Output(string name)
    {
        if (Punctuation.TryGetValue(name, out var known)) return [known];
        if (name.Length == 1 && char.IsAsciiLetterUpper(name[0])) return ["left_shift", char.ToLowerInvariant(name[0]).ToString()];
        if (name.Length == 1 && Shifted.TryGetValue(name[0], out var unshifted)) return ["left_shift", unshifted];
        if (name.Length == 0 || name.Any(char.IsAsciiLetterUpper)) return null;
        return KeyNames.TryParse(name, out var usage) ? [KeyNames.NameOf(usage)] : null;
    }

    /// <summary>The physical keys a keyd key name on the left of <c>=</c> binds (control binds both control keys).</summary>
    public static string[]? Input(string name)
    {
        if (ModifierKeys.TryGetValue(name, out var both)) return both;
        var output = Output(name);
        return output is { Length: 1 } ? output : null;
    }
}
