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
        "mission_control", "launchpad", "dashboard", "vk_mission_control", "vk_launchpad", "vk_dashboard",
        "apple_display_brightness_decrement", "apple_display_brightness_increment", "apple_top_case_display_brightness_decrement",
        "apple_top_case_display_brightness_increment", "dictation", "spotlight", "do_not_disturb", "keyboard_fn",
    };

    /// <summary>
    /// Names older Karabiner versions wrote for keys Remapper knows under another name (the vk_consumer_* keys
    /// of Karabiner 11 and the key_code spelling of Apple's keyboard backlight keys).
    /// </summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["vk_consumer_brightness_down"] = "display_brightness_decrement",
        ["vk_consumer_brightness_up"] = "display_brightness_increment",
        ["vk_consumer_illumination_down"] = "keyboard_illumination_decrement",
        ["vk_consumer_illumination_up"] = "keyboard_illumination_increment",
        ["illumination_decrement"] = "keyboard_illumination_decrement",
        ["illumination_increment"] = "keyboard_illumination_increment",
        ["vk_consumer_next"] = "scan_next_track",
        ["vk_consumer_play"] = "play_or_pause",
        ["vk_consumer_previous"] = "scan_previous_track",
    };

    /// <summary>The keymap's name for a Karabiner key name: the same name, or its current spelling.</summary>
    public static string Canonical(string name) => Renamed.TryGetValue(name, out var renamed) ? renamed : name;

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
