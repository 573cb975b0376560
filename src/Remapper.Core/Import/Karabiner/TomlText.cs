using System.Globalization;
using System.Text;

namespace Remapper.Core.Import.Karabiner;

/// <summary>TOML spellings for the values the importer writes: strings, keys, inline tables and arrays.</summary>
internal static class TomlText
{
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>A bare key where TOML allows one, else a quoted key (e.g. <c>"basic.to_if_alone_timeout_milliseconds"</c>).</summary>
    public static string Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : String(key);

    public static string Table(IEnumerable<string> entries)
    {
        var list = entries.ToList();
        return list.Count == 0 ? "{}" : "{ " + string.Join(", ", list) + " }";
    }

    public static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    public static string Entry(string key, string value) => $"{Key(key)} = {value}";

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Text as a TOML comment, one <c>#</c> line per line.</summary>
    public static IEnumerable<string> Comment(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? "#" : "# " + line);
}
