namespace Remapper.Core.Keymap.Loading;

/// <summary>The keymap spellings of <see cref="HoldMode"/>, used by [settings] and by each tap-hold.</summary>
internal static class HoldModeNames
{
    private static readonly Dictionary<string, HoldMode> ByName = new(StringComparer.Ordinal)
    {
        ["hold_on_other_key_press"] = HoldMode.HoldOnOtherKeyPress,
        ["hold_on_timeout"] = HoldMode.HoldOnTimeout,
        ["permissive_hold"] = HoldMode.PermissiveHold,
        ["overload"] = HoldMode.Overload,
    };

    public static HoldMode? Read(TomlNode node, ValueReader values)
    {
        if (values.String(node) is not { } s) return null;
        if (ByName.TryGetValue(s.Value, out var mode)) return mode;
        values.Diagnostics.Error(s.Location, $"unknown tap-hold mode '{MessageText.Short(s.Value)}'",
            () => Suggestions.DidYouMean(s.Value, ByName.Keys) ?? $"expected one of: {string.Join(", ", ByName.Keys)}");
        return null;
    }
}
