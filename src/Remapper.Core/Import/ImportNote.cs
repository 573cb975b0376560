namespace Remapper.Core.Import;

/// <summary>
/// One thing an importer could not bring over: where it is in the source file (a JSONPath for JSON sources)
/// and why. Printed as <c>FILE:$.profiles[0]...: not supported: MESSAGE</c> and written into the keymap as a
/// comment where the converted part would have gone.
/// </summary>
public sealed record ImportNote(string Source, string Place, string Message)
{
    public override string ToString() => $"{Source}:{Place}: not supported: {Message}";
}
