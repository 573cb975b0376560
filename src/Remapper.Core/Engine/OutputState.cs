using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>
/// The virtual keyboard as the engine drives it.
/// </summary>
/// <remarks>
/// Modifiers have two states: the <em>wanted</em> one (a count per modifier of everything that holds it minus
/// everything that lifted it; rules match against it) and the <em>visible</em> one the desktop has been told.
/// A non-lazy change brings the visible state up to date at once; a lazy one (a rule lifting or restoring its
/// mandatory modifiers, a to-key's own modifiers going away) waits until a key actually needs it: every
/// non-modifier key press first makes the visible modifiers equal the wanted ones. So each key is seen with
/// exactly the modifiers it was meant to have, and a modifier that is lifted and restored with no key in
/// between never reaches the desktop (no lone Alt or Super tap). Modifiers change in HID bit order
/// (left control … right command), as Karabiner's virtual keyboard does.
/// Other keys are reference-counted, but a key pressed again while it is down is released and pressed again,
/// so the second press is a keystroke of its own — except when the same key is only passed through again
/// (held on two keyboards), which Karabiner keeps as one press. A chord pressed with <c>endsAtNextPress</c>
/// (kanata's output chords) lets its keys go at the next key press (<see cref="PressChord"/>).
/// </remarks>
internal sealed class OutputState
{
    // Dense slots: keyboard page 0..255, consumer page 256..1279, generic desktop 1280..1535.
    private const int SlotCount = 1536;

    private readonly IKeyOutput _sink;
    private readonly byte[] _holds = new byte[SlotCount];
    private readonly byte[] _passThroughHolds = new byte[SlotCount]; // of _holds, presses of the key itself
    private readonly int[] _modifierCounts = new int[8];
    private readonly ushort[] _down = new ushort[SlotCount]; // slots visibly down, in press order, for ReleaseAll
    private int _downCount;
    private int _keysDown; // non-modifier keys visibly down
    private byte _visible;
    private byte _sticky;

    // Caps lock as Karabiner's caps_lock modifier: the lock state the user set (toggled by every caps_lock press
    // that reaches the desktop, or told by the backend from the LED), what the desktop has now, and rule changes
    // to it (-1: a rule lifted it for its to-events; +1: a to-event wants it on).
    private bool _capsBase;
    private bool _capsActual;
    private int _capsDelta;
    private bool _capsTapping;
    private bool _capsRulePending; // a rule changed caps lock and the desktop has not caught up with all of it yet

    public OutputState(IKeyOutput sink) => _sink = sink;

    /// <summary>The engine's clock (set by the engine): the stages that act on output keys read it.</summary>
    public long NowUs { get; set; }

    /// <summary>The caps_word stage: it sees every key press and release that goes out.</summary>
    public Typing.CapsWord CapsWord { get; } = new();

    /// <summary>The repeat stage: it sees every key press that goes out, with the modifiers seen with it.</summary>
    public RepeatStage Repeat { get; } = new();

    /// <summary>How many things hold modifier <paramref name="bit"/> (0 = left control … 7 = right command).</summary>
    public int HoldCount(int bit) => _modifierCounts[bit];

    /// <summary>The wanted modifier byte (rules match against this, as Karabiner's do).</summary>
    public byte Modifiers { get; private set; }

    /// <summary>Caps lock counts as a held modifier (Karabiner's caps_lock in from.modifiers) while it is on.</summary>
    public bool CapsLockWanted => (_capsBase ? 1 : 0) + _capsDelta > 0;

    /// <summary>The lock state as the desktop has it (the backend corrects it from the keyboard LED).</summary>
    public bool CapsLockOn => _capsActual;

    /// <summary>
    /// The LED tells the lock state the desktop has. While a rule's change to it is outstanding (a lifted
    /// caps_lock, or its restore not sent yet) the LED only reflects that change, so the user's state stays: the
    /// rule still puts caps lock back when it ends (Karabiner ignores the LED while a rule holds caps lock).
    /// </summary>
    public void SetCapsLockState(bool on)
    {
        _capsActual = on;
        if (!_capsRulePending) _capsBase = on;
    }

