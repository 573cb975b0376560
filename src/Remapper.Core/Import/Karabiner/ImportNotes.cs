namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// Collects what one import leaves out. Converters mark the count before a field and take the notes added
/// since, so each note can also be written as a comment right above the line it belongs to.
/// </summary>
internal sealed class ImportNotes(string source)
{
    private readonly List<ImportNote> _all = [];

    public IReadOnlyList<ImportNote> All => _all;

    public int Mark => _all.Count;

    public void Add(string place, string message) => _all.Add(new ImportNote(source, place, message));

    public IEnumerable<string> CommentsSince(int mark) =>
        _all.Skip(mark).Select(n => $"# not supported: {n.Place}: {n.Message}");

    /// <summary>Forgets the notes added since <paramref name="mark"/> (a disabled rule's, which changes nothing).</summary>
    public void DropSince(int mark) => _all.RemoveRange(mark, _all.Count - mark);
}
