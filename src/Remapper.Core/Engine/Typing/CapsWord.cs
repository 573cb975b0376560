using Remapper.Core.Hid;

namespace Remapper.Core.Engine.Typing;

/// <summary>
/// The caps_word stage (QMK's Caps Word, kanata's caps-word): while on, each key it shifts goes out with shift;
/// a key it neither shifts nor continues on ends it, and goes out unshifted; so does a key pressed with ctrl,
/// alt or super held, and the timeout with nothing typed. It looks at the keys the virtual keyboard sends, so
/// a key remapped to a letter is capitalised too; what a macro types is left alone.
/// Natively (QMK) the shift it adds stays down from one shifted key to the next and goes up before the next key
/// it does not shift; with <see cref="PerKeyShift"/> (kanata) it goes up with each shifted key, just before it.
/// </summary>
internal sealed class CapsWord
{
    private const byte ShiftBits = 0x22; // left and right shift
    private readonly bool[] _shifted = new bool[256]; // keys down now with the shift caps_word added
    private int _shiftedCount;
    private CapsWordKeys _keys = CapsWordKeys.Default;
    private long _timeoutUs;
    private long _deadlineUs = long.MaxValue;

    public bool Active { get; private set; }

    /// <summary>
    /// The shift a key carried goes up just before that key's release (kanata's caps-word), not at the next key
    /// press. Kept after caps_word ends, so the keys it shifted that are still down release the same way.
    /// </summary>
    public bool PerKeyShift { get; private set; }

    /// <summary>Set while a macro types: its output neither ends nor is shifted by caps_word.</summary>
    public bool Suspended { get; set; }

    /// <summary>When it ends for want of typing, or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs => Active ? _deadlineUs : long.MaxValue;

    public void Start(CapsWordKeys keys, long timeoutUs, long nowUs, bool perKeyShift = false)
    {
        _keys = keys;
        PerKeyShift = perKeyShift;
        _timeoutUs = timeoutUs;
        _deadlineUs = nowUs + timeoutUs;
        Active = true;
    }

    public void Stop()
    {
        Active = false;
        _deadlineUs = long.MaxValue;
    }

    public void Fire(long nowUs)
    {
        if (Active && _deadlineUs <= nowUs) Stop();
    }

    /// <summary>
    /// A key goes down on the virtual keyboard: how many holds of shift caps_word adds (+1, a key it shifts) or
    /// takes back (a key it does not shift, pressed while a shifted one is still down, must not come out shifted:
    /// QMK's weak shift lasts until the next key press).
    /// </summary>
    public int BeforePress(Usage key, byte modifiers, long nowUs)
    {
        if (!Active || Suspended) return 0;
        if ((modifiers & ~ShiftBits) != 0)
        {
            Stop(); // a shortcut (ctrl+c) is not part of a word
            return -DropShifted();
        }
        if (_keys.Shifts(key))
        {
            _deadlineUs = nowUs + _timeoutUs;
            if (key.Id < 256 && !_shifted[key.Id])
            {
                _shifted[key.Id] = true;
                _shiftedCount++;
                return 1;
            }
            return 0;
        }
        if (_keys.Continues(key)) _deadlineUs = nowUs + _timeoutUs;
        else Stop();
        return -DropShifted();
    }

    /// <summary>A key went up; true when it carried caps_word's shift, which now goes too.</summary>
    public bool AfterRelease(Usage key)
    {
        if (key.Page != UsagePages.Keyboard || key.Id >= 256 || !_shifted[key.Id]) return false;
        _shifted[key.Id] = false;
        _shiftedCount--;
        return true;
    }

    private int DropShifted()
    {
        int dropped = _shiftedCount;
        if (dropped == 0) return 0;
        Array.Clear(_shifted);
        _shiftedCount = 0;
        return dropped;
    }

    /// <summary>Everything was released (pause, emergency, reload): off, and no shift of ours is held.</summary>
    public void Reset()
    {
        Stop();
        Array.Clear(_shifted);
        _shiftedCount = 0;
        PerKeyShift = false;
        Suspended = false;
    }
}
