using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>A Karabiner-style rule ready to match: resolved to-events, conditions and timings.</summary>
internal sealed class CompiledRule
{
    public required RuleModel Model { get; init; }

    /// <summary>Position in the keymap: when key-specific and <c>any</c> rules both match, the earlier one wins.</summary>
    public required int Order { get; init; }

    public required CompiledFrom From { get; init; }
    public required ToEvent[] To { get; init; }
    public required ToEvent[] ToIfAlone { get; init; }
    public required ToEvent[] ToIfHeldDown { get; init; }
    public required ToEvent[] ToAfterKeyUp { get; init; }
    public ToEvent[]? ToIfInvoked { get; init; }
    public ToEvent[]? ToIfCanceled { get; init; }
    public required OtherKeyEntry[] ToIfOtherKeyPressed { get; init; }
    public required CompiledConditions Conditions { get; init; }
    public required long AloneTimeoutUs { get; init; }
    public required long HeldDownThresholdUs { get; init; }
    public required long DelayedActionDelayUs { get; init; }

    public bool HasDelayedAction => ToIfInvoked is not null;

    /// <summary>from.simultaneous: the order the keys must go down in, whether all must be up to release, and what follows.</summary>
    public Keymap.KeyOrder KeyDownOrder { get; init; }
    public bool KeyUpWhenAll { get; init; }
    public ToEvent[] SimultaneousAfterKeyUp { get; init; } = [];
}

/// <summary>A from (or an other_keys entry): the key or key class and the modifier test.</summary>
internal sealed class CompiledFrom
{
    public required Usage Key { get; init; }

    /// <summary>Usage page every key of which matches (from.any), or 0.</summary>
    public ushort AnyPage { get; init; }
    public required byte[] Mandatory { get; init; }
    public required byte OptionalMask { get; init; }

    /// <summary>caps_lock among the mandatory modifiers (the lock must be on), or among the optional ones (it may be).</summary>
    public bool CapsLockMandatory { get; init; }
    public bool CapsLockOptional { get; init; }

    /// <summary>Karabiner counts caps lock, while on, as a held modifier: a rule must allow it (optional caps_lock or any).</summary>
    public bool MatchesCapsLock(bool capsOn) =>
        CapsLockMandatory ? capsOn : !capsOn || CapsLockOptional || OptionalMask == 0xFF;

    public bool MatchesKey(Usage usage) => AnyPage != 0 ? usage.Page == AnyPage : usage == Key;

    /// <summary>
    /// Matches the wanted output modifiers against from.modifiers; on success <paramref name="consumed"/> holds the
    /// mandatory modifiers that were used, which the rule lifts for its to-events.
    /// </summary>
    public bool MatchesModifiers(byte held, out byte consumed)
    {
        consumed = 0;
        foreach (var group in Mandatory)
        {
            byte hit = (byte)(held & group);
            if (hit == 0) return false;
            consumed |= hit;
        }
        byte extra = (byte)(held & ~consumed);
        return (extra & ~OptionalMask) == 0;
    }
}

/// <summary>One to_if_other_key_pressed entry.</summary>
internal sealed class OtherKeyEntry
{
    public required CompiledFrom[] OtherKeys { get; init; }
    public required ToEvent[] To { get; init; }
}
