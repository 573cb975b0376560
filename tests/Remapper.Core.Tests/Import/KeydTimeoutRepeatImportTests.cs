using Remapper.Core.Import.Keyd;
using Remapper.Core.Keymap;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>keyd's timeout() and repeat() → Remapper's timeout table and "repeat": converted, nested, and loadable.</summary>
public class KeydTimeoutRepeatImportTests(ITestOutputHelper output)
{
    private string Converted(string conf)
    {
        var result = KeydImporter.Import(conf, "my.conf");
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        Assert.True(result.Complete);
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return result.Toml!;
    }

    [Fact]
    public void Timeout_becomes_a_timeout_table_and_nests()
    {
        var toml = Converted("[ids]\n*\n[main]\n= = timeout(a, 300, b)\nleft = timeout(a, 100, timeout(b, 200, c))\n" +
                             "8 = timeout(overload(control, a), 2, b)\n");
        Assert.Contains("equal_sign = { timeout_ms = 300, before = \"a\", after = \"b\" }", toml);
        Assert.Contains("left_arrow = { timeout_ms = 100, before = \"a\", after = { timeout_ms = 200, before = \"b\", after = \"c\" } }", toml);
        Assert.Contains("before = { tap = \"a\", hold = \"left_control\", mode = \"overload\" }", toml);
    }

    [Fact]
    public void A_timeout_can_be_the_tap_of_an_overloadt()
    {
        var toml = Converted("[ids]\n*\n[main]\ndelete = overloadt(control, timeout(a, 100, b), 100)\n");
        Assert.Contains("tap = { timeout_ms = 100, before = \"a\", after = \"b\" }", toml);
        Assert.Contains("expired_term = \"next_event\"", toml);
    }

    [Fact]
    public void A_timeout_choosing_a_tap_hold_that_waits_is_reported()
    {
        var result = KeydImporter.Import("[ids]\n*\n[main]\nx = timeout(overloadt(control, a, 100), 50, b)\n", "my.conf");
        Assert.False(result.Complete);
        Assert.Contains(result.NotConverted, n => n.ToString().Contains("timeout()"));
    }

    [Fact]
    public void Repeat_becomes_repeat()
    {
        var toml = Converted("[ids]\n*\n[main]\nr = repeat()\n");
        Assert.Contains("r = \"repeat\"", toml);
    }
}
