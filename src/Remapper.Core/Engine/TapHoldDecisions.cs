using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>
/// A tap-hold's compiled options (<see cref="TapHoldOptions"/>): what a press, or a press and release, of another
/// key decides while it waits. Key lists are small arrays searched linearly: nothing here allocates.
/// </summary>
internal sealed class TapHoldDecisions
{
    public static readonly TapHoldDecisions None = new();

    private readonly Usage[] _tapKeys = [], _holdKeys = [], _tapReleaseKeys = [], _neutralKeys = [], _left = [], _right = [];
    private readonly bool _usesHands, _handsOnRelease;
    private readonly TapHoldChoice _same, _opposite, _unknown, _neutral;

    private TapHoldDecisions() { }

    public TapHoldDecisions(TapHoldOptions options, KeyboardHands hands)
    {
        _tapKeys = [.. options.TapKeys];
        _holdKeys = [.. options.HoldKeys];
        _tapReleaseKeys = [.. options.TapReleaseKeys];
        _neutralKeys = [.. options.NeutralKeys];
        _left = [.. hands.Left];
        _right = [.. hands.Right];
        _usesHands = options.UsesHands;
        _handsOnRelease = options.HandsDecideOnRelease;
        _same = options.SameHand ?? TapHoldChoice.Tap;
        _opposite = options.OppositeHand ?? TapHoldChoice.Hold;
        _unknown = options.UnknownHand ?? TapHoldChoice.Ignore;
        _neutral = options.Neutral ?? TapHoldChoice.Ignore;
        ReplayUnderTap = options.ReplayUnderTap;
    }

    public bool ReplayUnderTap { get; }

    /// <summary>Another key went down while <paramref name="self"/> waits.</summary>
    public TapHoldChoice OnPress(Usage self, Usage other, HoldMode mode)
    {
        if (Contains(_tapKeys, other)) return TapHoldChoice.Tap;
        if (Contains(_holdKeys, other)) return TapHoldChoice.Hold;
        if (Contains(_tapReleaseKeys, other)) return TapHoldChoice.Ignore;
        if (_usesHands)
        {
            var (choice, same) = ByHand(self, other);
            return _handsOnRelease && !same ? TapHoldChoice.Ignore : choice;
        }
        return mode == HoldMode.HoldOnOtherKeyPress ? TapHoldChoice.Hold : TapHoldChoice.Ignore;
    }

    /// <summary>Another key went down and up again while <paramref name="self"/> waits.</summary>
    public TapHoldChoice OnRelease(Usage self, Usage other, HoldMode mode)
    {
        if (Contains(_tapReleaseKeys, other)) return TapHoldChoice.Tap;
        if (Contains(_tapKeys, other) || Contains(_holdKeys, other)) return TapHoldChoice.Ignore;
        if (_usesHands) return _handsOnRelease ? ByHand(self, other).Choice : TapHoldChoice.Ignore;
        return mode == HoldMode.PermissiveHold ? TapHoldChoice.Hold : TapHoldChoice.Ignore;
    }

    private (TapHoldChoice Choice, bool Same) ByHand(Usage self, Usage other)
    {
        if (Contains(_neutralKeys, other)) return (_neutral, false);
        int mine = HandOf(self), theirs = HandOf(other);
        if (mine == 0 || theirs == 0) return (_unknown, false);
        return mine == theirs ? (_same, true) : (_opposite, false);
    }

    private int HandOf(Usage key) => Contains(_left, key) ? 1 : Contains(_right, key) ? 2 : 0;

    private static bool Contains(Usage[] keys, Usage key)
    {
        foreach (var k in keys)
            if (k == key) return true;
        return false;
    }
}
