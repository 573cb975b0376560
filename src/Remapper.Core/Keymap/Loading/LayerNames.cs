namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// What a layer may be called: one or more ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, in any order.
/// A name may start with a digit (keyd configs have layers like <c>[6l:C]</c>, imported as <c>[layer.6l]</c>);
/// unlike an alias, a layer name never appears after <c>@</c>, so nothing is ambiguous about it.
/// </summary>
public static class LayerNames
{
    public const string Rule = "a layer name is made of letters, digits, '_', '-' and '.'";

    public static bool IsValid(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
