using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>A keymap turned into the lookup tables the engine runs on. Built off the event loop; immutable.</summary>
public sealed class CompiledKeymap
{
    public KeymapModel Model { get; }

    private CompiledKeymap(KeymapModel model) => Model = model;

    public static CompiledKeymap Compile(KeymapModel model) => new(model);
}
