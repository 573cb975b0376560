using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>
/// An <see cref="ExpressionModel"/> with its variables resolved to slots, evaluated on a stack on the caller's
/// stack frame: nothing is allocated per event. Arithmetic wraps as 32-bit integers do; x / 0 and x % 0 are 0.
/// </summary>
internal sealed class CompiledExpression
{
    private readonly ExpressionOp[] _ops;
    private readonly int[] _operands; // the number, or the variable slot
    private readonly int _depth;

    public CompiledExpression(ExpressionModel model, Func<string, int> slotOf)
    {
        _ops = [.. model.Program.Select(s => s.Op)];
        _operands = [.. model.Program.Select(s => s.Op == ExpressionOp.Variable ? slotOf(s.Name!) : s.Number)];
        _depth = Math.Max(1, model.Depth);
        Text = model.Text;
    }

    public string Text { get; }

    public int Evaluate(int[] variables)
    {
        Span<int> stack = stackalloc int[_depth];
        int top = 0;
        for (int i = 0; i < _ops.Length; i++)
        {
            var op = _ops[i];
            switch (op)
            {
                case ExpressionOp.Number: stack[top++] = _operands[i]; continue;
                case ExpressionOp.Variable: stack[top++] = variables[_operands[i]]; continue;
                case ExpressionOp.Negate: stack[top - 1] = unchecked(-stack[top - 1]); continue;
                case ExpressionOp.Not: stack[top - 1] = stack[top - 1] == 0 ? 1 : 0; continue;
                case ExpressionOp.Choose:
                    top -= 2;
                    stack[top - 1] = stack[top - 1] != 0 ? stack[top] : stack[top + 1];
                    continue;
            }
            int b = stack[--top], a = stack[top - 1];
            stack[top - 1] = op switch
            {
                ExpressionOp.Add => unchecked(a + b),
                ExpressionOp.Subtract => unchecked(a - b),
                ExpressionOp.Multiply => unchecked(a * b),
                ExpressionOp.Divide => b == 0 || (a == int.MinValue && b == -1) ? 0 : a / b,
                ExpressionOp.Remainder => b == 0 || b == -1 ? 0 : a % b,
                ExpressionOp.Equal => a == b ? 1 : 0,
                ExpressionOp.NotEqual => a != b ? 1 : 0,
                ExpressionOp.Less => a < b ? 1 : 0,
                ExpressionOp.LessOrEqual => a <= b ? 1 : 0,
                ExpressionOp.Greater => a > b ? 1 : 0,
                ExpressionOp.GreaterOrEqual => a >= b ? 1 : 0,
                ExpressionOp.And => a != 0 && b != 0 ? 1 : 0,
                ExpressionOp.Or => a != 0 || b != 0 ? 1 : 0,
                _ => 0,
            };
        }
        return top > 0 ? stack[0] : 0;
    }
}
