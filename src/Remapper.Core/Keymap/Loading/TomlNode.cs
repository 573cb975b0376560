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
    public SourceLocation LocationOf(int offset)
    {
        if (QuoteLength < 0 || offset <= 0) return Location;
        offset = Math.Min(offset, Value.Length);
        // A string broken by a newline (Tomlyn reports it, then reads on) continues on the next line: count from there.
        var newline = Value.LastIndexOf('\n', Math.Max(0, offset - 1));
        if (newline < 0) return Location with { Column = Location.Column + QuoteLength + Columns(Value.AsSpan(0, offset)) };
        var lines = Value.AsSpan(0, newline + 1).Count('\n');
        return Location with { Line = Location.Line + lines, Column = 1 + Columns(Value.AsSpan(newline + 1, offset - newline - 1)) };
    }

    /// <summary>Columns count code points, as Tomlyn's do: an emoji is one column, not two.</summary>
    private static int Columns(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text) if (!char.IsLowSurrogate(c)) n++;
        return n;
    }
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

/// <summary>A decimal number: only a mouse speed multiplier takes one; everything else reports it as the wrong type.</summary>
internal sealed class TomlFloat(double value, SourceLocation location) : TomlNode(location)
{
    public double Value { get; } = value;
    public override string KindName => "a decimal number";
}

/// <summary>Dates: valid TOML that no keymap setting takes.</summary>
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
    private readonly List<TomlEntry> _entries = [];

    // First entry per key: a 1 MiB file can hold 200 000 keys, and a linear Find per key would never finish.
    private readonly Dictionary<string, TomlEntry> _firstByKey = new(StringComparer.Ordinal);

    /// <summary>In source order. After includes merge, the same key may appear more than once (from different files).</summary>
    public IReadOnlyList<TomlEntry> Entries => _entries;

    public void Add(TomlEntry entry)
    {
        _entries.Add(entry);
        _firstByKey.TryAdd(entry.Key.Value, entry);
    }

    /// <summary>False for tables only implied by a dotted key or a longer header (<c>[layer.nav]</c> implies <c>layer</c>).</summary>
    public bool IsExplicit { get; set; } = isExplicit;

    public override string KindName => "a table";

    /// <summary>The first entry with this key.</summary>
    public TomlEntry? Find(string key) => _firstByKey.GetValueOrDefault(key);
}
