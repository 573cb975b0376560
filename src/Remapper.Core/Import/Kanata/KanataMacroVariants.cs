namespace Remapper.Core.Import.Kanata;

/// <summary>
/// kanata's macro family: <c>macro</c>, <c>macro-release-cancel</c>, <c>macro-cancel-on-press</c>,
/// <c>macro-release-cancel-and-cancel-on-press</c> and the <c>macro-repeat…</c> form of each (played again while the
/// key is held, once the run has ended) → the options of a Remapper <c>macro(…)</c>.
/// </summary>
internal static class KanataMacroVariants
{
    /// <summary>The macro options <paramref name="head"/> stands for (empty for a plain macro), or null when it is no macro.</summary>
    public static MacroVariant? Of(string head)
    {
        var repeat = head.StartsWith("macro-repeat", StringComparison.Ordinal);
        var rest = repeat ? head["macro-repeat".Length..] : head.StartsWith("macro", StringComparison.Ordinal) ? head["macro".Length..] : null;
        return rest switch
        {
            "" => new MacroVariant(repeat, []),
            "-release-cancel" => new MacroVariant(repeat, ["cancel_on_release"]),
            "-cancel-on-press" => new MacroVariant(repeat, ["cancel_on_press"]),
            "-release-cancel-and-cancel-on-press" => new MacroVariant(repeat, ["cancel_on_release", "cancel_on_press"]),
            _ => null,
        };
    }

    /// <summary>
    /// The options to write after the steps. A repeating macro with no wait of its own repeats as kanata's does, one
    /// millisecond after each run (Remapper wants a gap there).
    /// </summary>
    public static IEnumerable<string> Options(MacroVariant variant, bool hasDelay)
    {
        if (variant.Repeat) yield return hasDelay ? "repeat" : "repeat=1ms";
        foreach (var option in variant.Cancel) yield return option;
    }
}

/// <summary>A kanata macro head: whether it repeats while held, and the cancel options it carries.</summary>
internal sealed record MacroVariant(bool Repeat, string[] Cancel)
{
    public bool IsPlain => !Repeat && Cancel.Length == 0;
}
