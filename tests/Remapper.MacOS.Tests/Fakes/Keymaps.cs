using Remapper.Core.Engine;
using Remapper.Core.Keymap;

namespace Remapper.MacOS.Tests.Fakes;

public static class Keymaps
{
    public static CompiledKeymap Compile(string toml)
    {
        var loaded = KeymapLoader.Load(toml, "test.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return CompiledKeymap.Compile(loaded.Model!);
    }

    /// <summary>Caps lock types escape; everything else passes through.</summary>
    public static CompiledKeymap CapsToEscape(string extra = "") => Compile($"""
        version = 1
        {extra}
        [remap]
        caps_lock = "escape"
        """);
}
