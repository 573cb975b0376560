namespace Remapper.Core.Import.Kanata;

/// <summary>A node of a kanata config: an atom (<c>lctl</c>, <c>200</c>, <c>"text"</c>) or a list in parentheses, with where it starts (1-based).</summary>
internal abstract record SExpression(int Line, int Column)
{
    public string Place(string source) => $"{source}:{Line}:{Column}";
}

/// <summary>A bare word or number, or a quoted string (<see cref="Quoted"/>), as written.</summary>
internal sealed record SAtom(string Text, bool Quoted, int Line, int Column) : SExpression(Line, Column)
{
    public override string ToString() => Quoted ? $"\"{Text}\"" : Text;
}

internal sealed record SList(IReadOnlyList<SExpression> Items, int Line, int Column, int EndLine, int EndColumn) : SExpression(Line, Column)
{
    /// <summary>The first item when it is a bare word (<c>defsrc</c>, <c>tap-hold</c>), else null.</summary>
    public string? Head => Items.Count > 0 && Items[0] is SAtom { Quoted: false } a ? a.Text : null;

    public override string ToString() => "(" + string.Join(" ", Items) + ")";
}
