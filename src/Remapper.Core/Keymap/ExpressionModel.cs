namespace Remapper.Core.Keymap;

/// <summary>
/// A Karabiner expression (<c>set_variable.expression</c>, <c>expression_if</c>): integer arithmetic and
/// comparisons on variables, parsed into a postfix program. <see cref="Depth"/> is the evaluation stack it needs.
/// </summary>
public sealed record ExpressionModel(string Text, IReadOnlyList<ExpressionStep> Program, int Depth);

public enum ExpressionOp : byte
{
    Number, Variable, Negate, Not,
    Add, Subtract, Multiply, Divide, Remainder,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    And, Or,

    /// <summary>c ? a : b, with c, a and b on the stack.</summary>
    Choose,
}

/// <summary>One postfix step: an operator, or a number or variable name to push.</summary>
public readonly record struct ExpressionStep(ExpressionOp Op, int Number = 0, string? Name = null);
