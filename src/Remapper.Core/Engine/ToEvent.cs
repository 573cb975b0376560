using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>One compiled Karabiner to-event (see <see cref="ToEventModel"/>).</summary>
internal sealed class ToEvent
{
    public Usage Key { get; init; }
    public Usage[] Modifiers { get; init; } = [];
    public KeyAction? Action { get; init; }

    /// <summary>Variable slot of a set_variable, or -1.</summary>
    public int Variable { get; init; } = -1;
    public int Value { get; init; }
    public bool HasKeyUpValue { get; init; }
    public int KeyUpValue { get; init; }

    /// <summary>set_variable.expression / key_up_expression: computed when the event is sent, instead of the value.</summary>
    public CompiledExpression? Expression { get; init; }
    public CompiledExpression? KeyUpExpression { get; init; }

    public Usage StickyModifier { get; init; }
    public StickyKind StickyKind { get; init; }

    public bool Lazy { get; init; }
    public bool Repeat { get; init; } = true;
    public bool Halt { get; init; }
    public long HoldDownUs { get; init; }
    public CompiledConditions Conditions { get; init; } = CompiledConditions.Always;

    /// <summary>Karabiner's from_event: the key is the one that triggered the rule (see <see cref="KeyFor"/>).</summary>
    public bool FromEvent { get; init; }

    public bool IsKey => !Key.IsNone || FromEvent;

    /// <summary>The key this event sends for <paramref name="trigger"/>.</summary>
    public Usage KeyFor(in Trigger trigger) => FromEvent ? trigger.Usage : Key;

    /// <summary>A modifier key as the event, for <paramref name="trigger"/> (Karabiner then keeps its own modifiers, and the lifted from-modifiers, while it is held).</summary>
    public bool IsModifierKeyFor(in Trigger trigger) => KeyFor(trigger).IsModifier;

    /// <summary>Karabiner's vk_none: sends no key, but brings the modifiers up to date as a key press would.</summary>
    public bool VkNone { get; init; }

    /// <summary>Carries modifiers of its own (a key, or vk_none).</summary>
    public bool HasModifiers => IsKey || VkNone;
}
