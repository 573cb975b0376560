using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary><c>[settings] hands = { left = ["a", "s"], right = ["j", "k"] }</c> → <see cref="KeyboardHands"/>.</summary>
internal static class HandsReader
{
    private static readonly string[] Sides = ["left", "right"];

    public static KeyboardHands? Read(TomlNode node, ValueReader values)
    {
        if (values.Table(node) is not { } table) return null;
        List<Usage> left = [], right = [];
        var ok = true;
        foreach (var entry in table.Entries)
        {
            var list = entry.Key.Value switch { "left" => left, "right" => right, _ => null };
            if (list is null)
            {
                values.UnknownKey(entry, "in hands", Sides);
                ok = false;
                continue;
            }
            if (entry.Value is not TomlArray array)
            {
                values.Diagnostics.WrongType(entry.Value, "an array of key names");
                ok = false;
                continue;
            }
            foreach (var item in array.Items)
            {
                if (values.String(item) is not { } s) { ok = false; continue; }
                if (!ModifierWords.TryParseKey(s.Value, out var usage))
                {
                    values.Diagnostics.Error(s.Location, $"unknown key '{MessageText.Short(s.Value)}'", () => KeyNameSuggestions.For(s.Value));
                    ok = false;
                }
                else if (left.Contains(usage) || right.Contains(usage))
                {
                    values.Diagnostics.Error(s.Location, $"'{MessageText.Short(s.Value)}' is already given a hand", "each key belongs to one hand at most");
                    ok = false;
                }
                else list.Add(usage);
            }
        }
        return ok ? new KeyboardHands(left, right) : null;
    }
}
