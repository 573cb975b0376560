namespace Remapper.Core.Keymap.Loading;

/// <summary>User text quoted in a message, cut short: a 100 000-character key name is not worth repeating.</summary>
internal static class MessageText
{
    public const int MaxQuoted = 48;

    public static string Short(string text) =>
        text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");
}
