using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary><c>[settings] hands</c> (kanata's defhands): the keys each hand types. A key in neither list has no known hand.</summary>
public sealed record KeyboardHands(IReadOnlyList<Usage> Left, IReadOnlyList<Usage> Right)
{
    public static readonly KeyboardHands None = new([], []);
}
