using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>A required key written wrong is one error (the unknown key), not also a "missing" one.</summary>
public class KeymapMisspeltRequiredKeyTests
{
    [Fact]
    public void Misspelt_hold_is_reported_once_not_also_as_missing()
    {
        var error = SingleError("[remap]\ncaps_lock = { tap = \"escape\", hodl = \"ctrl\" }\n", 2, 31, "unknown key 'hodl' in a tap-hold");
        Assert.Equal("did you mean 'hold'?", error.Suggestion);
    }

    [Fact]
    public void Misspelt_match_is_reported_once_not_also_as_missing()
    {
        SingleError("[[device]]\nmach = { bus = \"usb\" }\nignore = true\n", 2, 1, "unknown key 'mach' in [[device]]");
    }

    [Fact]
    public void Misspelt_from_is_reported_once_not_also_as_missing()
    {
        SingleError("[[rule]]\nform = \"h\"\nto = \"a\"\n", 2, 1, "unknown key 'form' in [[rule]]");
    }
}
