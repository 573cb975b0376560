using System.Text;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// Reads kanata's configuration syntax: parenthesised lists of atoms, <c>;;</c> line comments, <c>#| … |#</c>
/// block comments, and <c>"…"</c> / <c>r#"…"#</c> strings. Every node keeps its line and column so a note can
/// point at it. A syntax error gives its position and no result.
/// </summary>
internal sealed class SExpressionReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _pos, _line = 1, _column = 1;

    private SExpressionReader(string text) => _text = text;

    public static (List<SExpression>? Items, int Line, int Column, string? Error) Read(string text)
    {
        var reader = new SExpressionReader(text);
        try
        {
            var items = new List<SExpression>();
            while (true)
            {
                reader.SkipSpace();
                if (reader._pos >= text.Length) return (items, 0, 0, null);
                if (reader.Peek == ')') throw reader.Fail("a ')' without its '('");
                items.Add(reader.Node(0));
            }
        }
        catch (SyntaxError e)
        {
            return (null, e.Line, e.Column, e.Message);
        }
    }

    private sealed class SyntaxError(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    private char Peek => _text[_pos];

    private SyntaxError Fail(string message) => new(_line, _column, message);

    private void Advance()
    {
        if (_text[_pos] == '\n') { _line++; _column = 1; }
        else _column++;
        _pos++;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length)
        {
            char c = Peek;
            if (char.IsWhiteSpace(c)) { Advance(); continue; }
            if (c == ';' && _pos + 1 < _text.Length && _text[_pos + 1] == ';')
            {
                while (_pos < _text.Length && Peek != '\n') Advance();
                continue;
            }
            if (c == '#' && _pos + 1 < _text.Length && _text[_pos + 1] == '|')
            {
                int line = _line, column = _column;
                var end = _text.IndexOf("|#", _pos + 2, StringComparison.Ordinal);
                if (end < 0) throw new SyntaxError(line, column, "a '#|' block comment that never ends with '|#'");
                while (_pos < end + 2) Advance();
                continue;
            }
            return;
        }
    }

    private SExpression Node(int depth)
    {
        int line = _line, column = _column;
        if (Peek == '(')
        {
            if (depth >= MaxDepth) throw Fail($"lists nested more than {MaxDepth} deep");
            Advance();
            var items = new List<SExpression>();
            while (true)
            {
                SkipSpace();
                if (_pos >= _text.Length) throw new SyntaxError(line, column, "this '(' is never closed");
                if (Peek == ')')
                {
                    int endLine = _line, endColumn = _column;
                    Advance();
                    return new SList(items, line, column, endLine, endColumn);
                }
                items.Add(Node(depth + 1));
            }
        }
        if (Peek == '"') return QuotedString(line, column, raw: false);
        if (Peek == 'r' && _pos + 2 < _text.Length && _text[_pos + 1] == '#' && _text[_pos + 2] == '"')
        {
            Advance(); Advance();
            return QuotedString(line, column, raw: true);
        }
        var word = new StringBuilder();
        while (_pos < _text.Length && !char.IsWhiteSpace(Peek) && Peek is not '(' and not ')') { word.Append(Peek); Advance(); }
        return new SAtom(word.ToString(), false, line, column);
    }

    private SAtom QuotedString(int line, int column, bool raw)
    {
        Advance(); // the opening quote
        var text = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw new SyntaxError(line, column, "this string is never closed");
            if (raw && Peek == '"' && _pos + 1 < _text.Length && _text[_pos + 1] == '#') { Advance(); Advance(); break; }
            if (!raw && Peek == '"') { Advance(); break; }
            text.Append(Peek);
            Advance();
        }
        return new SAtom(text.ToString(), true, line, column);
    }
}
