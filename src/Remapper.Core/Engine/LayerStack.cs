namespace Remapper.Core.Engine;

/// <summary>
/// Which layers are active, most recent last. Lookups walk it from the top, then the base layer.
/// Momentary and one-shot entries belong to the press (token) that made them, so releasing that press
/// removes exactly its own entry even when two keys activate the same layer.
/// </summary>
internal sealed class LayerStack
{
    private enum Kind : byte { Momentary, Toggle, OneShotHeld, OneShotHeldUsed, OneShotPending }

    private struct Entry
    {
        public int Layer;
        public int Token;
        public Kind Kind;
        public byte Modifiers; // held while the entry lasts (LayerModifiers)
        public long ExpiresAtUs; // a one-shot still waiting then is cancelled (long.MaxValue: never)
        public bool EndOnPress; // a spent one-shot's modifiers go up right after the press that spent it
        public Hid.Usage[]? Keys; // keys (not modifiers) a one-shot holds down while it lasts
    }

    private const int MaxSpentKeys = 16;
    private readonly Hid.Usage[] _spentKeys = new Hid.Usage[MaxSpentKeys];
    private int _spentKeyCount;

    private const int Capacity = 64;
    private readonly Entry[] _entries = new Entry[Capacity];
    private readonly int _layerCount;

    public LayerStack(int layerCount) => _layerCount = layerCount;

    public int Count { get; private set; }

    /// <summary>The layer below every activated one (0 = the <c>[remap]</c> table until a <c>switch(x)</c>).</summary>
    public int BaseLayer { get; set; }

    /// <summary>The layer of entry <paramref name="i"/>, counted from the bottom.</summary>
    public int LayerAt(int i) => _entries[i].Layer;

    /// <summary>The modifiers entry <paramref name="i"/> holds (<c>layer(nav, ctrl)</c>); 0 for a plain layer.</summary>
    public byte ModifiersAt(int i) => _entries[i].Modifiers;

    /// <summary>
    /// Modifiers of one-shots spent by the last key press: they stay down for that press and go up at the next
    /// key event (LayerModifiers decides when), so the key they were for is typed with them.
    /// </summary>
    public byte SpentModifiers { get; private set; }

    public void ClearSpent()
    {
        SpentModifiers = 0;
        _spentKeyCount = 0;
    }

    /// <summary>True while an entry (or a one-shot spent by the last press) holds <paramref name="key"/>, not a modifier.</summary>
    public bool HoldsKey(Hid.Usage key)
    {
        for (int i = 0; i < _spentKeyCount; i++)
            if (_spentKeys[i] == key) return true;
        for (int i = 0; i < Count; i++)
            if (_entries[i].Keys is { } keys)
                foreach (var k in keys)
                    if (k == key) return true;
        return false;
    }

    /// <summary>The keys entry <paramref name="i"/> holds (null: none), for LayerModifiers to press.</summary>
    public Hid.Usage[]? KeysAt(int i) => _entries[i].Keys;

    /// <summary>The entry the last key lookup found its action in (-1: the base layers), for swap().</summary>
    public int LookupEntry { get; set; } = -1;

    /// <summary>swap(): the entry the key was found in now stands for <paramref name="layer"/>, kept where and how it was activated.</summary>
    public void SwapLookupEntry(int layer, byte modifiers)
    {
        int i = LookupEntry;
        if ((uint)i >= (uint)Count || (uint)layer >= (uint)_layerCount) return;
        _entries[i].Layer = layer;
        _entries[i].Modifiers = modifiers;
    }

    /// <summary>clear(): turns off every toggled layer and waiting one-shot; held layers stay.</summary>
    public void ClearLatched()
    {
        for (int i = Count - 1; i >= 0; i--)
            if (_entries[i].Kind is Kind.Toggle or Kind.OneShotPending) RemoveAt(i);
    }

    /// <summary>Every modifier an entry holds, plus the spent one-shots'.</summary>
    public byte HeldModifiers()
    {
        byte held = SpentModifiers;
        for (int i = 0; i < Count; i++) held |= _entries[i].Modifiers;
        return held;
    }

    public bool IsActive(int layer)
    {
        if (layer == 0 || layer == BaseLayer) return true;
        for (int i = 0; i < Count; i++)
            if (_entries[i].Layer == layer) return true;
        return false;
    }

    public void PushMomentary(int layer, int token, byte modifiers = 0) => Push(layer, token, Kind.Momentary, modifiers);

