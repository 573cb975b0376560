namespace Remapper.Core.Hid;

/// <summary>One Collection … End Collection of a report descriptor, with what it directly contains.</summary>
public sealed class HidCollection
{
    private readonly List<HidCollection> _children = [];
    private readonly List<ReportField> _fields = [];

    internal HidCollection(CollectionType type, Usage usage, HidCollection? parent)
    {
        Type = type;
        Usage = usage;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public CollectionType Type { get; }

    /// <summary>The collection's usage, e.g. Generic Desktop / Keyboard (0x01:0x06); none when the descriptor gave none.</summary>
    public Usage Usage { get; }

    public HidCollection? Parent { get; }

    /// <summary>0 for a top-level collection.</summary>
    public int Depth { get; }

    public IReadOnlyList<HidCollection> Children => _children;

    /// <summary>Fields declared directly inside this collection (not inside a child).</summary>
    public IReadOnlyList<ReportField> Fields => _fields;

    public bool IsApplication => Type == CollectionType.Application;

    /// <summary>This collection's fields and those of every collection nested in it.</summary>
    public IEnumerable<ReportField> AllFields()
    {
        foreach (var f in _fields) yield return f;
        foreach (var c in _children)
            foreach (var f in c.AllFields())
                yield return f;
    }

    internal void AddChild(HidCollection child) => _children.Add(child);

    internal void AddField(ReportField field) => _fields.Add(field);

    public override string ToString() => $"{Type} {Usage.Page:x2}:{Usage.Id:x2}";
}
