using System.Text.RegularExpressions;
using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Recognises another remapper's config or action syntax in a keymap that failed to load, and says what the Remapper
/// equivalent is: a keyd file (<c>[ids]</c>/<c>[main]</c>), a kanata file (<c>(defsrc</c>), a Karabiner-Elements
/// JSON, keyd/kanata actions (<c>overload(control, esc)</c>, <c>(tap-hold …)</c>) and QMK or
/// Linux key names (<c>KC_LGUI</c>, <c>KEY_LEFTALT</c>). The one place both <c>check</c> and <c>run</c> get these from.
/// </summary>
internal static partial class ForeignSyntax
{
    /// <summary>A whole file in another tool's format: the one diagnostic worth showing instead of the cascade.</summary>
    public static Diagnostic? WholeFile(string text, string path)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var name = System.IO.Path.GetFileName(path);
        if (trimmed.StartsWith('{'))
        {
            return trimmed.Contains("\"profiles\"", StringComparison.Ordinal) || trimmed.Contains("\"rules\"", StringComparison.Ordinal)
                ? new Diagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1),
                    "this is a Karabiner-Elements JSON file, not a Remapper keymap (TOML)",
                    $"convert it with `remapper import karabiner {name}`")
                : new Diagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1),
                    "this is JSON, not a Remapper keymap (TOML; see docs/keymap.md)");
        }
        if (KanataForm().Match(text) is { Success: true } kanata)
        {
            return new Diagnostic(DiagnosticSeverity.Error, At(text, path, kanata.Index),
                "this is a kanata config (defsrc/deflayer), not a Remapper keymap (TOML)",
                $"convert it with `remapper import kanata {name}`");
        }
        if (KeydSection().Match(text) is { Success: true } keyd)
        {
            return new Diagnostic(DiagnosticSeverity.Error, At(text, path, keyd.Index),
                $"this is a keyd config ({keyd.Value.Trim()}), not a Remapper keymap (TOML)",
                $"convert it with `remapper import keyd {name}`");
        }
        return null;
    }

    /// <summary>What to say instead of (or after) an error whose source text is another tool's syntax, or null.</summary>
    public static string? ForToken(string token)
    {
        token = token.Trim().Trim('"', '\'');
        if (Overload().Match(token) is { Success: true } overload)
        {
            var hold = HoldOf(overload.Groups[1].Value.Trim());
            return $"keyd's overload() is a tap-hold here: {{ tap = \"{overload.Groups[2].Value.Trim()}\", hold = \"{hold}\", mode = \"overload\" }}";
        }
        if (TapHold().Match(token) is { Success: true } tapHold)
            return $"kanata's tap-hold is {{ tap = \"{tapHold.Groups[1].Value}\", hold = \"{HoldOf(tapHold.Groups[2].Value)}\", term_ms = {tapHold.Groups["term"].Value} }} here";
        if (ForeignKeyName().Match(token) is { Success: true } key && KeyNames.TryParse(key.Groups[2].Value, out var usage))
        {
            var tool = key.Groups[1].Value.Equals("KC_", StringComparison.OrdinalIgnoreCase) ? "QMK's" : "Linux's";
            return $"{tool} {token} is '{KeyNames.NameOf(usage)}' here";
        }
        return null;
    }

    /// <summary>keyd's modifier layers are our modifier keys; any other name is a layer of ours.</summary>
    private static string HoldOf(string what) =>
        KeyNames.TryParse(what, out var usage) ? KeyNames.NameOf(usage) : $"layer({what})";

    private static SourceLocation At(string text, string path, int index)
    {
        int line = 1, column = 1;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        // The regexes match the start of a line; skip the leading whitespace they allow.
        while (index < text.Length && text[index] is ' ' or '\t' or '\r' or '\n')
        {
            if (text[index] == '\n') { line++; column = 1; }
            else column++;
            index++;
        }
        return new SourceLocation(path, line, column);
    }

    [GeneratedRegex(@"^\s*\((defsrc|defcfg|deflayer)\b", RegexOptions.Multiline)]
    private static partial Regex KanataForm();

    [GeneratedRegex(@"^\s*\[(ids|main)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex KeydSection();

    [GeneratedRegex(@"^overload\(\s*([^,()]+)\s*,\s*([^,()]+)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Overload();

    [GeneratedRegex(@"^\(tap-hold(?:-press|-release)?\s+\d+\s+(?<term>\d+)\s+(\S+)\s+(\S+?)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex TapHold();

    [GeneratedRegex(@"^(KC_|KEY_)([A-Z0-9_]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignKeyName();
}
