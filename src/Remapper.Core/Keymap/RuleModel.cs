using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary>
/// A Karabiner-style rule: one <c>basic</c> manipulator of a <c>complex_modifications</c> rule, field for field.
/// Every to-list is a list of <see cref="ToEventModel"/>s, as in Karabiner's JSON.
/// </summary>
public sealed record RuleModel(
    string? Description,
    RuleFrom From,
    IReadOnlyList<ToEventModel> To,
    IReadOnlyList<ToEventModel> ToIfAlone,
    IReadOnlyList<ToEventModel> ToIfHeldDown,
    IReadOnlyList<ToEventModel> ToAfterKeyUp,
    DelayedActionModel? ToDelayedAction,
    IReadOnlyList<OtherKeyPressedModel> ToIfOtherKeyPressed,
    IReadOnlyList<ConditionModel> Conditions,
    RuleParameters Parameters,
    SourceLocation Location);

/// <summary>
/// The key a rule fires on and the modifiers it needs. Each entry of <see cref="Mandatory"/> is a mask of
/// modifier bits of which at least one must be held (<c>control</c> = left or right). <see cref="OptionalMask"/>
/// names further modifiers that may be held (0xFF for <c>any</c>); any other held modifier stops the match.
/// <see cref="AnyKey"/> (Karabiner's <c>any = "key_code"</c> / <c>"consumer_key_code"</c>) matches every key of
/// that usage page instead of <see cref="Key"/>. Caps lock counts as a modifier while its lock is on.
/// </summary>
public sealed record RuleFrom(
    Usage Key,
    IReadOnlyList<byte> Mandatory,
    byte OptionalMask,
    ushort AnyKey = 0,
    bool MandatoryCapsLock = false,
    bool OptionalCapsLock = false,
    IReadOnlyList<Usage>? Simultaneous = null,
    SimultaneousOptions? Options = null)
{
    /// <summary>True for <c>from.simultaneous</c>: the keys pressed together within the threshold.</summary>
    public bool IsSimultaneous => Simultaneous is { Count: > 0 };
}

public enum KeyOrder { Insensitive, Strict, StrictInverse }

/// <summary>
/// Karabiner's <c>simultaneous_options</c>. <see cref="KeyUpWhenAll"/>: the to-events are let go when every key is
/// up (else when the first one goes up). <see cref="ToAfterKeyUp"/> is sent once every key is up.
/// </summary>
public sealed record SimultaneousOptions(
    KeyOrder KeyDownOrder = KeyOrder.Insensitive,
    bool KeyUpWhenAll = false,
    IReadOnlyList<ToEventModel>? ToAfterKeyUp = null)
{
    public static readonly SimultaneousOptions Default = new();
}

/// <summary>Per-rule overrides of the <c>[settings]</c> rule timings (Karabiner's manipulator <c>parameters</c>).</summary>
public sealed record RuleParameters(
    int? AloneTimeoutMs = null,
    int? HeldDownThresholdMs = null,
    int? DelayedActionDelayMs = null,
    int? SimultaneousThresholdMs = null)
{
    public static readonly RuleParameters None = new();
}

/// <summary>
/// One Karabiner to-event. Exactly one of <see cref="Key"/> (not None), <see cref="Action"/>, <see cref="SetVariable"/>,
/// <see cref="Sticky"/> is set, or none of them: an event that sends nothing. <see cref="VkNone"/> is Karabiner's
/// <c>vk_none</c>: a key that is never sent, but, like any key press, first brings the modifiers up to date (so
/// a list of vk_none events with modifiers chooses the order modifiers go down in).
/// <see cref="Modifiers"/> belong to the key: pressed with it, let go before the next other key.
/// </summary>
public sealed record ToEventModel(
    Usage Key,
    IReadOnlyList<Usage> Modifiers,
    SourceLocation Location,
    ActionModel? Action = null,
    SetVariableModel? SetVariable = null,
    StickyModifierModel? Sticky = null,
    bool Lazy = false,
    bool Repeat = true,
    bool Halt = false,
    int HoldDownMs = 0,
    IReadOnlyList<ConditionModel>? Conditions = null,
    bool VkNone = false,
    bool FromEvent = false)
{
    public IReadOnlyList<ConditionModel> ToConditions => Conditions ?? [];

    /// <summary>The short forms (<c>"ctrl+a"</c>, <c>["a", "b"]</c>, <c>"set(x, 1)"</c>, <c>"layer(nav)"</c>) as to-events.</summary>
    public static List<ToEventModel> FromAction(ActionModel? action)
    {
        var events = new List<ToEventModel>();
        if (action is not null) Add(action, events);
        return events;
    }

    private static void Add(ActionModel action, List<ToEventModel> events)
    {
        switch (action)
        {
            case ChordAction chord:
                events.Add(new ToEventModel(chord.Keys[^1], [.. chord.Keys.Take(chord.Keys.Count - 1)], chord.Location));
                break;
            case SequenceAction seq:
                foreach (var step in seq.Steps) Add(step, events);
                break;
            case AllOfAction all:
                foreach (var item in all.Items) Add(item, events);
                break;
            case SetVariableAction set:
                events.Add(new ToEventModel(default, [], set.Location,
                    SetVariable: new SetVariableModel(set.Name, VariableValue.Of(set.Value), null, false)));
                break;
            case NoAction none:
                events.Add(new ToEventModel(default, [], none.Location));
                break;
            default:
                events.Add(new ToEventModel(default, [], action.Location, Action: action));
                break;
        }
    }
}

/// <summary>
/// Karabiner's <c>set_variable</c>: <c>value</c> when the key goes down, <c>key_up_value</c> (if given) when it
/// goes up; <c>type = "unset"</c> forgets the variable (it then reads as 0 again).
/// </summary>
/// <summary>A set_variable; <see cref="Expression"/> and <see cref="KeyUpExpression"/> (Karabiner's) replace the value when given.</summary>
public sealed record SetVariableModel(string Name, VariableValue Value, VariableValue? KeyUpValue, bool Unset,
    ExpressionModel? Expression = null, ExpressionModel? KeyUpExpression = null);

public enum StickyKind { On, Off, Toggle }

/// <summary>Karabiner's <c>sticky_modifier</c>: the modifier applies to the next key press (on/off/toggle).</summary>
public sealed record StickyModifierModel(Usage Modifier, StickyKind Kind);

/// <summary><c>to_delayed_action</c>: <c>to_if_invoked</c> once the delay passes with no other key pressed, else <c>to_if_canceled</c>.</summary>
public sealed record DelayedActionModel(IReadOnlyList<ToEventModel> ToIfInvoked, IReadOnlyList<ToEventModel> ToIfCanceled);

/// <summary>One entry of <c>to_if_other_key_pressed</c>: while the rule key is held, one of <see cref="OtherKeys"/> pressed sends <see cref="To"/> instead.</summary>
public sealed record OtherKeyPressedModel(IReadOnlyList<RuleFrom> OtherKeys, IReadOnlyList<ToEventModel> To);

/// <summary>
/// A variable's value as written: an integer, a boolean or a string (Karabiner allows all three). Booleans
/// compare as 1 and 0, as the keymap always read them.
/// </summary>
public readonly record struct VariableValue(int Number, string? Text)
{
    public static VariableValue Of(int number) => new(number, null);

    public static VariableValue Of(bool value) => new(value ? 1 : 0, null);

    public static VariableValue Of(string text) => new(0, text);

    public override string ToString() => Text is null ? Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"\"{Text}\"";
}
