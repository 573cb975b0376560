using Remapper.Core.Devices;
using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>
/// A keymap turned into the lookup tables the engine runs on. Built off the event loop (it allocates);
/// immutable afterwards, so a reload can compile the next one while the current one keeps running.
/// </summary>
public sealed class CompiledKeymap
{
    internal CompiledKeymap(KeymapModel model) => Model = model;

    public KeymapModel Model { get; }

    internal long TappingTermUs { get; init; }
    internal long ComboTermUs { get; init; }
    internal Usage[] Emergency { get; init; } = [];

    /// <summary>Index 0 is <c>[remap]</c>; the rest are <c>[layer.*]</c> in file order.</summary>
    internal Dictionary<uint, KeyAction>[] Layers { get; init; } = [];
    internal string[] LayerNames { get; init; } = [];

    /// <summary>Per <c>[[device]]</c> block, its own remaps (empty for ignore blocks).</summary>
    internal Dictionary<uint, KeyAction>[] Profiles { get; init; } = [];

    internal Dictionary<uint, CompiledRule[]> RulesByKey { get; init; } = [];

    /// <summary>Rules whose from is <c>any</c> (a whole usage page), in file order.</summary>
    internal CompiledRule[] AnyKeyRules { get; init; } = [];
    internal CompiledCombo[] Combos { get; init; } = [];
    internal HashSet<uint> ComboKeys { get; init; } = [];
    internal string[] VariableNames { get; init; } = [];
    internal DeviceMatch[][] DeviceConditions { get; init; } = [];

    public static CompiledKeymap Compile(KeymapModel model) => new KeymapCompiler(model).Compile();

    /// <summary>The first <c>[[device]]</c> block that matches the keyboard, or null.</summary>
    public DeviceBlock? DeviceBlockFor(KeyboardIdentity keyboard)
    {
        foreach (var block in Model.Devices)
            if (block.Match.Matches(keyboard)) return block;
        return null;
    }

    /// <summary>True when the keymap says to leave this keyboard alone (not seize it).</summary>
    public bool IsIgnored(KeyboardIdentity keyboard) => DeviceBlockFor(keyboard)?.Ignore == true;

    public int LayerIndex(string name) => Array.IndexOf(LayerNames, name);

    public int VariableIndex(string name) => Array.IndexOf(VariableNames, name);

    internal int ProfileFor(KeyboardIdentity keyboard)
    {
        for (int i = 0; i < Model.Devices.Count; i++)
            if (Model.Devices[i].Match.Matches(keyboard)) return i;
        return -1;
    }
}
