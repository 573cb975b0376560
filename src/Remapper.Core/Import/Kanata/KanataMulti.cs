using Remapper.Core.Hid;
using Remapper.Core.Import.Karabiner;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// kanata's <c>(multi …)</c> of keys → a chord. kanata releases a multi's keys in the order it pressed them (the
/// imported keymap's chord_release_order), or last first with <c>reverse-release-order</c>; and unlike an output chord
/// (<c>S-9</c>, which the import makes end at the next key press) a multi stays held while its key is.
/// </summary>
internal static class KanataMulti
{
    /// <summary>The TOML value: <c>"left_control+left_shift"</c>, or <c>"chord(left_option+a, until=release, …)"</c>.</summary>
    public static string Chord(List<string> keys, bool reverse)
    {
        var joined = string.Join("+", keys);
        var options = new List<string>();
        if (HasModifierAndKey(joined)) options.Add("until=release");
        if (reverse) options.Add("release=reverse");
        return TomlText.String(options.Count == 0 ? joined : $"chord({joined}, {string.Join(", ", options)})");
    }

    private static bool HasModifierAndKey(string joined)
    {
        bool modifier = false, key = false;
        foreach (var name in joined.Split('+'))
        {
            if (!KeyNames.TryParse(name, out var usage)) continue;
            if (usage.IsModifier) modifier = true;
            else key = true;
        }
        return modifier && key;
    }
}
