using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// One press the engine has resolved and not yet released: what its release must undo. Tap-hold keys
/// appear here once decided (holding, or a quick-tap repeat); rule keys carry their rule's state.
/// </summary>
internal struct ActiveKey
{
    public int Token;
    public int Device;
    public Usage Usage;
    public long PressTimeUs;

    /// <summary>Released when the key goes up (null for rule keys, which release through <see cref="Rule"/>).</summary>
    public KeyAction? Action;

    public CompiledRule? Rule;

    /// <summary>The mandatory modifiers the rule matched with (it lifts them for its to-events).</summary>
    public byte Consumed;

    /// <summary>Of <see cref="Consumed"/>, the modifiers lifted right now (restored lazily).</summary>
    public byte Lifted;

    /// <summary>Caps lock (a mandatory caps_lock) is lifted right now.</summary>
    public bool CapsLifted;

    /// <summary>The wanted modifiers when the key went down: to_if_alone and delayed actions are sent with them.</summary>
    public byte DownModifiers;

    /// <summary>Another key went down after this one: to_if_alone no longer applies.</summary>
    public bool OtherKeyPressed;

    /// <summary>A to-event with <c>halt</c> was sent: no further to_if_alone / to_after_key_up / held-down events.</summary>
    public bool Halted;

    /// <summary>The to-event held while the key is (the last one, with repeat), let go on release.</summary>
    public ToEvent? Deferred;

    /// <summary>to_if_other_key_pressed fired: its held event, and the other key's mandatory modifiers it lifted.</summary>
    public bool OtherTriggered;
    public ToEvent? OtherDeferred;
    public byte OtherLifted;

    /// <summary>When to_if_held_down fires, or <see cref="long.MaxValue"/>.</summary>
    public long HeldDownAtUs;

    public readonly Trigger Trigger => new(Token, Device, Usage);
}

/// <summary>Fixed-capacity table of active presses; no allocation once built.</summary>
internal sealed class ActiveKeyTable
{
    private readonly ActiveKey[] _keys;

    public ActiveKeyTable(int capacity) => _keys = new ActiveKey[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == _keys.Length;

    public ref ActiveKey this[int i] => ref _keys[i];

    public ref ActiveKey Add()
    {
        ref var key = ref _keys[Count++];
        key = default;
        key.HeldDownAtUs = long.MaxValue;
        return ref key;
    }

    public int Find(int device, Usage usage)
    {
        for (int i = 0; i < Count; i++)
            if (_keys[i].Device == device && _keys[i].Usage == usage) return i;
        return -1;
    }

    /// <summary>Removes entry <paramref name="i"/> and returns it; order is not kept (nothing depends on it).</summary>
    public ActiveKey RemoveAt(int i)
    {
        var removed = _keys[i];
        _keys[i] = _keys[--Count];
        _keys[Count] = default;
        return removed;
    }

    public void Clear()
    {
        Array.Clear(_keys, 0, Count);
        Count = 0;
    }
}