    /// <summary>A rule lifts (-1) or asks for (+1) caps lock; the lock key is tapped to match just before the next key.</summary>
    public void ChangeCapsLock(int delta)
    {
        _capsDelta += delta;
        _capsRulePending = true;
    }

    /// <summary>The modifier byte the desktop sees right now.</summary>
    public byte VisibleModifiers => _visible;

    public int DownCount => _downCount;

    /// <summary>Non-modifier keys visibly down (while one is, the desktop may be auto-repeating it).</summary>
    public int KeysDown => _keysDown;

    /// <summary>A modifier is visibly down that nothing wants any more: it goes up at the next key press.</summary>
    public bool HasPendingRelease => (_visible & ~Modifiers) != 0;

    public static bool IsSupported(Usage usage) => Slot(usage) >= 0;

    public bool IsDown(Usage usage)
    {
        if (usage.IsModifier) return (_visible & usage.ModifierBit) != 0;
        int slot = Slot(usage);
        return slot >= 0 && _holds[slot] > 0;
    }

    /// <summary>
    /// Presses a key now (a modifier: holds it and brings every modifier up to date). <paramref name="passThrough"/>:
    /// the physical key itself, unchanged.
    /// </summary>
    public void Press(Usage usage, bool passThrough = false)
    {
        if (_transientCount > 0 && !_pressingChord) EndTransientChords(new ReadOnlySpan<Usage>(in usage));
        if (usage.IsModifier)
        {
            ChangeModifier(usage, +1, lazy: false);
            return;
        }
        int slot = Slot(usage);
        if (slot < 0 || _holds[slot] == byte.MaxValue) return;
        bool held = _holds[slot] > 0;
        bool onlyPassedThrough = passThrough && _passThroughHolds[slot] == _holds[slot];
        if (!(held && onlyPassedThrough) && CapsWord.Active && CapsWord.BeforePress(usage, Modifiers, NowUs) is var shift and not 0)
            ChangeModifier(Usages.LeftShift, shift, lazy: true);
        SyncModifiers();
        _holds[slot]++;
        if (passThrough) _passThroughHolds[slot]++;
        if (held && onlyPassedThrough) return; // the same key on another keyboard: still one press
        if (held) Emit(slot, usage, false); // pressed again while down: a keystroke of its own
        Repeat.NoteTyped(usage, _visible);
        Emit(slot, usage, true);
        ReleaseSticky();
    }

    public void Release(Usage usage, bool passThrough = false)
    {
        if (usage.IsModifier)
        {
            ChangeModifier(usage, -1, lazy: false);
            return;
        }
        int slot = Slot(usage);
        if (slot < 0 || _holds[slot] == 0) return;
        if (passThrough && _passThroughHolds[slot] > 0) _passThroughHolds[slot]--;
        if (--_holds[slot] == 0)
        {
            bool capsWordShift = CapsWord.AfterRelease(usage);
            if (capsWordShift && CapsWord.PerKeyShift)
            {
                // kanata's caps-word: the shift goes up with the key, just before it
                ChangeModifier(Usages.LeftShift, -1, lazy: true);
                LiftUnwanted(Usages.LeftShift.Id - 0xE0);
            }
            Emit(slot, usage, false);
            if (capsWordShift && !CapsWord.PerKeyShift) ChangeModifier(Usages.LeftShift, -1, lazy: true);
        }
    }

    /// <summary>Lets go of one modifier now if it is visibly down and nothing wants it; the others wait as they were.</summary>
    private void LiftUnwanted(int bit)
    {
        byte mask = (byte)(1 << bit);
        if ((_visible & mask) != 0 && (Modifiers & mask) == 0 && !DeferModifierReleases) EmitModifier(bit, false);
    }

    /// <summary>Holds (+1) or lets go of (-1) a modifier; a lazy change reaches the desktop only when a key needs it.</summary>
    public void ChangeModifier(Usage modifier, int delta, bool lazy)
    {
        if (modifier == Usages.CapsLock)
        {
            ChangeCapsLock(delta);
            if (!lazy) SyncModifiers();
            return;
        }
        if (!modifier.IsModifier) return;
        int bit = modifier.Id - 0xE0;
        _modifierCounts[bit] += delta;
        RecomputeWanted(bit);
        if (!lazy && !(delta < 0 && DeferModifierReleases)) SyncModifiers();
    }

