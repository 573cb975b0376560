using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// The modifiers a layer action holds: <c>ctrl</c>, <c>left_shift+left_option</c>. Only modifier keys, each once;
/// side-less words are the left key, as in any action.
/// </summary>
internal static class LayerModifierWords
{
    public static IReadOnlyList<Usage>? Parse(string text)
    {
        var keys = new List<Usage>();
        foreach (var raw in text.Split('+'))
        {
            var part = raw.Trim();
            if (!ModifierWords.TryParseKey(part, out var usage) || !usage.IsModifier || keys.Contains(usage)) return null;
            keys.Add(usage);
        }
        return keys.Count == 0 ? null : keys;
    }
}
