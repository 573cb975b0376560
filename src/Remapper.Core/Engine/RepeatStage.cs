using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// The repeat stage (<see cref="Actions.RepeatKeyAction"/>: QMK's repeat key, keyd's <c>repeat</c>): the output tells
/// it every key that goes out with the modifiers the desktop sees with it; a repeat press types the last one again,
/// and remembers per press what it pressed, so its release lets go of exactly that, whatever was typed meanwhile.
/// Fixed tables, no allocation; a repeat pressed while <see cref="Capacity"/> others are held does nothing.
/// </summary>
internal sealed class RepeatStage
{
    public const int Capacity = 16;

    private readonly int[] _tokens = new int[Capacity];
    private readonly Usage[] _keys = new Usage[Capacity];
    private readonly byte[] _modifiers = new byte[Capacity];
    private int _count;

    /// <summary>The last key that went out (none yet: <see cref="Usages.None"/>).</summary>
    public Usage LastKey { get; private set; }

    /// <summary>The modifiers the desktop saw with <see cref="LastKey"/>.</summary>
    public byte LastModifiers { get; private set; }

    /// <summary>Called by the output for every non-modifier key press that goes out.</summary>
    public void NoteTyped(Usage key, byte visibleModifiers)
    {
        LastKey = key;
        LastModifiers = visibleModifiers;
    }

    /// <summary>Types the last key again for press <paramref name="token"/>: its modifiers, then the key.</summary>
    public void Press(OutputState output, int token)
    {
        if (LastKey == Usages.None || _count == Capacity) return;
        var key = LastKey;
        byte modifiers = LastModifiers;
        _tokens[_count] = token;
        _keys[_count] = key;
        _modifiers[_count] = modifiers;
        _count++;
        for (int bit = 0; bit < 8; bit++)
            if ((modifiers & (1 << bit)) != 0) output.Press(Usage.Key((ushort)(0xE0 + bit)));
        output.Press(key);
    }

    /// <summary>Lets go of what press <paramref name="token"/> typed: the key, then its modifiers.</summary>
    public void Release(OutputState output, int token)
    {
        int i = 0;
        while (i < _count && _tokens[i] != token) i++;
        if (i == _count) return;
        var key = _keys[i];
        byte modifiers = _modifiers[i];
        _count--;
        _tokens[i] = _tokens[_count];
        _keys[i] = _keys[_count];
        _modifiers[i] = _modifiers[_count];
        output.Release(key);
        for (int bit = 7; bit >= 0; bit--)
            if ((modifiers & (1 << bit)) != 0) output.Release(Usage.Key((ushort)(0xE0 + bit)));
    }

    /// <summary>Everything was released (reload, pause, emergency): no press holds anything, and nothing is remembered.</summary>
    public void Reset()
    {
        _count = 0;
        LastKey = Usages.None;
        LastModifiers = 0;
    }
}
