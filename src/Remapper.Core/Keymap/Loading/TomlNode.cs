namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A TOML value with the place it was written. Tomlyn's syntax tree keeps spans but not TOML's table semantics
/// (dotted keys, [a.b] headers, [[arrays]]); this small tree has both, so validation never loses a position.
/// </summary>
internal abstract class TomlNode(SourceLocation location)
{
    public SourceLocation Location { get; set; } = location;

    /// <summary>How a user would name this kind of value in "expected X, got Y".</summary>
    public abstract string KindName { get; }
}

internal sealed class TomlString(string value, SourceLocation location, int quoteLength) : TomlNode(location)
{
    public string Value { get; } = value;

    /// <summary>
    /// Width of the opening quote when the source text is exactly quote + value + quote (0 for bare keys), else -1.
    /// Only then can an error about part of the string point at that part.
    /// </summary>
    public int QuoteLength { get; } = quoteLength;

    public override string KindName => "a string";

    /// <summary>Where the character at <paramref name="offset"/> of the value is; offset 0 means the whole value, so its start.</summary>
    public SourceLocation LocationOf(int offset) =>
        QuoteLength < 0 || offset <= 0 ? Location : Location with { Column = Location.Column + QuoteLength + offset };
}

internal sealed class TomlInteger(long value, SourceLocation location) : TomlNode(location)
{
    public long Value { get; } = value;
    public override string KindName => "an integer";
}

internal sealed class TomlBoolean(bool value, SourceLocation location) : TomlNode(location)
{
    public bool Value { get; } = value;
    public override string KindName => "a boolean";
}

/// <summary>Floats and dates: valid TOML that no keymap setting takes.</summary>
internal sealed class TomlOther(string kindName, SourceLocation location) : TomlNode(location)
{
    public override string KindName { get; } = kindName;
}

internal sealed class TomlArray(SourceLocation location, bool isTableArray) : TomlNode(location)
{
    public List<TomlNode> Items { get; } = [];

    /// <summary>Made by <c>[[name]]</c> headers: a later <c>[name.sub]</c> header refers to its last table.</summary>
    public bool IsTableArray { get; } = isTableArray;

    public override string KindName => "an array";
}

internal sealed record TomlEntry(TomlString Key, TomlNode Value);

internal sealed class TomlTable(SourceLocation location, bool isExplicit) : TomlNode(location)
{
    /// <summary>In source order. After includes merge, the same key may appear more than once (from different files).</summary>
    public List<TomlEntry> Entries { get; } = [];

    /// <summary>False for tables only implied by a dotted key or a longer header (<c>[layer.nav]</c> implies <c>layer</c>).</summary>
    public bool IsExplicit { get; set; } = isExplicit;

    public override string KindName => "a table";

    public TomlEntry? Find(string key)
    {
        foreach (var e in Entries)
            if (e.Key.Value == key) return e;
        return null;
    }
}
