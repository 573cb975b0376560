using System.Text.RegularExpressions;

namespace Remapper.Cli;

/// <summary>
/// The command-line parser's messages in a user's words: it names .NET types ("expected type
/// 'System.Nullable`1[System.Int32]'"), which mean nothing to someone typing <c>remapper monitor --count abc</c>.
/// </summary>
internal static partial class ParseErrors
{
    public static string InWords(string message)
    {
        var m = CannotParse().Match(message);
        if (!m.Success) return message;
        var what = m.Groups["kind"].Value == "option" ? $"{m.Groups["name"].Value} expects" : $"{m.Groups["name"].Value} must be";
        return $"{what} {Expected(m.Groups["type"].Value)}, not '{m.Groups["value"].Value}'";
    }

    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when typeName.Contains("Double", StringComparison.Ordinal) || typeName.Contains("Single", StringComparison.Ordinal) => "a number",
        _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("TimeSpan", StringComparison.Ordinal) => "a duration",
        _ => "another kind of value",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<kind>option|command|argument) '(?<name>[^']*)' as expected type '(?<type>.*)'\.?$")]
    private static partial Regex CannotParse();
}
