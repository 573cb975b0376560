namespace Remapper.Core.Keymap.Loading;

/// <summary>Typed reads of TOML values that report the wrong type or an out-of-range number at the value.</summary>
internal sealed class ValueReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics => diagnostics;

    public int? Integer(TomlEntry entry, long min, long max)
    {
        if (entry.Value is not TomlInteger i)
        {
            diagnostics.WrongType(entry.Value, "an integer");
            return null;
        }
        if (i.Value < min || i.Value > max)
        {
            diagnostics.Error(i.Location, $"{entry.Key.Value} must be between {min} and {max}, got {i.Value}");
            return null;
        }
        return (int)i.Value;
    }

    public TomlString? String(TomlNode node)
    {
        if (node is TomlString s) return s;
        diagnostics.WrongType(node, "a string");
        return null;
    }

    public bool? Boolean(TomlNode node)
    {
        if (node is TomlBoolean b) return b.Value;
        diagnostics.WrongType(node, "true or false");
        return null;
    }

    public TomlTable? Table(TomlNode node)
    {
        if (node is TomlTable t) return t;
        diagnostics.WrongType(node, "a table");
        return null;
    }

    /// <summary>A string, or each string of an array of strings (e.g. <c>include</c>, <c>mandatory</c>).</summary>
    public List<TomlString> StringOrStrings(TomlNode node)
    {
        var result = new List<TomlString>();
        switch (node)
        {
            case TomlString s:
                result.Add(s);
                break;
            case TomlArray a:
                foreach (var item in a.Items)
                    if (String(item) is { } s2) result.Add(s2);
                break;
            default:
                diagnostics.WrongType(node, "a string or an array of strings");
                break;
        }
        return result;
    }

    public void UnknownKey(TomlEntry entry, string where, IEnumerable<string> known) =>
        diagnostics.Error(entry.Key.Location, $"unknown key '{entry.Key.Value}' {where}",
            Suggestions.DidYouMean(entry.Key.Value, known) ?? $"expected one of: {string.Join(", ", known)}");

    /// <summary>The same setting given twice: only possible when includes merge tables.</summary>
    public bool IsRepeated(TomlTable table, TomlEntry entry)
    {
        var first = table.Entries.First(e => e.Key.Value == entry.Key.Value);
        if (ReferenceEquals(first, entry)) return false;
        diagnostics.Error(entry.Key.Location, $"'{entry.Key.Value}' is already set at {first.Key.Location}");
        return true;
    }
}
