namespace Remapper.Core.Engine;

/// <summary>
/// Karabiner's <c>reorder_same_timestamp_input_events_to_prioritize_modifiers</c>, as an engine stage of its own
/// (off unless the keymap asks for it): key events stamped with the same instant are held until the clock moves
/// on (1 µs later), then handed on with modifier presses before the other keys and modifier releases after them.
/// Some keyboards send "control and up-arrow" in one report with the arrow first; this types control+up.
/// </summary>
internal sealed class SameInstantOrder
{
    private const int Capacity = 32;

    private readonly KeyEvent[] _held = new KeyEvent[Capacity];

    public int Count { get; private set; }

    /// <summary>When the held events are handed on (the instant after theirs), or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs => Count == 0 ? long.MaxValue : _held[0].TimeUs + 1;

    /// <summary>Holds <paramref name="e"/>; false when it must be handed on at once (the held ones go first).</summary>
    public bool TryHold(in KeyEvent e)
    {
        if (Count == Capacity || (Count > 0 && _held[0].TimeUs != e.TimeUs)) return false;
        _held[Count++] = e;
        // Insertion in Karabiner's order: move it up past every event it must go before.
        for (int i = Count - 1; i > 0 && GoesBefore(_held[i], _held[i - 1]); i--)
            (_held[i], _held[i - 1]) = (_held[i - 1], _held[i]);
        return true;
    }

    /// <summary>The held event at <paramref name="i"/>, in the order to hand them on.</summary>
    public KeyEvent this[int i] => _held[i];

    public void Clear() => Count = 0;

    /// <summary>A modifier press goes before another key; another key goes before a modifier release.</summary>
    private static bool GoesBefore(in KeyEvent later, in KeyEvent earlier)
    {
        bool laterModifier = later.Usage.IsModifier, earlierModifier = earlier.Usage.IsModifier;
        if (laterModifier && !earlierModifier) return later.Down;
        if (!laterModifier && earlierModifier) return !earlier.Down;
        return false;
    }
}