    /// <summary>
    /// A one-shot key went down. Pressed again while its own one-shot still waits (tapped twice), it cancels
    /// that one-shot instead, as in QMK. A one-shot still waiting at <paramref name="expiresAtUs"/> is cancelled.
    /// </summary>
    public void PushOneShot(int layer, int token, byte modifiers = 0, long expiresAtUs = long.MaxValue, bool endOnPress = false,
        Hid.Usage[]? keys = null)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            ref var e = ref _entries[i];
            if (e.Kind == Kind.OneShotPending && e.Layer == layer && e.Modifiers == modifiers && modifiers != 0)
            {
                RemoveAt(i);
                return;
            }
        }
        Push(layer, token, Kind.OneShotHeld, modifiers);
        if (Count > 0 && _entries[Count - 1].Token == token && _entries[Count - 1].Kind == Kind.OneShotHeld)
        {
            _entries[Count - 1].ExpiresAtUs = expiresAtUs;
            _entries[Count - 1].EndOnPress = endOnPress;
            _entries[Count - 1].Keys = keys;
        }
    }

    /// <summary>When the first waiting one-shot times out, or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs
    {
        get
        {
            long deadline = long.MaxValue;
            for (int i = 0; i < Count; i++)
                if (_entries[i].Kind == Kind.OneShotPending && _entries[i].ExpiresAtUs < deadline) deadline = _entries[i].ExpiresAtUs;
            return deadline;
        }
    }

    /// <summary>Cancels every waiting one-shot whose timeout is due by <paramref name="nowUs"/>.</summary>
    public void ExpireOneShots(long nowUs)
    {
        for (int i = Count - 1; i >= 0; i--)
            if (_entries[i].Kind == Kind.OneShotPending && _entries[i].ExpiresAtUs <= nowUs) RemoveAt(i);
    }

    /// <summary>Every modifier the entries of <paramref name="layer"/> hold (a composite layer's parts).</summary>
    public byte ModifiersOf(int layer)
    {
        byte held = 0;
        for (int i = 0; i < Count; i++)
            if (_entries[i].Layer == layer) held |= _entries[i].Modifiers;
        return held;
    }

    public void Toggle(int layer, byte modifiers = 0)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_entries[i].Layer == layer && _entries[i].Kind == Kind.Toggle && _entries[i].Modifiers == modifiers)
            {
                RemoveAt(i);
                return;
            }
        }
        Push(layer, -1, Kind.Toggle, modifiers);
    }

    public void RemoveToken(int token)
    {
        for (int i = Count - 1; i >= 0; i--)
            if (_entries[i].Token == token && _entries[i].Kind != Kind.Toggle) RemoveAt(i);
    }

    /// <summary>
    /// The one-shot key went up. If a key was pressed while it was held it acted as momentary and is done;
    /// otherwise the layer waits for the next key press.
    /// </summary>
    public void ReleaseOneShot(int token, long nowUs = 0)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            ref var e = ref _entries[i];
            if (e.Token != token) continue;
            if (e.Kind == Kind.OneShotHeld && e.ExpiresAtUs <= nowUs)
            {
                RemoveAt(i); // held past its timeout: nothing is left to wait for
            }
            else if (e.Kind == Kind.OneShotHeld)
            {
                e.Kind = Kind.OneShotPending;
                e.Token = -1;
            }
            else if (e.Kind == Kind.OneShotHeldUsed)
            {
                RemoveAt(i);
            }
        }
    }

    /// <summary>A key press has just been looked up: waiting one-shots are spent, held ones now count as used.</summary>
    public void ConsumeOneShots()
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            ref var e = ref _entries[i];
            if (e.Kind == Kind.OneShotPending)
            {
                // Ending on the press, its modifiers go up at the sync right after that press (kanata's one-shot-press).
                if (!e.EndOnPress)
                {
                    SpentModifiers |= e.Modifiers;
                    if (e.Keys is { } keys)
                        foreach (var key in keys)
                            if (_spentKeyCount < MaxSpentKeys) _spentKeys[_spentKeyCount++] = key;
                }
                RemoveAt(i);
            }
            else if (e.Kind == Kind.OneShotHeld) e.Kind = Kind.OneShotHeldUsed;
        }
    }

    /// <summary>Forgets every press-bound entry (momentary, one-shot); toggles and the base layer stay.</summary>
    public void ClearPressBound()
    {
        SpentModifiers = 0;
        _spentKeyCount = 0;
        for (int i = Count - 1; i >= 0; i--)
            if (_entries[i].Kind != Kind.Toggle) RemoveAt(i);
    }

    public void Reset()
    {
        Count = 0;
        BaseLayer = 0;
        SpentModifiers = 0;
        _spentKeyCount = 0;
    }

    private void Push(int layer, int token, Kind kind, byte modifiers)
    {
        if ((uint)layer >= (uint)_layerCount) return;
        if (Count == Capacity) RemoveAt(0); // oldest activation gives way; never grow on the hot path
        _entries[Count++] = new Entry { Layer = layer, Token = token, Kind = kind, Modifiers = modifiers, ExpiresAtUs = long.MaxValue };
    }

    private void RemoveAt(int i)
    {
        Array.Copy(_entries, i + 1, _entries, i, Count - i - 1);
        Count--;
    }
}
