using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>Suggestions for misspelt key names: the key table's own guess first, then ours over every name and alias.</summary>
internal static class KeyNameSuggestions
{
    public static string? For(string unknown)
    {
        var fromTable = unknown.Length <= 64 ? KeyNames.Suggest(unknown) : null;
        var nearest = fromTable ?? Suggestions.Nearest(unknown, AllNames());
        return nearest is null ? null : $"did you mean '{nearest}'?";
    }

    private static IEnumerable<string> AllNames()
    {
        foreach (var k in KeyNames.All)
        {
            yield return k.Name;
            foreach (var a in k.Aliases) yield return a;
        }
        foreach (var w in ModifierWords.Words) yield return w;
    }
}
