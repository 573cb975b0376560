using Tomlyn.Syntax;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Tomlyn's syntax tree → <see cref="TomlTable"/>: applies headers, dotted keys and [[arrays]] the way TOML
/// defines them and reports keys or tables defined twice. Whatever is broken is skipped (Tomlyn has already
/// reported why), so validation still runs on everything else.
/// </summary>
internal sealed class TomlTreeBuilder(string file, DiagnosticBag diagnostics)
{
    public TomlTable Build(DocumentSyntax document)
    {
        var root = new TomlTable(new SourceLocation(file, 1, 1), isExplicit: true);
        foreach (var kv in document.KeyValues) AddKeyValue(root, kv);
        foreach (var header in document.Tables)
        {
            var table = OpenHeader(root, header);
            if (table is null) continue;
            foreach (var kv in header.Items) AddKeyValue(table, kv);
        }
        return root;
    }

    private TomlTable? OpenHeader(TomlTable root, TableSyntaxBase header)
    {
        var path = KeyParts(header.Name);
        if (path is null || path.Count == 0) return null;
        var at = Location(header);
        var parent = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            parent = Descend(parent, path[i]);
            if (parent is null) return null;
        }
        var last = path[^1];
        var existing = parent.Find(last.Value);
        if (header is TableArraySyntax)
        {
            var item = new TomlTable(at, isExplicit: true);
            if (existing is null)
            {
                var array = new TomlArray(at, isTableArray: true);
                array.Items.Add(item);
                parent.Add(new TomlEntry(last, array));
                return item;
            }
            if (existing.Value is TomlArray { IsTableArray: true } tables)
            {
                tables.Items.Add(item);
                return item;
            }
            diagnostics.Error(last.Location, $"'{MessageText.Short(last.Value)}' is already defined at {existing.Key.Location} and cannot also be an array of tables");
            return null;
        }
        if (existing is null)
        {
            var table = new TomlTable(at, isExplicit: true);
            parent.Add(new TomlEntry(last, table));
            return table;
        }
        if (existing.Value is TomlTable { IsExplicit: false } implied)
        {
            implied.IsExplicit = true;
            implied.Location = at;
            return implied;
        }
        diagnostics.Error(last.Location, $"[{DottedName(path)}] is already defined at {existing.Key.Location}",
            "merge the two tables into one");
        return null;
    }

    /// <summary>The table a dotted key or header passes through, made on first use.</summary>
    private TomlTable? Descend(TomlTable parent, TomlString part)
    {
        var existing = parent.Find(part.Value);
        switch (existing?.Value)
        {
            case null:
                var table = new TomlTable(part.Location, isExplicit: false);
                parent.Add(new TomlEntry(part, table));
                return table;
            case TomlTable t:
                return t;
            case TomlArray { IsTableArray: true } array when array.Items.Count > 0 && array.Items[^1] is TomlTable lastItem:
                return lastItem;
            default:
                diagnostics.Error(part.Location, $"'{MessageText.Short(part.Value)}' is already defined at {existing.Key.Location} as {existing.Value.KindName}, not a table");
                return null;
        }
    }

    private void AddKeyValue(TomlTable table, KeyValueSyntax kv)
    {
        if (kv.Value is null) return; // Tomlyn reported the syntax error
        var path = KeyParts(kv.Key);
        if (path is null || path.Count == 0) return;
        var parent = table;
        for (var i = 0; i < path.Count - 1; i++)
        {
            parent = Descend(parent, path[i]);
            if (parent is null) return;
        }
        var value = Convert(kv.Value);
        if (value is null) return;
        var key = path[^1];
        if (parent.Find(key.Value) is { } first)
        {
            diagnostics.Error(key.Location, $"'{MessageText.Short(key.Value)}' is defined twice in the same table; the first is at {first.Key.Location}");
            return;
        }
        parent.Add(new TomlEntry(key, value));
    }

    // Recursion depth is bounded: NestingGuard rejected anything nested more than 64 deep.
    private TomlNode? Convert(ValueSyntax? syntax)
    {
        var at = syntax is null ? SourceLocation.None : Location(syntax);
        switch (syntax)
        {
            case StringValueSyntax s:
                return MakeString(s);
            case IntegerValueSyntax i:
                return new TomlInteger(i.Value, at);
            case BooleanValueSyntax b:
                return new TomlBoolean(b.Value, at);
            case FloatValueSyntax f:
                return new TomlFloat(f.Value, at);
            case DateTimeValueSyntax:
                return new TomlOther("a date/time", at);
            case ArraySyntax a:
                var array = new TomlArray(at, isTableArray: false);
                if (a.Items is not null)
                    foreach (var item in a.Items)
                        if (Convert(item.Value) is { } v) array.Items.Add(v);
                return array;
            case InlineTableSyntax t:
                var table = new TomlTable(at, isExplicit: true);
                if (t.Items is not null)
                    foreach (var item in t.Items)
                        if (item.KeyValue is not null) AddKeyValue(table, item.KeyValue);
                return table;
            default:
                return null;
        }
    }

    private List<TomlString>? KeyParts(KeySyntax? key)
    {
        if (key?.Key is null) return null;
        var parts = new List<TomlString>();
        if (KeyPart(key.Key) is not { } first) return null;
        parts.Add(first);
        if (key.DotKeys is not null)
            foreach (var dotted in key.DotKeys)
            {
                if (KeyPart(dotted.Key) is not { } part) return null;
                parts.Add(part);
            }
        return parts;
    }

    private TomlString? KeyPart(BareKeyOrStringValueSyntax? part) => part switch
    {
        BareKeySyntax { Key.Text: { } text } bare => new TomlString(text, Location(bare), quoteLength: 0),
        StringValueSyntax s => MakeString(s),
        _ => null,
    };

    private TomlString MakeString(StringValueSyntax s)
    {
        var value = s.Value ?? "";
        var raw = s.Token?.Text;
        var quote = raw is { Length: >= 2 } && (raw[0] is '"' or '\'') && raw == raw[0] + value + raw[0] ? 1 : -1;
        return new TomlString(value, Location(s), quote);
    }

    private SourceLocation Location(SyntaxNodeBase node) =>
        new(file, node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    private static string DottedName(List<TomlString> path) => string.Join('.', path.Select(p => p.Value));
}
