using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>Karabiner's set_variable expressions and expression_if: what they compute, and the errors for what they cannot.</summary>
public class ExpressionTests
{
    private static int Eval(string text, params (string Name, int Value)[] variables)
    {
        var model = ExpressionParser.Parse(text, out var error, out _) ?? throw new Xunit.Sdk.XunitException(error);
        var names = variables.Select(v => v.Name).ToList();
        var compiled = new CompiledExpression(model, name =>
        {
            if (!names.Contains(name)) names.Add(name);
            return names.IndexOf(name);
        });
        var values = new int[names.Count];
        for (int i = 0; i < variables.Length; i++) values[i] = variables[i].Value;
        return compiled.Evaluate(values);
    }

    [Theory]
    [InlineData("flag_a * 10", 70)]           // Karabiner's set_variable_3
    [InlineData("flag_c / 2", 5)]
    [InlineData("flag_d == 0 ? 1 : 0", 1)]    // set_variable_4: a variable never set reads 0
    [InlineData("flag_shared + 1", 1)]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]             // left to right
    [InlineData("-flag_a + 1", -6)]
    [InlineData("7 % 3", 1)]
    [InlineData("7 / 0", 0)]                  // no exception on the hot path
    [InlineData("flag_a > 5 and flag_c <= 10", 1)]
    [InlineData("flag_a < 5 || !flag_d", 1)]
    [InlineData("not (flag_a >= 7)", 0)]
    [InlineData("flag_a != 7 ? 1 : flag_c == 10 ? 2 : 3", 2)] // ?: nests to the right
    [InlineData("true + true", 2)]
    public void Computes_integer_arithmetic_and_comparisons(string text, int expected) =>
        Assert.Equal(expected, Eval(text, ("flag_a", 7), ("flag_c", 10)));

    [Theory]
    [InlineData("flag_a +", 8, "the expression ends where a value is expected")]
    [InlineData("flag_a = 1", 7, "unexpected '='")]
    [InlineData("(1 + 2", 6, "expected ')'")]
    [InlineData("1.5 * x", 1, "only whole numbers")]
    [InlineData("system.now.milliseconds + 500", 0, "system.now.milliseconds is not available")]
    [InlineData("max(a, b)", 0, "there are no functions (max())")]
    [InlineData("a ? 1", 5, "expected ':'")]
    public void Reports_what_it_cannot_read_and_where(string text, int column, string error)
    {
        Assert.Null(ExpressionParser.Parse(text, out var message, out var at));
        Assert.Contains(error, message);
        Assert.Equal(column, at);
    }

    [Fact]
    public void A_deeply_nested_expression_is_an_error_not_a_crash()
    {
        Assert.Null(ExpressionParser.Parse(new string('(', 10_000) + "1" + new string(')', 10_000), out var message, out _));
        Assert.Contains("nested too deeply", message);
    }

    [Fact]
    public void A_bad_expression_in_a_keymap_points_into_the_string()
    {
        SingleError("[[rule]]\nfrom = \"a\"\nto = [{ set_variable = { name = \"n\", expression = \"n +* 2\" } }]\n", 3, 55, "in the expression: unexpected '*'");
    }

    [Fact]
    public void An_expression_condition_loads()
    {
        var result = Load("[[rule]]\nfrom = \"a\"\nto = \"b\"\nconditions = [{ type = \"expression_unless\", expression = \"n > 2\" }]\n");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var condition = Assert.IsType<ExpressionCondition>(Assert.Single(result.Model!.Rules[0].Conditions));
        Assert.True(condition.Negate);
        Assert.Equal("n > 2", condition.Expression.Text);
    }

    [Fact]
    public void Both_a_value_and_an_expression_is_an_error()
    {
        SingleError("[[rule]]\nfrom = \"a\"\nto = [{ set_variable = { name = \"n\", value = 1, expression = \"2\" } }]\n", 3, 24, "both a value and an expression");
    }
}
