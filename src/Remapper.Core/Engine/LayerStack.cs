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
    }

    private const int Capacity = 64;
    private readonly Entry[] _entries = new Entry[Capacity];
    private readonly int _layerCount;

    public LayerStack(int layerCount) => _layerCount = layerCount;

    public int Count { get; private set; }

    /// <summary>The layer below every activated one (0 = the <c>[remap]</c> table until a <c>switch(x)</c>).</summary>
    public int BaseLayer { get; set; }

    /// <summary>The layer of entry <paramref name="i"/>, counted from the bottom.</summary>
    public int LayerAt(int i) => _entries[i].Layer;

    public bool IsActive(int layer)
    {
        if (layer == 0 || layer == BaseLayer) return true;
        for (int i = 0; i < Count; i++)
            if (_entries[i].Layer == layer) return true;
        return false;
    }

    public void PushMomentary(int layer, int token) => Push(layer, token, Kind.Momentary);

    public void PushOneShot(int layer, int token) => Push(layer, token, Kind.OneShotHeld);

    public void Toggle(int layer)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_entries[i].Layer == layer && _entries[i].Kind == Kind.Toggle)
            {
                RemoveAt(i);
                return;
            }
        }
        Push(layer, -1, Kind.Toggle);
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
    public void ReleaseOneShot(int token)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            ref var e = ref _entries[i];
            if (e.Token != token) continue;
            if (e.Kind == Kind.OneShotHeld)
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
            if (e.Kind == Kind.OneShotPending) RemoveAt(i);
            else if (e.Kind == Kind.OneShotHeld) e.Kind = Kind.OneShotHeldUsed;
        }
    }

    /// <summary>Forgets every press-bound entry (momentary, one-shot); toggles and the base layer stay.</summary>
    public void ClearPressBound()
    {
        for (int i = Count - 1; i >= 0; i--)
            if (_entries[i].Kind != Kind.Toggle) RemoveAt(i);
    }

    public void Reset()
    {
        Count = 0;
        BaseLayer = 0;
    }

    private void Push(int layer, int token, Kind kind)
    {
        if ((uint)layer >= (uint)_layerCount) return;
        if (Count == Capacity) RemoveAt(0); // oldest activation gives way; never grow on the hot path
        _entries[Count++] = new Entry { Layer = layer, Token = token, Kind = kind };
    }

    private void RemoveAt(int i)
    {
        Array.Copy(_entries, i + 1, _entries, i, Count - i - 1);
        Count--;
    }
}
