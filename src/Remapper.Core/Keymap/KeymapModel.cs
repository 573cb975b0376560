using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary>
/// A validated keymap: what the TOML said, with every name resolved and every reference checked.
/// The engine compiles this; nothing here is looked at per event.
/// </summary>
public sealed record KeymapModel(
    string SourcePath,
    int Version,
    KeymapSettings Settings,
    IReadOnlyList<DeviceBlock> Devices,
    IReadOnlyList<Binding> Remap,
    IReadOnlyList<LayerModel> Layers,
    IReadOnlyList<RuleModel> Rules)
{
    /// <summary>The name of the layer that <c>[remap]</c> defines (<c>switch(base)</c> returns to it). Reserved: <c>[layer.base]</c> is an error.</summary>
    public const string BaseLayerName = "base";
}

public sealed record KeymapSettings
{
    public int TappingTermMs { get; init; } = 200;

    /// <summary>A tap-hold key tapped and pressed again within this time repeats its tap (0 = off).</summary>
    public int QuickTapTermMs { get; init; } = 0;

    public int ComboTermMs { get; init; } = 50;

    public HoldMode TapHoldMode { get; init; } = HoldMode.HoldOnOtherKeyPress;

    /// <summary>Karabiner's to_if_alone_timeout_milliseconds.</summary>
    public int RuleAloneTimeoutMs { get; init; } = 1000;

    /// <summary>Karabiner's to_if_held_down_threshold_milliseconds.</summary>
    public int RuleHeldDownThresholdMs { get; init; } = 500;

    /// <summary>Physical keys that, held together, release everything and toggle pause.</summary>
    public IReadOnlyList<Usage> EmergencySequence { get; init; } = [Usages.LeftControl, Usages.Spacebar, Usages.Escape];
}

/// <summary>How a tap-hold key decides between tap and hold while other keys are pressed.</summary>
public enum HoldMode
{
    /// <summary>Hold only once the tapping term has passed; keys pressed meanwhile wait for the decision.</summary>
    HoldOnTimeout,
    /// <summary>Hold as soon as another key is pressed (keyd's overload, QMK's hold-on-other-key-press).</summary>
    HoldOnOtherKeyPress,
    /// <summary>Hold when another key is pressed and released while this one is down (QMK's permissive hold).</summary>
    PermissiveHold,
}

/// <summary>Which keyboards a <c>[[device]]</c> block (or a <c>device_if</c> condition) is about. Null fields match anything.</summary>
public sealed record DeviceMatch(
    string? NameGlob = null,
    ushort? VendorId = null,
    ushort? ProductId = null,
    Devices.DeviceBus? Bus = null,
    bool? BuiltIn = null);

/// <summary>A <c>[[device]]</c> block: ignore matching keyboards, or give them remaps of their own.</summary>
public sealed record DeviceBlock(DeviceMatch Match, bool Ignore, IReadOnlyList<Binding> Remap, SourceLocation Location);

/// <summary>
/// One line of a remap table. One key in <see cref="From"/> is a plain binding; two or more are a combo
/// (all pressed within the combo term).
/// </summary>
public sealed record Binding(IReadOnlyList<Usage> From, ActionModel Action, SourceLocation Location);

public sealed record LayerModel(string Name, IReadOnlyList<Binding> Bindings, SourceLocation Location);

/// <summary>A Karabiner-style rule (complex modification).</summary>
public sealed record RuleModel(
    string? Description,
    RuleFrom From,
    ActionModel? To,
    ActionModel? ToIfAlone,
    ActionModel? ToIfHeldDown,
    ActionModel? ToAfterKeyUp,
    IReadOnlyList<ConditionModel> Conditions,
    int? AloneTimeoutMs,
    int? HeldDownThresholdMs,
    SourceLocation Location);

/// <summary>
/// The key a rule fires on and the modifiers it needs. Each entry of <see cref="Mandatory"/> is a mask of
/// modifier bits of which at least one must be held (<c>control</c> = left or right). <see cref="OptionalMask"/>
/// names further modifiers that may be held (0xFF for <c>any</c>); any other held modifier stops the match.
/// </summary>
public sealed record RuleFrom(Usage Key, IReadOnlyList<byte> Mandatory, byte OptionalMask);

public abstract record ConditionModel(SourceLocation Location);

/// <summary><c>variable_if</c> (or with <see cref="Negate"/>, <c>variable_unless</c>).</summary>
public sealed record VariableCondition(string Name, int Value, bool Negate, SourceLocation Location) : ConditionModel(Location);

/// <summary><c>device_if</c> / <c>device_unless</c>: true when the event's keyboard matches any of the entries.</summary>
public sealed record DeviceCondition(IReadOnlyList<DeviceMatch> Matches, bool Negate, SourceLocation Location) : ConditionModel(Location);
