using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>What a key given to the <see cref="SequenceStage"/> did to the sequence.</summary>
internal enum SequenceOutcome
{
    /// <summary>Still listening (or not listening at all).</summary>
    None,
    /// <summary>A sequence was typed: <see cref="SequenceStage.MatchedPath"/> says which; listening has stopped.</summary>
    Matched,
    /// <summary>What was typed matches no sequence (or the timeout passed): listening has stopped.</summary>
    Cancelled,
}

/// <summary>
/// The sequence stage (<c>leader()</c>, kanata's <c>sldr</c> and <c>defseq</c>): after the leader, every key typed is
/// looked up among the <c>[sequences]</c> until one matches, none can, or the timeout passes after the last key.
/// It decides; the engine types (RemapEngine.Sequences.cs).
/// </summary>
/// <remarks>
/// Two readings are followed at once, as kanata does: keys one after another (with the modifiers held over them),
/// and together-groups — keys all pressed before any is released, in any order. When the keys typed stop fitting one
/// reading it is rebuilt from the other, and a standard reading that fits nothing drops its modifiers
/// (<c>sequence_backtrack_modcancel</c>) and then its oldest keys before giving up. Everything lives in fixed arrays:
/// no allocation per key.
/// </remarks>
internal sealed class SequenceStage
{
    private const int CodeCapacity = 128;
    private const int KeyCapacity = 48;

    private readonly ulong[] _seq = new ulong[CodeCapacity];
    private readonly ulong[] _ov = new ulong[CodeCapacity];
    private readonly Usage[] _raw = new Usage[KeyCapacity];
    private readonly int[] _heldTokens = new int[KeyCapacity];
    private readonly Usage[] _heldUsages = new Usage[KeyCapacity];
    private int _seqLen, _ovLen, _rawLen, _heldCount;
    private SequenceTable _table = SequenceTable.Empty;
    private bool _modcancel = true;

    public bool Active { get; private set; }
    public SequenceInputMode Mode { get; private set; }
    public long TimeoutUs { get; private set; }

    /// <summary>When listening stops for want of a key, or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs { get; private set; } = long.MaxValue;

    /// <summary>The path of the sequence that matched last (valid after <see cref="SequenceOutcome.Matched"/>).</summary>
    public int MatchedPath { get; private set; } = -1;

    public SequenceTable Table => _table;

    /// <summary>The keys typed since the leader, in order (hidden_delay_type types them when nothing matches).</summary>
    public int RawCount => _rawLen;
    public Usage RawAt(int i) => _raw[i];

    /// <summary>The presses (tokens) whose keys went into the sequence and are still held.</summary>
    public int HeldCount => _heldCount;
    public int HeldTokenAt(int i) => _heldTokens[i];
    public Usage HeldUsageAt(int i) => _heldUsages[i];

    public void Configure(SequenceTable table, bool backtrackModcancel)
    {
        Reset();
        _table = table;
        _modcancel = backtrackModcancel;
    }

    /// <summary>The leader: starts listening; while listening, only hidden_suppressed starts over (kanata's rule).</summary>
    public void Lead(SequenceInputMode mode, long timeoutUs, long nowUs)
    {
        if (Active && mode != SequenceInputMode.HiddenSuppressed) return;
        Active = true;
        Mode = mode;
        TimeoutUs = timeoutUs;
        DeadlineUs = timeoutUs >= long.MaxValue - nowUs ? long.MaxValue : nowUs + timeoutUs;
        _seqLen = _ovLen = _rawLen = _heldCount = 0;
        MatchedPath = -1;
    }

