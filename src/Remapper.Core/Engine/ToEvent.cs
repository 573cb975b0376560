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

    public Usage StickyModifier { get; init; }
    public StickyKind StickyKind { get; init; }

    public bool Lazy { get; init; }
    public bool Repeat { get; init; } = true;
    public bool Halt { get; init; }
    public long HoldDownUs { get; init; }
    public CompiledConditions Conditions { get; init; } = CompiledConditions.Always;

    public bool IsKey => !Key.IsNone;

    /// <summary>Karabiner's vk_none: sends no key, but brings the modifiers up to date as a key press would.</summary>
    public bool VkNone { get; init; }

    /// <summary>Carries modifiers of its own (a key, or vk_none).</summary>
    public bool HasModifiers => IsKey || VkNone;

    /// <summary>A modifier key as the event (Karabiner then keeps its own modifiers, and the lifted from-modifiers, while it is held).</summary>
    public bool IsModifierKey => Key.IsModifier;
}
