using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>Keys that, pressed together within the combo term, act as one key.</summary>
/// <param name="Layer">The layer that defines it (0 = <c>[remap]</c>); only active while that layer is.</param>
/// <param name="Profile">The <c>[[device]]</c> block it belongs to, or -1 for every keyboard.</param>
internal sealed record CompiledCombo(Usage[] Keys, KeyAction Action, int Layer, int Profile)
{
    /// <summary>A rule's <c>from.simultaneous</c>: the combo presses this rule instead of <see cref="Action"/>.</summary>
    public CompiledRule? Rule { get; init; }

    /// <summary>Its own window (a rule's simultaneous threshold), or 0 for the keymap's combo term.</summary>
    public long TermUs { get; init; }

    /// <summary>The combo's output stays down until the last of its keys is up (<c>key_up_when = "all"</c>).</summary>
    public bool KeyUpWhenAll { get; init; }

    /// <summary>Layers (indexes) that, while the top active layer, switch the combo off.</summary>
    public int[] DisabledLayers { get; init; } = [];

    /// <summary>Its own hold (hold_ms): how long its keys must stay down together before it fires; -1 for combo_hold_ms.</summary>
    public long HoldUs { get; init; } = -1;

    public bool Contains(Usage usage) => Array.IndexOf(Keys, usage) >= 0;
}
