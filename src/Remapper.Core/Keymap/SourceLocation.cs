namespace Remapper.Core.Keymap;

/// <summary>A place in a keymap file. Line and column are 1-based, as editors show them.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);
    public override string ToString() => $"{File}:{Line}:{Column}";
}