    /// <summary>The key of press <paramref name="token"/> was typed, with <paramref name="modifierBits"/> (HID bits) held on the output.</summary>
    public SequenceOutcome Press(int token, Usage key, byte modifierBits, long nowUs)
    {
        if (!Active) return SequenceOutcome.None;
        if (_rawLen == KeyCapacity || _heldCount == KeyCapacity || _seqLen > CodeCapacity - 4 || _ovLen > CodeCapacity - 4) return Cancel();
        DeadlineUs = TimeoutUs >= long.MaxValue - nowUs ? long.MaxValue : nowUs + TimeoutUs;
        _raw[_rawLen++] = key;
        _heldTokens[_heldCount] = token;
        _heldUsages[_heldCount++] = key;
        byte mask = SequenceCodes.MaskOfBits(modifierBits);
        for (int i = 0; i < _heldCount; i++) mask |= SequenceCodes.MaskOf(_heldUsages[i]);
        ulong code = SequenceCodes.Code(key, mask);
        ulong together = (code & SequenceCodes.Keys) | SequenceCodes.Together;

        _seq[_seqLen++] = code;
        _ov[_ovLen++] = together;
        var standard = _table.Find(_seq, _seqLen, out int standardPath);
        bool standardFails = false;
        if (standard == SequenceLookup.None)
        {
            standardFails = true;
            // Backtrack: from the last key down, drop group ends and modifiers until something fits again.
            for (int i = _seqLen - 1; i >= 0; i--)
            {
                if (_seq[i] == SequenceCodes.Marker) RemoveAt(_seq, ref _seqLen, i);
                else if (_modcancel) _seq[i] &= SequenceCodes.Keys;
                else _seq[i] &= ~SequenceCodes.Together;
                standard = _table.Find(_seq, _seqLen, out standardPath);
                if (standard != SequenceLookup.None) { standardFails = false; break; }
            }
        }

        var overlap = _table.Find(_ov, _ovLen, out int overlapPath);
        bool overlapFails = false;
        if (overlap == SequenceLookup.None)
        {
            // Perhaps the group before ended: close it and start a new one with this key, or take the key alone.
            int last = _ovLen - 1;
            _ov[last] = SequenceCodes.Marker;
            _ov[_ovLen++] = together;
            overlap = _table.Find(_ov, _ovLen, out overlapPath);
            if (overlap == SequenceLookup.None)
            {
                _ov[last + 1] = code;
                overlap = _table.Find(_ov, _ovLen, out overlapPath);
                if (overlap == SequenceLookup.None)
                {
                    if ((code & SequenceCodes.Keys) == code) overlapFails = true;
                    else
                    {
                        _ov[last + 1] = code & SequenceCodes.Keys;
                        overlap = _table.Find(_ov, _ovLen, out overlapPath);
                        overlapFails = overlap == SequenceLookup.None;
                    }
                }
            }
        }

        if (!standardFails && overlapFails)
        {
            Copy(_seq, _seqLen, _ov, out _ovLen);
            overlap = _table.Find(_ov, _ovLen, out overlapPath);
        }
        else if (standardFails && !overlapFails)
        {
            Copy(_ov, _ovLen, _seq, out _seqLen);
            if ((_seqLen == 0 || _seq[_seqLen - 1] != SequenceCodes.Marker) && _ovLen > 0 && (_ov[_ovLen - 1] >> 32) != 0)
                _seq[_seqLen++] = SequenceCodes.Marker;
            standard = _table.Find(_seq, _seqLen, out standardPath);
        }
        else if (standardFails && overlapFails)
        {
            // Last try: the newest keys alone may start a sequence.
            while (standard == SequenceLookup.None && _seqLen > 0)
            {
                RemoveAt(_seq, ref _seqLen, 0);
                standard = _table.Find(_seq, _seqLen, out standardPath);
            }
            if (standard == SequenceLookup.None || _seqLen == 0) return Cancel();
        }

        if (overlap == SequenceLookup.Match) return Matched(overlapPath);
        if (standard == SequenceLookup.Match)
        {
            // A group that ends here matches first.
            _ov[_ovLen++] = SequenceCodes.Marker;
            return _table.Find(_ov, _ovLen, out int closed) == SequenceLookup.Match ? Matched(closed) : Matched(standardPath);
        }
        return SequenceOutcome.None;
    }

    /// <summary>Press <paramref name="token"/> went up; when it was the last key of the sequence held, a together-group ends.</summary>
    public SequenceOutcome Release(int token)
    {
        if (!Active || _heldCount == 0) return SequenceOutcome.None;
        bool found = false;
        for (int i = _heldCount - 1; i >= 0; i--)
        {
            if (_heldTokens[i] != token) continue;
            found = true;
            for (int j = i; j < _heldCount - 1; j++)
            {
                _heldTokens[j] = _heldTokens[j + 1];
                _heldUsages[j] = _heldUsages[j + 1];
            }
            _heldCount--;
        }
        if (!found || _heldCount > 0) return SequenceOutcome.None;
        if (_ovLen >= CodeCapacity) return Cancel();
        _ov[_ovLen++] = SequenceCodes.Marker;
        switch (_table.Find(_ov, _ovLen, out int path))
        {
            case SequenceLookup.Match:
                return Matched(path);
            case SequenceLookup.None:
                Copy(_seq, _seqLen, _ov, out _ovLen);
                break;
        }
        return SequenceOutcome.None;
    }

    /// <summary>The timeout passed: listening stops (hidden_delay_type then types what was held back).</summary>
    public SequenceOutcome Timeout() => Active ? Cancel() : SequenceOutcome.None;

    /// <summary>Stops listening and forgets the keys typed (the engine has handled the outcome).</summary>
    public void Finish()
    {
        Active = false;
        DeadlineUs = long.MaxValue;
        _seqLen = _ovLen = _rawLen = _heldCount = 0;
    }

    public void Reset()
    {
        Finish();
        MatchedPath = -1;
    }

    private SequenceOutcome Matched(int path)
    {
        Active = false;
        DeadlineUs = long.MaxValue;
        MatchedPath = path;
        return SequenceOutcome.Matched;
    }

    private SequenceOutcome Cancel()
    {
        Active = false;
        DeadlineUs = long.MaxValue;
        return SequenceOutcome.Cancelled;
    }

    private static void RemoveAt(ulong[] codes, ref int length, int index)
    {
        for (int i = index; i < length - 1; i++) codes[i] = codes[i + 1];
        length--;
    }

    private static void Copy(ulong[] from, int length, ulong[] to, out int toLength)
    {
        Array.Copy(from, to, length);
        toLength = length;
    }
}
