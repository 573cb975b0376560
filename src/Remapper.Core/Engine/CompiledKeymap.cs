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
    internal CompiledKeymap(KeymapModel model)
    {
        Model = model;
        DeviceRules = new DeviceRules(model.Devices);
    }

    public KeymapModel Model { get; }

    /// <summary>The <c>[[device]]</c> decision (first match wins) the engine and the backends share.</summary>
    public DeviceRules DeviceRules { get; }

    internal long TappingTermUs { get; init; }
    internal long ComboTermUs { get; init; }

    /// <summary>A combo key pressed this soon after another key press acts alone (0 = off).</summary>
    internal long ComboMinIdleUs { get; init; }

    /// <summary>[settings] combo_hold_ms: how long a combo's keys must stay down together before it fires (0 = at once).</summary>
    internal long ComboHoldUs { get; init; }

    /// <summary>[settings] combo_releases_wait: a release while combo keys are held back waits behind them instead of ending the wait.</summary>
    internal bool ComboReleasesWait { get; init; }

    /// <summary>[settings] modifier_guard (LayerModifiers).</summary>
    internal bool ModifierGuard { get; init; } = true;
    internal Usage[] Emergency { get; init; } = [];

    /// <summary>Index 0 is <c>[remap]</c>; the rest are <c>[layer.*]</c> in file order.</summary>
    internal Dictionary<uint, KeyAction>[] Layers { get; init; } = [];
    internal string[] LayerNames { get; init; } = [];

    /// <summary>Composite layers (<c>[layer."a+b"]</c>), the most parts first: looked up before the layer stack.</summary>
    internal CompositeLayer[] Composites { get; init; } = [];

    /// <summary>Per <c>[[device]]</c> block, its own remaps (empty for ignore blocks).</summary>
    internal Dictionary<uint, KeyAction>[] Profiles { get; init; } = [];

    internal Dictionary<uint, CompiledRule[]> RulesByKey { get; init; } = [];

    /// <summary>Rules whose from is <c>any</c> (a whole usage page), in file order.</summary>
    internal CompiledRule[] AnyKeyRules { get; init; } = [];
    internal CompiledCombo[] Combos { get; init; } = [];
    internal HashSet<uint> ComboKeys { get; init; } = [];
    internal string[] VariableNames { get; init; } = [];
    internal DeviceMatch[][] DeviceConditions { get; init; } = [];

    /// <summary><c>[sequences]</c>: what <c>leader()</c> listens for.</summary>
    internal SequenceTable Sequences { get; init; } = SequenceTable.Empty;

    public static CompiledKeymap Compile(KeymapModel model) => new KeymapCompiler(model).Compile();

    /// <summary>The first <c>[[device]]</c> block that matches the keyboard, or null.</summary>
    public DeviceBlock? DeviceBlockFor(KeyboardIdentity keyboard) => DeviceRules.BlockFor(keyboard);

    /// <summary>True when the keymap says to leave this keyboard alone (not seize it).</summary>
    public bool IsIgnored(KeyboardIdentity keyboard) => DeviceRules.IsIgnored(keyboard);

    public int LayerIndex(string name) => Array.IndexOf(LayerNames, name);

    public int VariableIndex(string name) => Array.IndexOf(VariableNames, name);

    internal int ProfileFor(KeyboardIdentity keyboard) => DeviceRules.IndexFor(keyboard);
}
