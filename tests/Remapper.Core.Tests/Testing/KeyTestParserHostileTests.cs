using Remapper.Core.Testing;

namespace Remapper.Core.Tests.Testing;

/// <summary>Issue 13, item 10: odd but possible .keytest lines are errors at their line, never an exception.</summary>
public class KeyTestParserHostileTests
{
    private static List<string> Errors(string text) =>
        KeyTestParser.Parse(text, "x.keytest").Errors.Select(e => e.ToString()).ToList();

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"\" down")]
    [InlineData("\"\" \"\"")]
    [InlineData("\"\" on \"\" x")]
    public void An_empty_quoted_word_as_an_input_line_is_an_error_at_that_line(string line)
    {
        var errors = Errors($"keymap k.toml\ntest t\n  {line}\nexpect nothing\n");
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("x.keytest:3:", e));
    }

    [Fact]
    public void An_empty_quoted_word_in_the_expectation_is_an_error_at_that_line()
    {
        var errors = Errors("keymap k.toml\ntest t\n  a tap\nexpect\n  \"\" down\n");
        Assert.Contains(errors, e => e.StartsWith("x.keytest:5:", StringComparison.Ordinal));
    }
}
