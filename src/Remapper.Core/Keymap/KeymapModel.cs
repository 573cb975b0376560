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

    /// <summary><c>[sequences]</c>: what <c>leader()</c> listens for.</summary>
    public IReadOnlyList<KeySequenceModel> Sequences { get; init; } = [];
}

public sealed record KeymapSettings
{
    public int TappingTermMs { get; init; } = 200;

    /// <summary>A tap-hold key tapped and pressed again within this time repeats its tap (0 = off).</summary>
    public int QuickTapTermMs { get; init; } = 0;

    public int ComboTermMs { get; init; } = 50;

    /// <summary>A combo key pressed within this time after another key press acts alone (kanata <c>chords-v2-min-idle</c>; 0 = off).</summary>
    public int ComboMinIdleMs { get; init; } = 0;

    /// <summary>A combo fires only once its keys have been down together this long; let go sooner, they are themselves (keyd's <c>chord_hold_timeout</c>; 0 = off).</summary>
    public int ComboHoldMs { get; init; } = 0;

    /// <summary>
    /// A key let go while combo keys are held back waits behind them, and the wait goes on (kanata's chords v2); off, the
    /// release ends the wait (the held keys fire the combo they form, or are themselves) and follows them.
    /// </summary>
    public bool ComboReleasesWait { get; init; }

    /// <summary>
    /// An alt or super that a layer held, let go with no key pressed since it went down, is wrapped in a control tap,
    /// so the desktop never sees a lone Alt/Super tap (keyd's modifier guard). A layer key tapped alone is exempt.
    /// </summary>
    public bool ModifierGuard { get; init; } = true;

    public HoldMode TapHoldMode { get; init; } = HoldMode.HoldOnOtherKeyPress;

    /// <summary><c>hands = { left = [...], right = [...] }</c>: which hand types each key, for tap-hold hand decisions.</summary>
    public KeyboardHands Hands { get; init; } = KeyboardHands.None;

    /// <summary>Karabiner's to_if_alone_timeout_milliseconds.</summary>
    public int RuleAloneTimeoutMs { get; init; } = 1000;

    /// <summary>Karabiner's to_if_held_down_threshold_milliseconds.</summary>
    public int RuleHeldDownThresholdMs { get; init; } = 500;

    /// <summary>Karabiner's to_delayed_action_delay_milliseconds.</summary>
    public int RuleDelayedActionDelayMs { get; init; } = 500;

    /// <summary>Karabiner's simultaneous_threshold_milliseconds.</summary>
    public int RuleSimultaneousThresholdMs { get; init; } = 50;

    /// <summary>What <c>keyboard_type_if</c> conditions compare with (Karabiner's keyboard_type_v2): ansi, iso or jis.</summary>
    public string KeyboardType { get; init; } = "ansi";

    /// <summary>How long <c>caps_word</c> stays on with nothing typed.</summary>
    public int CapsWordTimeoutMs { get; init; } = 5000;

    /// <summary>How <c>unicode("…")</c> reaches the desktop's input method.</summary>
    public UnicodeInput UnicodeInput { get; init; } = UnicodeInput.CtrlShiftU;
    /// <summary>
    /// Karabiner's reorder_same_timestamp_input_events_to_prioritize_modifiers: key events of the same instant are
    /// handed on with modifier presses first and modifier releases last (off: events keep the order they came in).
    /// </summary>
    public bool ModifiersFirstAtSameInstant { get; init; }

    /// <summary>
    /// How long a modifier a rule's to-key held stays down, lazily, once no key holds it and no other key is down (so
    /// that repeating the rule keeps it down). 0: it goes up as soon as every key is up, as Karabiner does.
    /// </summary>
    public int LazyModifierReleaseMs { get; init; } = 100;

    /// <summary>Physical keys that, held together, release everything and toggle pause.</summary>
    public IReadOnlyList<Usage> EmergencySequence { get; init; } = [Usages.LeftControl, Usages.Spacebar, Usages.Escape];

    /// <summary><c>[settings.mouse]</c>: how mouse keys move the pointer and the wheel.</summary>
    public MouseSettings Mouse { get; init; } = new();

    /// <summary>
    /// <c>chord_release_order</c>: the order a chord's keys (<c>ctrl+c</c>, also a macro's chords) go up in. Reverse
    /// (the key, then its modifiers last first, as typed by hand and as QMK and Karabiner do) by default; kanata releases
    /// them in the order they went down, keyd the key and then the modifiers in that order; their importers set those.
    /// </summary>
    public ChordReleaseOrder ChordReleaseOrder { get; init; } = ChordReleaseOrder.Reverse;

    /// <summary>
    /// <c>chord_ends_at_next_press</c> (kanata's output chords): a chord of modifiers and a key (<c>shift+9</c>) lets
    /// its keys go as soon as another key goes down, so the next key is typed without its modifiers. Off by default:
    /// a chord is held while its key is.
    /// </summary>
    public bool ChordEndsAtNextPress { get; init; }

    /// <summary>How long <c>leader()</c> waits for the next key of a sequence (kanata's sequence-timeout).</summary>
    public int SequenceTimeoutMs { get; init; } = 1000;

    /// <summary>How the keys of a sequence reach the desktop while it is typed (kanata's sequence-input-mode).</summary>
    public SequenceInputMode SequenceInputMode { get; init; } = SequenceInputMode.HiddenSuppressed;

    /// <summary>A sequence key typed with modifiers that matches nothing is tried again without them (kanata's sequence-backtrack-modcancel).</summary>
    public bool SequenceBacktrackModcancel { get; init; } = true;
}

/// <summary>The order in which a chord's keys are released.</summary>
public enum ChordReleaseOrder
{
    /// <summary>Last pressed first: <c>ctrl+c</c> goes c up, then control up.</summary>
    Reverse,
    /// <summary>In the order they were pressed: control up, then c up (kanata; keyd's <c>a+b</c> in a macro).</summary>
    Pressed,
    /// <summary>The key first, then the modifiers in the order they were pressed: c up, then control up (keyd's <c>C-c</c>).</summary>
    KeyFirst,
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
    /// <summary>
    /// keyd's overload: hold at once on press; the release taps if no other key was pressed meanwhile and the key
    /// was held less than term_ms (no term: any time).
    /// </summary>
    Overload,
}

/// <summary>Which keyboards a <c>[[device]]</c> block (or a <c>device_if</c> condition) is about. Null fields match anything.</summary>
public sealed record DeviceMatch(
    string? NameGlob = null,
    ushort? VendorId = null,
    ushort? ProductId = null,
    Devices.DeviceBus? Bus = null,
    bool? BuiltIn = null,
    bool? IsKeyboard = null,
    long? LocationId = null);

/// <summary>A <c>[[device]]</c> block: ignore matching keyboards, or give them remaps of their own.</summary>
public sealed record DeviceBlock(DeviceMatch Match, bool Ignore, IReadOnlyList<Binding> Remap, SourceLocation Location);

/// <summary>
/// One line of a remap table. One key in <see cref="From"/> is a plain binding; two or more are a combo
/// (all pressed within the combo term), with <see cref="Combo"/> its options if it was written as a table.
/// </summary>
public sealed record Binding(IReadOnlyList<Usage> From, ActionModel Action, SourceLocation Location, ComboOptions? Combo = null);

public sealed record LayerModel(string Name, IReadOnlyList<Binding> Bindings, SourceLocation Location);
