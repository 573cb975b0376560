using System.Globalization;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Karabiner expression text → <see cref="ExpressionModel"/>. The grammar is the part of Karabiner's (exprtk)
/// that its documentation and test suite use on variables: integers, <c>true</c>/<c>false</c>, variable names,
/// <c>( )</c>, unary <c>-</c> and <c>!</c>/<c>not</c>, <c>* / %</c>, <c>+ -</c>, <c>&lt; &lt;= &gt; &gt;=</c>,
/// <c>== !=</c>, <c>and</c>/<c>&amp;&amp;</c>, <c>or</c>/<c>||</c> and <c>c ? a : b</c>, with the usual precedence.
/// Values are integers (Karabiner's variables are); a division by zero gives 0.
/// </summary>
public static class ExpressionParser
{
    private const int MaxDepth = 64;

    /// <summary>The parsed expression, or null with <paramref name="error"/> and the 0-based <paramref name="column"/> of the problem.</summary>
    public static ExpressionModel? Parse(string text, out string? error, out int column)
    {
        var parser = new Parser(text);
        var ok = parser.Run();
        error = parser.Error;
        column = parser.ErrorAt;
        return ok ? new ExpressionModel(text, parser.Program, parser.MaxStack) : null;
    }

    private sealed class Parser(string text)
    {
        private int _pos;
        private int _stack;

        public List<ExpressionStep> Program { get; } = [];
        public int MaxStack { get; private set; }
        public string? Error { get; private set; }
        public int ErrorAt { get; private set; }

        public bool Run()
        {
            if (!Ternary()) return false;
            SkipSpace();
            if (_pos < text.Length) return Fail($"unexpected '{text[_pos]}'");
            return true;
        }

        private bool Fail(string message)
        {
            Error ??= message;
            ErrorAt = Math.Min(_pos, text.Length);
            return false;
        }

        private void Emit(ExpressionStep step)
        {
            Program.Add(step);
            _stack += step.Op switch
            {
                ExpressionOp.Number or ExpressionOp.Variable => 1,
                ExpressionOp.Negate or ExpressionOp.Not => 0,
                ExpressionOp.Choose => -2,
                _ => -1,
            };
            MaxStack = Math.Max(MaxStack, _stack);
        }

        private bool Ternary()
        {
            if (!Binary(0)) return false;
            if (!Take("?")) return true;
            if (!Ternary()) return false;
            if (!Take(":")) return Fail("expected ':' for 'c ? a : b'");
            if (!Ternary()) return false;
            Emit(new ExpressionStep(ExpressionOp.Choose));
            return true;
        }

        // Binary operators, loosest first.
        private static readonly (string Token, ExpressionOp Op)[][] Levels =
        [
            [("||", ExpressionOp.Or), ("or", ExpressionOp.Or)],
            [("&&", ExpressionOp.And), ("and", ExpressionOp.And)],
            [("==", ExpressionOp.Equal), ("!=", ExpressionOp.NotEqual)],
            [("<=", ExpressionOp.LessOrEqual), (">=", ExpressionOp.GreaterOrEqual), ("<", ExpressionOp.Less), (">", ExpressionOp.Greater)],
            [("+", ExpressionOp.Add), ("-", ExpressionOp.Subtract)],
            [("*", ExpressionOp.Multiply), ("/", ExpressionOp.Divide), ("%", ExpressionOp.Remainder)],
        ];

        private bool Binary(int level)
        {
            if (level == Levels.Length) return Unary();
            if (!Binary(level + 1)) return false;
            while (true)
            {
                var op = Levels[level].FirstOrDefault(o => Take(o.Token));
                if (op.Token is null) return true;
                if (!Binary(level + 1)) return false;
                Emit(new ExpressionStep(op.Op));
            }
        }

        private int _nesting;

        private bool Unary()
        {
            if (_nesting >= MaxDepth || _stack >= MaxDepth) return Fail("the expression is nested too deeply");
            _nesting++;
            bool ok = UnaryInner();
            _nesting--;
            return ok;
        }

        private bool UnaryInner()
        {
            if (Take("-"))
            {
                if (!Unary()) return false;
                Emit(new ExpressionStep(ExpressionOp.Negate));
                return true;
            }
            if (Take("!") || Take("not"))
            {
                if (!Unary()) return false;
                Emit(new ExpressionStep(ExpressionOp.Not));
                return true;
            }
            return Primary();
        }

        private bool Primary()
        {
            SkipSpace();
            if (_pos >= text.Length) return Fail("the expression ends where a value is expected");
            char c = text[_pos];
            if (c == '(')
            {
                _pos++;
                if (!Ternary()) return false;
                return Take(")") || Fail("expected ')'");
            }
            if (char.IsAsciiDigit(c))
            {
                int start = _pos;
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
                if (_pos < text.Length && text[_pos] == '.') return Fail("only whole numbers: variables hold integers");
                if (!int.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    _pos = start;
                    return Fail("the number is too large");
                }
                Emit(new ExpressionStep(ExpressionOp.Number, n));
                return true;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = _pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.')) _pos++;
                var name = text[start.._pos];
                if (name == "true" || name == "false")
                {
                    Emit(new ExpressionStep(ExpressionOp.Number, name == "true" ? 1 : 0));
                    return true;
                }
                if (name.StartsWith("system.", StringComparison.Ordinal))
                {
                    _pos = start;
                    return Fail($"{name} is not available (expressions read variables and numbers only)");
                }
                SkipSpace();
                if (_pos < text.Length && text[_pos] == '(')
                {
                    _pos = start;
                    return Fail($"there are no functions ({name}())");
                }
                Emit(new ExpressionStep(ExpressionOp.Variable, Name: name));
                return true;
            }
            return Fail($"unexpected '{c}' where a value is expected");
        }

        /// <summary>Consumes <paramref name="token"/> (a word only when not followed by a name character).</summary>
        private bool Take(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
            int end = _pos + token.Length;
            if (char.IsAsciiLetter(token[0]) && end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) return false;
            // '<' is not '<=' and '=' alone is not an operator.
            if (token is "<" or ">" or "!" && end < text.Length && text[end] == '=') return false;
            _pos = end;
            return true;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }
    }
}
