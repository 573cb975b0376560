using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary>What a key does. Each kind is a small record; the engine compiles them into runtime actions.</summary>
public abstract record ActionModel(SourceLocation Location);

/// <summary><c>"escape"</c>, <c>"ctrl+shift+t"</c>: pressed in order while the key is held, released in reverse (or as chord_release_order says).</summary>
public sealed record ChordAction(IReadOnlyList<Usage> Keys, SourceLocation Location) : ActionModel(Location)
{
    /// <summary><c>chord(…, release=reverse|pressed|key_first)</c>: this chord's own release order (null: the setting's).</summary>
    public ChordReleaseOrder? ReleaseOrder { get; init; }

    /// <summary><c>chord(…, until=release|next_press)</c>: this chord's own lifetime (null: the setting's).</summary>
    public bool? EndsAtNextPress { get; init; }
}

/// <summary><c>["ctrl+a", "c"]</c> in a remap table: each step tapped in turn when the key goes down.</summary>
public sealed record SequenceAction(IReadOnlyList<ActionModel> Steps, SourceLocation Location) : ActionModel(Location);

/// <summary>A rule's <c>to</c> list: every item pressed in order and held while the key is, released in reverse.</summary>
public sealed record AllOfAction(IReadOnlyList<ActionModel> Items, SourceLocation Location) : ActionModel(Location);

public enum LayerActionKind
{
    /// <summary><c>layer(x)</c>: active while held.</summary>
    Momentary,
    /// <summary><c>toggle(x)</c>: each press turns it on or off.</summary>
    Toggle,
    /// <summary><c>oneshot(x)</c>: active for the next key press only (or while held, like momentary).</summary>
    OneShot,
    /// <summary><c>switch(x)</c>: makes x the base layer.</summary>
    SwitchBase,
    /// <summary><c>swap(x)</c>: the layer this key is bound in is replaced by x, activated the same way (keyd).</summary>
    Swap,
    /// <summary><c>clear()</c>: every toggled layer and waiting one-shot is turned off (keyd).</summary>
    Clear,
}

/// <param name="Modifiers">
/// Modifiers the layer holds while this activation lasts (<c>layer(nav, ctrl)</c>, keyd's <c>[nav:C]</c>): keys the
/// layer binds are typed without them. With <see cref="Layer"/> <c>base</c> and a modifier, <c>oneshot(shift)</c> is a
/// one-shot modifier. Empty for a plain layer.
/// </param>
/// <param name="OneShot">How a one-shot ends (<c>{ oneshot = "left_shift", timeout_ms = 2500 }</c>); null: the defaults.</param>
public sealed record LayerAction(LayerActionKind Kind, string Layer, SourceLocation Location, IReadOnlyList<Usage>? Modifiers = null,
    OneShotOptions? OneShot = null) : ActionModel(Location);

/// <param name="TimeoutMs">A one-shot still waiting this long after its key went down is cancelled; null: it waits for the next key.</param>
/// <param name="EndOnPress">
/// Its modifiers go up right after the next key's press (kanata's one-shot-press), not at the key event after it.
/// </param>
/// <param name="Keys">
/// Keys that are not modifiers, one-shot with the modifiers (kanata's <c>(one-shot 1000 C-z)</c>): down from the
/// one-shot's press until it ends. Only with a timeout, so no key can stay down for good.
/// </param>
public sealed record OneShotOptions(int? TimeoutMs, bool EndOnPress, IReadOnlyList<Usage>? Keys = null);

/// <summary>
/// <c>{ multi = ["o", "oneshot(left_shift)"] }</c> (kanata's multi, keyd's layerm()/oneshotm()/oneshotk()/swapm()): every
/// item pressed in order when the key goes down and held while it is, released in reverse order. A layer item's
/// modifiers reach the output before the next item is pressed.
/// </summary>
public sealed record MultiAction(IReadOnlyList<ActionModel> Items, SourceLocation Location) : ActionModel(Location);

/// <summary><c>{ tap = "escape", hold = "left_control", mode = "permissive_hold", term_ms = 180, quick_tap_ms = 120 }</c>.</summary>
public sealed record TapHoldAction(
    ActionModel Tap,
    ActionModel Hold,
    HoldMode? Mode,
    int? TappingTermMs,
    int? QuickTapTermMs,
    SourceLocation Location,
    TapHoldOptions? Options = null) : ActionModel(Location);

/// <summary><c>set(name, value)</c>: sets a variable when pressed (for <c>variable_if</c> conditions).</summary>
public sealed record SetVariableAction(string Name, int Value, SourceLocation Location) : ActionModel(Location);

/// <summary><c>"none"</c>: the key does nothing.</summary>
public sealed record NoAction(SourceLocation Location) : ActionModel(Location);

/// <summary><c>"transparent"</c> (or <c>"_"</c>) in a layer: use whatever the layers below say.</summary>
public sealed record TransparentAction(SourceLocation Location) : ActionModel(Location);
