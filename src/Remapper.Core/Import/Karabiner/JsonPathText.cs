namespace Remapper.Core.Import.Karabiner;

/// <summary>JSONPath spellings (<c>$.profiles[0].complex_modifications</c>) for the places import notes name.</summary>
internal static class JsonPathText
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{parent}.{name}"
            : $"{parent}[\"{name.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
