using Remapper.Core.Hid;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// Which Karabiner key and modifier names a keymap can take, and why the others cannot be brought over.
/// Karabiner's key_code names are Remapper's canonical names, so most pass unchanged.
/// </summary>
internal static class KarabinerNames
{
    /// <summary>macOS function keys older karabiner.json files name as key_code (today apple_vendor_* keys).</summary>
    private static readonly HashSet<string> AppleOnly = new(StringComparer.Ordinal)
    {
        "mission_control", "launchpad", "dashboard", "illumination_decrement", "illumination_increment",
        "apple_display_brightness_decrement", "apple_display_brightness_increment", "apple_top_case_display_brightness_decrement",
        "apple_top_case_display_brightness_increment", "dictation", "spotlight", "do_not_disturb", "keyboard_fn",
    };

    /// <summary>Null when <paramref name="name"/> is a key a keymap knows, else the reason it is not.</summary>
    public static string? KeyProblem(string name)
    {
        if (name == "fn") return "the fn key: Apple keyboards handle it inside the keyboard, it never reaches Linux";
        if (AppleOnly.Contains(name) && !KeyNames.TryParse(name, out _)) return $"'{name}' is a macOS function (Mission Control, Launchpad, Spotlight...) with no key on Linux";
        if (KeyNames.TryParse(name, out _)) return null;
        var suggestion = KeyNames.Suggest(name);
        return suggestion is null
            ? $"key '{name}' is not a key Remapper knows (`remapper keys` lists them)"
            : $"key '{name}' is not a key Remapper knows (did you mean '{suggestion}'?)";
    }

    /// <summary>Karabiner modifier names: sided keys, side-less words (control, shift, option, command) and caps_lock.</summary>
    public static bool IsModifier(string name) =>
        name == "caps_lock" || ModifierWords.TryParseMask(name, out _);
}
