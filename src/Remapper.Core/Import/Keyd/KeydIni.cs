namespace Remapper.Core.Import.Keyd;

/// <summary>One <c>key = value</c> line of a keyd config, with where its key and value start (1-based).</summary>
internal sealed record KeydEntry(string Key, string? Value, int Line, int KeyColumn, int ValueColumn);

/// <summary>A <c>[name]</c>, <c>[name:MODS]</c> or <c>[a+b]</c> section and its lines, in file order.</summary>
internal sealed record KeydSection(string Header, int Line, List<KeydEntry> Entries);

/// <summary>
/// keyd's ini dialect, read as keyd reads it: blank lines and lines starting with <c>#</c> are skipped, a line
/// that is <c>[…]</c> starts a section, anything else is <c>key = value</c> split at the first <c>=</c> after
/// the first character (so <c>= = b</c> binds the <c>=</c> key, and <c>[ = x</c> binds <c>[</c>). Lines before
/// the first section (keyd allows only <c>include</c> there) are kept apart.
/// </summary>
internal sealed class KeydIni
{
    public List<KeydEntry> Preamble { get; } = [];

    public List<KeydSection> Sections { get; } = [];

    public static KeydIni Parse(string text)
    {
        var ini = new KeydIni();
        KeydSection? section = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var lead = 0;
            while (lead < raw.Length && char.IsWhiteSpace(raw[lead])) lead++;
            var line = raw[lead..].TrimEnd();
            if (line.Length == 0 || line[0] == '#') continue;
            if (i == 0 && line[0] == '\uFEFF') line = line[1..];
            if (line[0] == '[' && line[^1] == ']' && line.Length >= 2)
            {
                section = new KeydSection(line[1..^1], i + 1, []);
                ini.Sections.Add(section);
                continue;
            }
            var entry = SplitEntry(line, i + 1, lead + 1);
            (section?.Entries ?? ini.Preamble).Add(entry);
        }
        return ini;
    }

    private static KeydEntry SplitEntry(string line, int number, int column)
    {
        var start = line[0] == '=' ? 1 : 0;
        var equals = line.IndexOf('=', start);
        if (equals < 0) return new KeydEntry(line, null, number, column, column);
        var key = line[..equals].TrimEnd();
        var valueStart = equals + 1;
        while (valueStart < line.Length && line[valueStart] is ' ' or '\t') valueStart++;
        return new KeydEntry(key, line[valueStart..], number, column, column + valueStart);
    }
}
