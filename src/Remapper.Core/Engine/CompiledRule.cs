using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>A Karabiner-style rule ready to match: resolved actions, variable indexes, device-condition indexes.</summary>
internal sealed class CompiledRule
{
    public required RuleModel Model { get; init; }
    public required Usage Key { get; init; }
    public required byte[] Mandatory { get; init; }
    public required byte OptionalMask { get; init; }
    public KeyAction? To { get; init; }
    public KeyAction? ToIfAlone { get; init; }
    public KeyAction? ToIfHeldDown { get; init; }
    public KeyAction? ToAfterKeyUp { get; init; }
    public required VariableTest[] VariableTests { get; init; }
    public required DeviceTest[] DeviceTests { get; init; }
    public required long AloneTimeoutUs { get; init; }
    public required long HeldDownThresholdUs { get; init; }

    /// <summary>
    /// Matches the held output modifiers against from.modifiers; on success <paramref name="consumed"/>
    /// holds the mandatory modifiers that were used, which the rule hides while it is held.
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

internal readonly record struct VariableTest(int Variable, int Value, bool Negate);

/// <summary>Index into the keymap's device-condition list; the engine keeps one match bit per keyboard.</summary>
internal readonly record struct DeviceTest(int Condition, bool Negate);
