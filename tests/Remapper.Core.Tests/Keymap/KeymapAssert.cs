using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Keymap;

/// <summary>Loads keymap text under a fixed name and checks what came out.</summary>
internal static class KeymapAssert
{
    public const string FileName = "test.toml";

    public static KeymapLoadResult Load(string toml) => KeymapLoader.Load(toml, FileName);

    /// <summary>A keymap that must load cleanly (warnings allowed) — shows the diagnostics when it doesn't.</summary>
    public static KeymapModel Valid(string toml)
    {
        var result = Load(toml);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    /// <summary>Exactly one error, at <paramref name="line"/>:<paramref name="column"/>, whose message contains <paramref name="text"/>.</summary>
    public static Diagnostic SingleError(string toml, int line, int column, string text)
    {
        var result = Load(toml);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, $"expected one error, got {errors.Count}:\n{string.Join("\n", result.Diagnostics)}");
        var error = errors[0];
        Assert.Null(result.Model);
        Assert.Equal(FileName, error.Location.File);
        Assert.True((line, column) == (error.Location.Line, error.Location.Column), $"expected {line}:{column}, got {error}");
        Assert.Contains(text, error.Message);
        return error;
    }
}