    /// <summary>
    /// While set, a modifier let go waits (as a lazy change does) for the next key press or
    /// <see cref="FlushPendingReleases"/>: a keyboard that goes away releases its other keys first, modifiers last.
    /// </summary>
    public bool DeferModifierReleases { get; set; }

    /// <summary>Modifiers latched by a sticky_modifier, waiting for the next key press.</summary>
    public byte StickyModifiers => _sticky;

    /// <summary>
    /// Karabiner's sticky_modifier: on, off or toggle. The change is sent at once (so a mouse click sees it too);
    /// after the next key press the modifier lets go, lazily.
    /// </summary>
    public void Sticky(Usage modifier, Keymap.StickyKind kind)
    {
        if (!modifier.IsModifier) return;
        byte bit = modifier.ModifierBit;
        bool on = kind switch
        {
            Keymap.StickyKind.On => true,
            Keymap.StickyKind.Off => false,
            _ => (_sticky & bit) == 0,
        };
        if (on == ((_sticky & bit) != 0)) return;
        _sticky = on ? (byte)(_sticky | bit) : (byte)(_sticky & ~bit);
        ChangeModifier(modifier, on ? +1 : -1, lazy: false);
    }

    /// <summary>Makes the visible modifiers the wanted ones, in bit order.</summary>
    public void SyncModifiers()
    {
        byte wanted = Modifiers;
        if (wanted != _visible)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte mask = (byte)(1 << bit);
                if ((wanted & mask) != (_visible & mask)) EmitModifier(bit, (wanted & mask) != 0);
            }
        }
        if (CapsLockWanted != _capsActual)
        {
            // Karabiner lists caps lock after the eight modifiers; the lock changes with a tap of its key. A lock key
            // held down is let go first (its own release later sends nothing), so the tap can toggle it.
            if (_holds[Usages.CapsLock.Id] > 0) Emit(Usages.CapsLock.Id, Usages.CapsLock, false);
            _capsTapping = true;
            Emit(Usages.CapsLock.Id, Usages.CapsLock, true);
            Emit(Usages.CapsLock.Id, Usages.CapsLock, false);
            _capsTapping = false;
        }
        if (_capsDelta == 0 && CapsLockWanted == _capsActual) _capsRulePending = false;
    }

    /// <summary>Lets go of modifiers that are visibly down but no longer wanted; pending presses stay pending.</summary>
    public void FlushPendingReleases()
    {
        byte stale = (byte)(_visible & ~Modifiers);
        for (int bit = 0; bit < 8; bit++)
            if ((stale & (1 << bit)) != 0) EmitModifier(bit, false);
    }

    /// <summary>Lets go of everything (emergency, pause, keymap swap): every visible key goes up once.</summary>
    public void ReleaseAll()
    {
        while (_downCount > 0)
        {
            int slot = _down[_downCount - 1];
            _holds[slot] = 0;
            _passThroughHolds[slot] = 0;
            var usage = FromSlot(slot);
            if (usage.IsModifier) EmitModifier(usage.Id - 0xE0, false);
            else Emit(slot, usage, false);
        }
        Array.Clear(_transientOwners);
        Array.Clear(_transientKeys);
        _transientCount = 0;
        Array.Clear(_holds);
        Array.Clear(_passThroughHolds);
        Array.Clear(_modifierCounts);
        Modifiers = 0;
        _sticky = 0;
        _capsDelta = 0;
        CapsWord.Reset();
        Repeat.Reset();
        _capsRulePending = false;
    }

    // Chords that end at the next key press (chord_ends_at_next_press, kanata's output chords): who pressed each, its
    // keys and its release order, oldest first. Any key press ends them all, so there is rarely more than one.
    private const int TransientCapacity = 8;
    private readonly object?[] _transientOwners = new object?[TransientCapacity];
    private readonly Usage[]?[] _transientKeys = new Usage[]?[TransientCapacity];
    private readonly ChordReleaseOrder[] _transientOrders = new ChordReleaseOrder[TransientCapacity];
    private int _transientCount;
    private bool _pressingChord;

    /// <summary>
    /// Presses a chord's keys in order. <paramref name="endsAtNextPress"/>: its keys go up, in its release order, as
    /// soon as another key goes down (then <see cref="ReleaseChord"/> sends nothing); modifiers the next key presses too
    /// stay down across it.
    /// </summary>
    public void PressChord(object owner, Usage[] keys, bool endsAtNextPress, ChordReleaseOrder order)
    {
        if (_transientCount > 0) EndTransientChords(keys);
        _pressingChord = true;
        foreach (var key in keys) Press(key);
        _pressingChord = false;
        if (!endsAtNextPress) return;
        if (_transientCount == TransientCapacity) EndTransientChord(0, []);
        _transientOwners[_transientCount] = owner;
        _transientKeys[_transientCount] = keys;
        _transientOrders[_transientCount] = order;
        _transientCount++;
    }

    /// <summary>Releases a chord's keys in <paramref name="order"/> (unless it ended at a later key press already).</summary>
    public void ReleaseChord(object owner, Usage[] keys, bool endsAtNextPress, ChordReleaseOrder order)
    {
        if (endsAtNextPress)
        {
            for (int i = _transientCount - 1; i >= 0; i--)
            {
                if (!ReferenceEquals(_transientOwners[i], owner)) continue;
                RemoveTransient(i);
                ReleaseKeys(keys, order);
                return;
            }
            return; // it already ended at a later key press
        }
        ReleaseKeys(keys, order);
    }

    private void ReleaseKeys(Usage[] keys, ChordReleaseOrder order)
    {
        switch (order)
        {
            case ChordReleaseOrder.Pressed:
                foreach (var key in keys) Release(key);
                break;
            case ChordReleaseOrder.KeyFirst:
                foreach (var key in keys) if (!key.IsModifier) Release(key);
                foreach (var key in keys) if (key.IsModifier) Release(key);
                break;
            default:
                for (int i = keys.Length - 1; i >= 0; i--) Release(keys[i]);
                break;
        }
    }

    private void EndTransientChords(ReadOnlySpan<Usage> incoming)
    {
        while (_transientCount > 0) EndTransientChord(0, incoming);
    }

    /// <summary>
    /// Lets a transient chord's keys go before <paramref name="incoming"/> is pressed. The incoming keys' modifiers are
    /// bridged (held once more across the release and let go lazily), so a modifier both share never blinks.
    /// </summary>
    private void EndTransientChord(int index, ReadOnlySpan<Usage> incoming)
    {
        var keys = _transientKeys[index]!;
        var order = _transientOrders[index];
        RemoveTransient(index);
        foreach (var key in incoming)
            if (key.IsModifier) _modifierCounts[key.Id - 0xE0]++;
        ReleaseKeys(keys, order);
        foreach (var key in incoming)
        {
            if (!key.IsModifier) continue;
            int bit = key.Id - 0xE0;
            _modifierCounts[bit]--;
            RecomputeWanted(bit);
        }
    }

    private void RemoveTransient(int index)
    {
        _transientCount--;
        for (int i = index; i < _transientCount; i++)
        {
            _transientOwners[i] = _transientOwners[i + 1];
            _transientKeys[i] = _transientKeys[i + 1];
            _transientOrders[i] = _transientOrders[i + 1];
        }
        _transientOwners[_transientCount] = null;
        _transientKeys[_transientCount] = null;
    }

    private void ReleaseSticky()
    {
        if (_sticky == 0) return;
        byte sticky = _sticky;
        _sticky = 0;
        for (int bit = 0; bit < 8; bit++)
            if ((sticky & (1 << bit)) != 0) ChangeModifier(Usage.Key((ushort)(0xE0 + bit)), -1, lazy: true);
    }

    private void RecomputeWanted(int bit)
    {
        byte mask = (byte)(1 << bit);
        Modifiers = _modifierCounts[bit] > 0 ? (byte)(Modifiers | mask) : (byte)(Modifiers & ~mask);
    }

    private void EmitModifier(int bit, bool down)
    {
        byte mask = (byte)(1 << bit);
        _visible = down ? (byte)(_visible | mask) : (byte)(_visible & ~mask);
        Emit(0xE0 + bit, Usage.Key((ushort)(0xE0 + bit)), down);
    }

    /// <summary>The key the desktop saw go down last (the modifier guard asks whether a modifier was pressed alone).</summary>
    public Usage LastPressed { get; private set; }

    private void Emit(int slot, Usage usage, bool down)
    {
        if (down)
        {
            LastPressed = usage;
            _down[_downCount++] = (ushort)slot;
            if (!usage.IsModifier) _keysDown++;
            if (slot == Usages.CapsLock.Id)
            {
                // The desktop toggles its lock on every caps_lock press; a press of the key itself also changes
                // the state the user wants, a tap made to match a rule does not.
                _capsActual = !_capsActual;
                if (!_capsTapping) _capsBase = !_capsBase;
            }
        }
        else
        {
            int i = _downCount == 0 ? -1 : Array.LastIndexOf(_down, (ushort)slot, _downCount - 1, _downCount);
            if (i < 0) return; // not visibly down (a held caps_lock let go for a tap): nothing to send
            // Keep press order for ReleaseAll (reverse of press): shift the rest down.
            Array.Copy(_down, i + 1, _down, i, _downCount - i - 1);
            _downCount--;
            if (!usage.IsModifier) _keysDown--;
        }
        Send(usage, down);
    }

    // A batch (SameInstantOrder): the changes caused by events of one instant, each stamped with its place among
    // the changes of its own input event, sent in Karabiner's order when the batch ends.
    private const int BatchCapacity = 256;
    private readonly (Usage Usage, bool Down, int Step)[] _batch = new (Usage, bool, int)[BatchCapacity];
    private int _batchCount;
    private int _batchStep;
    private bool _batching;

    /// <summary>Starts collecting changes instead of sending them (see <see cref="EndBatch"/>).</summary>
    public void BeginBatch()
    {
        _batching = true;
        _batchCount = 0;
        _batchStep = 0;
    }

    /// <summary>The next input event of the batch begins: its first change is of the same instant as the others' first.</summary>
    public void NextBatchEvent() => _batchStep = 0;

    /// <summary>
    /// Sends the collected changes: among changes of the same instant (the first of each input event, the second of
    /// each, …) modifier presses move before other keys and modifier releases after them, as Karabiner sorts its queue.
    /// </summary>
    public void EndBatch()
    {
        _batching = false;
        for (int i = 0; i < _batchCount - 1;)
        {
            var (a, b) = (_batch[i], _batch[i + 1]);
            bool swap = a.Step == b.Step && (
                (!a.Usage.IsModifier && b.Usage.IsModifier && b.Down) ||
                (a.Usage.IsModifier && !b.Usage.IsModifier && !a.Down));
            if (swap)
            {
                (_batch[i], _batch[i + 1]) = (b, a);
                if (i > 0) i--;
                continue;
            }
            i++;
        }
        for (int i = 0; i < _batchCount; i++) _sink.Send(_batch[i].Usage, _batch[i].Down);
        _batchCount = 0;
    }

    private void Send(Usage usage, bool down)
    {
        if (!_batching || _batchCount == BatchCapacity)
        {
            _sink.Send(usage, down);
            return;
        }
        _batch[_batchCount++] = (usage, down, _batchStep++);
    }

    private static int Slot(Usage usage) => usage.Page switch
    {
        UsagePages.Keyboard when usage.Id < 256 => usage.Id,
        UsagePages.Consumer when usage.Id < 1024 => 256 + usage.Id,
        UsagePages.GenericDesktop when usage.Id < 256 => 1280 + usage.Id,
        _ => -1,
    };

    private static Usage FromSlot(int slot) => slot switch
    {
        < 256 => Usage.Key((ushort)slot),
        < 1280 => Usage.Consumer((ushort)(slot - 256)),
        _ => Usage.Desktop((ushort)(slot - 1280)),
    };
}
