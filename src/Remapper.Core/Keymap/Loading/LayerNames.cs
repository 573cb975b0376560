namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// What a layer may be called: one or more ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, in any order.
/// A name may start with a digit (keyd configs have layers like <c>[6l:C]</c>, imported as <c>[layer.6l]</c>);
/// unlike an alias, a layer name never appears after <c>@</c>, so nothing is ambiguous about it. Two or more such
/// names joined by <c>+</c> (<c>[layer."nav+sym"]</c>) name a composite layer: active while all of them are.
/// </summary>
public static class LayerNames
{
    public const string Rule = "a layer name is made of letters, digits, '_', '-' and '.' (or is two or more of those joined by '+', a composite layer)";

    public static bool IsValid(string name) => IsPlain(name) || IsComposite(name);

    /// <summary>A layer of its own (not a composite).</summary>
    public static bool IsPlain(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary><c>nav+sym</c>: two or more different plain names joined by '+'.</summary>
    public static bool IsComposite(string name)
    {
        if (!name.Contains('+')) return false;
        var parts = name.Split('+');
        return parts.Length >= 2 && parts.All(IsPlain) && parts.Distinct(StringComparer.Ordinal).Count() == parts.Length
            && !parts.Contains(KeymapModel.BaseLayerName);
    }
}
