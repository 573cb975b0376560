using Remapper.Core.Devices;
using Remapper.Core.Engine.Actions;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// The rule engine: physical key events in, virtual key changes out. Pure and single-threaded; time comes
/// only from the events and <see cref="Advance"/>, so the same input gives the same output.
/// </summary>
/// <remarks>
/// An event passes: the physical filter (drops repeats and strays) → the emergency sequence → combos
/// (RemapEngine.Combos.cs) → the decision queue, where a pending tap-hold holds later events back
/// (RemapEngine.TapHold.cs) → dispatch: rules (RemapEngine.Rules.cs), else the layer lookup, and the
/// action's press. Every press remembers its action so its release undoes exactly that. After warm-up
/// nothing here allocates: all tables are fixed-size arrays.
/// </remarks>
public sealed partial class RemapEngine
{
    private const int MaxActiveKeys = 128;
    private const int QueueCapacity = 256;
    private const int MaxPhysicalKeys = 256;

    /// <summary>
    /// A modifier a rule's to-key held is let go lazily, at the next key press, so repeating the rule keeps it down
    /// (Karabiner). With no key pressed and nothing left that could auto-repeat, it still goes up after this long
    /// (<c>[settings] lazy_modifier_release_ms</c>; 0, Karabiner's way: as soon as every key is up): a modifier must
    /// never stay down with nothing holding it.
    /// </summary>
    private long LazyReleaseUs => _keymap.Model.Settings.LazyModifierReleaseMs * 1000L;

    private readonly OutputState _output;
    private readonly MouseKeys _mouse;
    private readonly ActiveKeyTable _active = new(MaxActiveKeys);
    private readonly EventQueue _queue = new(QueueCapacity);
    private readonly PhysicalKeys _physical = new(MaxPhysicalKeys);
    private readonly SameInstantOrder _sameInstant = new();
    private readonly LayerModifiers _layerModifiers = new();
    private byte _lookupModifiers; // the modifiers of the layer entry the last Lookup found its action in
    private Usage _lastDownUsage; // the last key dispatched down: its release alone is a deliberate tap (modifier guard)
    private int _lastDownDevice = -1;
    private DeviceSlot[] _slots = [];
    private CompiledKeymap _keymap;
    private EngineState _state;
    private int _nextToken = 1;
    private long _lazyReleaseAtUs = long.MaxValue;

    public RemapEngine(CompiledKeymap keymap, IKeyOutput output) : this(keymap, output, output as IPointerOutput) { }

    /// <summary>An engine whose mouse keys report to <paramref name="pointer"/> (null: mouse actions do nothing visible).</summary>
    public RemapEngine(CompiledKeymap keymap, IKeyOutput output, IPointerOutput? pointer)
    {
        _keymap = keymap;
        _output = new OutputState(output);
        _mouse = new MouseKeys(pointer, () => NowUs);
        _mouse.Configure(keymap.Model.Settings.Mouse);
        _state = NewState(keymap);
    }

    public CompiledKeymap Keymap => _keymap;

    /// <summary>The time of the step being processed: an event's time, or a timer's deadline while it fires.</summary>
    public long NowUs
    {
        get => _output.NowUs;
        private set => _output.NowUs = value;
    }

    /// <summary>Paused: every key passes through unchanged (the emergency sequence, or <c>remapper pause</c>).</summary>
    public bool IsPaused { get; private set; }

    /// <summary>How many output keys are down right now (0 once everything is released).</summary>
    public int PressedOutputCount => _output.DownCount;

    public bool IsOutputDown(Usage usage) => _output.IsDown(usage);

    /// <summary>The pointer buttons held now (bit 0 = button 1); 0 once everything is released.</summary>
    public byte PointerButtons => _mouse.Buttons;

    /// <summary>True while mouse keys still have motion to send (a direction, wheel or velocity held).</summary>
    public bool PointerMoving => _mouse.Moving;

    /// <summary>
    /// Modifiers a sticky_modifier latched: they stay down, by request, until the next key press (the
    /// exception to "nothing stays pressed once every key is up").
    /// </summary>
    /// <remarks>
    /// Also the modifiers a toggled modifier layer or a waiting one-shot modifier holds (LayerModifiers): those too
    /// stay down by request, until the next key press or the next toggle (while a rule has them lifted, they are not down).
    /// </remarks>
    public byte LatchedModifiers => (byte)(_output.StickyModifiers | (_layerModifiers.Pressed & _output.VisibleModifiers));

    /// <summary>Caps lock is on, as far as the engine knows (rules with caps_lock in from.modifiers read it).</summary>
    public bool CapsLockOn => _output.CapsLockOn;

    /// <summary>The backend tells the engine the caps lock state the keyboard LED shows (the engine otherwise follows the caps_lock presses it sends).</summary>
    public void SetCapsLockState(bool on) => _output.SetCapsLockState(on);

    /// <summary>When <see cref="Advance"/> next has work, or <see cref="long.MaxValue"/>.</summary>
    public long NextDeadlineUs
    {
        get
        {
            long deadline = long.MaxValue;
            if (_tapHold.Active) deadline = _tapHold.DeadlineUs;
            if (_tapDance.DeadlineUs < deadline) deadline = _tapDance.DeadlineUs;
            if (_state.Timeouts.DeadlineUs < deadline) deadline = _state.Timeouts.DeadlineUs;
            if (_combo.DeadlineUs < deadline) deadline = _combo.DeadlineUs;
            for (int i = 0; i < _active.Count; i++)
                if (_active[i].HeldDownAtUs < deadline) deadline = _active[i].HeldDownAtUs;
            long rules = _rules.DeadlineUs;
            if (rules < deadline) deadline = rules;
            if (_lazyReleaseAtUs < deadline) deadline = _lazyReleaseAtUs;
            if (_mouse.DeadlineUs < deadline) deadline = _mouse.DeadlineUs;
            if (_state.Macros.DeadlineUs < deadline) deadline = _state.Macros.DeadlineUs;
            if (_output.CapsWord.DeadlineUs < deadline) deadline = _output.CapsWord.DeadlineUs;
            if (_sameInstant.DeadlineUs < deadline) deadline = _sameInstant.DeadlineUs;
            if (_state.Sequences.DeadlineUs < deadline) deadline = _state.Sequences.DeadlineUs;
            long oneShots = _state.Layers.DeadlineUs;
            if (oneShots < deadline) deadline = oneShots;
            return deadline;
        }
    }

    /// <summary>Registers a keyboard and returns the slot its events carry.</summary>
    public int AttachDevice(KeyboardIdentity identity)
    {
        int slot = Array.FindIndex(_slots, s => !s.InUse);
        if (slot < 0)
        {
            slot = _slots.Length;
            Array.Resize(ref _slots, _slots.Length + 4);
            for (int i = slot; i < _slots.Length; i++) _slots[i] = new DeviceSlot();
        }
        _slots[slot].Attach(identity, _keymap);
        RefreshDeviceExists();
        return slot;
    }

    /// <summary>
    /// A keyboard went away: whatever it held is released as if its keys went up at <paramref name="nowUs"/>, in the
    /// order they went down, the modifiers they held last (Karabiner's order: the other keys' releases are still seen
    /// with the modifiers they were typed with, and every key goes up, so nothing can stick).
    /// </summary>
    public void DetachDevice(int slot, long nowUs)
    {
        Advance(nowUs);
        HandOnSameInstant();
        _state.Overloads.ForgetDevice(slot);
        _state.Sequences.Reset(); // nothing is typed for a keyboard that went away
        _state.Timeouts.ForgetDevice(slot);
        ReleaseHeldBy(slot);
        _state.Macros.StopDevice(slot);
        if ((uint)slot < (uint)_slots.Length) _slots[slot].Detach();
        RefreshDeviceExists();
        ArmLazyRelease();
    }

    /// <summary>
    /// A keyboard says none of its keys is down any more, though no key-up came for some (Karabiner's
    /// device_keys_and_pointing_buttons_are_released; an evdev resync): what it still held is released as in
    /// <see cref="DetachDevice"/>, and the modifiers (caps lock too) waiting for the next key are brought up to date now,
    /// as Karabiner does: nothing is left half-changed once every key is up.
    /// </summary>
    public void ReleaseDeviceKeys(int slot, long nowUs)
    {
        Advance(nowUs);
        HandOnSameInstant();
        _state.Overloads.ForgetDevice(slot);
        _state.Timeouts.ForgetDevice(slot);
        ReleaseHeldBy(slot);
        _output.SyncModifiers();
        ArmLazyRelease();
    }

    private void ReleaseHeldBy(int slot)
    {
        _output.DeferModifierReleases = true;
        for (int i = 0; i < _physical.Count;)
        {
            if (_physical.DeviceAt(i) != slot) { i++; continue; }
            Entry(new KeyEvent(slot, _physical.UsageAt(i), false, NowUs)); // removes entry i, keeping the order of the rest
        }
        _output.DeferModifierReleases = false;
        _output.FlushPendingReleases();
    }

    public void Process(in KeyEvent e)
    {
        long time = Math.Max(e.TimeUs, NowUs);
        Advance(time);
        if (!_keymap.Model.Settings.ModifiersFirstAtSameInstant || !_sameInstant.TryHold(e with { TimeUs = time }))
        {
            HandOnSameInstant();
            Entry(e with { TimeUs = time });
        }
        ArmLazyRelease();
    }

    /// <summary>Hands on the events held back for their instant (<see cref="SameInstantOrder"/>), in their new order.</summary>
    private void HandOnSameInstant()
    {
        if (_sameInstant.Count == 0) return;
        _output.BeginBatch();
        for (int i = 0; i < _sameInstant.Count; i++)
        {
            _output.NextBatchEvent();
            Entry(_sameInstant[i]);
        }
        _sameInstant.Clear();
        _output.EndBatch();
    }

    /// <summary>Lets timers (tap-hold terms, combo windows, held-down thresholds) due by <paramref name="nowUs"/> fire, in order.</summary>
    public void Advance(long nowUs)
    {
        while (true)
        {
            long deadline = NextDeadlineUs;
            if (deadline > nowUs) break;
            if (deadline > NowUs) NowUs = deadline;
            FireTimers(deadline);
            ArmLazyRelease();
        }
        if (nowUs > NowUs) NowUs = nowUs;
    }

    /// <summary>Pauses (everything released, keys pass through) or resumes remapping.</summary>
    public void SetPaused(bool paused)
    {
        if (paused == IsPaused) return;
        ResetAll();
        IsPaused = paused;
    }

    /// <summary>
    /// Runs a new keymap from now on. Everything held is released once first: the old keymap's meaning of
    /// a held key must not leak into the new one, and a later release of that key then does nothing.
    /// </summary>
    public void ReplaceKeymap(CompiledKeymap keymap)
    {
        ResetAll();
        _keymap = keymap;
        _mouse.Configure(keymap.Model.Settings.Mouse);
        _state = NewState(keymap);
        foreach (var slot in _slots) slot.Configure(keymap);
        RefreshDeviceExists();
        _emergencyMask = 0;
    }

    /// <summary>Releases every output key and forgets every press (shutdown, emergency).</summary>
    public void ReleaseAll() => ResetAll();

    public bool SetVariable(string name, int value)
    {
        int i = _keymap.VariableIndex(name);
        if (i < 0) return false;
        _state.Variables[i] = value;
        return true;
    }

    public int GetVariable(string name)
    {
        int i = _keymap.VariableIndex(name);
        return i < 0 ? 0 : _state.Variables[i];
    }

    /// <summary>Makes <paramref name="layer"/> the base layer (like <c>switch(layer)</c>).</summary>
    public bool SetBaseLayer(string layer)
    {
        int i = _keymap.LayerIndex(layer);
        if (i < 0) return false;
        _state.Layers.BaseLayer = i;
        return true;
    }

    /// <summary>The base layer and then every active layer, bottom to top (for status and monitor).</summary>
    public IReadOnlyList<string> ActiveLayers
    {
        get
        {
            var names = new List<string> { _keymap.LayerNames[_state.Layers.BaseLayer] };
            for (int i = 0; i < _state.Layers.Count; i++) names.Add(_keymap.LayerNames[_state.Layers.LayerAt(i)]);
            return names;
        }
    }

    private void Entry(in KeyEvent e)
    {
        if (!_physical.Apply(e)) return;
        if (CheckEmergency(e)) return;
        if (IsPaused)
        {
            PassThrough(e);
            return;
        }
        ComboEntry(e);
    }

    private void FireTimers(long deadline)
    {
        if (_sameInstant.DeadlineUs <= deadline) HandOnSameInstant();
        if (_combo.DeadlineUs <= deadline) ResolveCombo();
        if (_tapHold.Active && _tapHold.DeadlineUs <= deadline)
        {
            DecideTimeout();
            Pump();
            // A hold the term decided may be a layer that holds modifiers: they go down now, not at the next key.
            _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
        }
        if (_tapDance.Active && _tapDance.DeadlineUs <= deadline)
        {
            DecideTapDance();
            Pump();
            _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
        }
        if (_state.Timeouts.DeadlineUs <= deadline) FireTimeout();
        for (int i = 0; i < _active.Count; i++)
            if (_active[i].HeldDownAtUs <= deadline) FireHeldDown(ref _active[i]);
        FireRuleTimers(deadline);
        if (_mouse.DeadlineUs <= deadline) _mouse.Fire(deadline);
        _state.Macros.Fire(deadline);
        if (_state.Sequences.DeadlineUs <= deadline) FireSequenceTimeout();
        _output.CapsWord.Fire(deadline);
        FireOneShotTimeouts(deadline);
        if (_lazyReleaseAtUs <= deadline)
        {
            _lazyReleaseAtUs = long.MaxValue;
            _output.FlushPendingReleases();
        }
    }

    /// <summary>Starts (or stops) the wait after which a modifier nothing holds any more goes up anyway.</summary>
    private void ArmLazyRelease()
    {
        if (!_output.HasPendingRelease || _output.KeysDown > 0) _lazyReleaseAtUs = long.MaxValue;
        else if (_lazyReleaseAtUs == long.MaxValue) _lazyReleaseAtUs = NowUs + LazyReleaseUs;
    }

    /// <summary>Puts an event behind any undecided tap-hold and processes whatever can be processed.</summary>
    private void Enqueue(in KeyEvent e)
    {
        if (_queue.IsFull && _tapHold.Active)
        {
            // Someone is holding a tap-hold key while mashing 256 others: decide now rather than drop.
            DecideHold();
            Pump();
        }
        if (_queue.IsFull && _tapDance.Active)
        {
            DecideTapDance();
            Pump();
        }
        if (_queue.IsFull) return;
        _queue.Enqueue(e);
        Pump();
    }

    private void Dispatch(in KeyEvent e)
    {
        if (_state.Timeouts.Pending) DecideTimeoutBy(e); // a waiting timeout() decides before the key that decides it
        // A spent one-shot's modifiers last until the next key event: up before its press, after its release.
        if (e.Down)
        {
            _state.Layers.ClearSpent();
            _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
            DispatchDown(e);
        }
        else
        {
            DispatchUp(e);
            _state.Layers.ClearSpent();
        }
        bool loneTap = !e.Down && e.Usage == _lastDownUsage && e.Device == _lastDownDevice;
        if (e.Down)
        {
            _lastDownUsage = e.Usage;
            _lastDownDevice = e.Device;
        }
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard, loneTap);
    }

    private void DispatchDown(in KeyEvent e)
    {
        MarkOtherKeysPressed();
        _state.Overloads.OtherKeyPressed();
        if (_state.Macros.Count > 0) _state.Macros.OtherKeyPressed();
        if (_active.IsFull) return; // dropped whole: its release will find nothing, so nothing can stick
        var trigger = new Trigger(_nextToken++, e.Device, e.Usage);
        CheckOtherKeyPressed(e);
        // A press cancels every waiting to_delayed_action. Karabiner runs each rule in file order on the press,
        // so the delayed actions of rules before the one that takes the press (all of them, if none does) are
        // canceled before it, the others after.
        if (_rules.DelayedCount > 0) CancelDelayedActions(trigger.Token, RuleOrderOf(e));
        DispatchPress(trigger, e);
        if (!_tapHold.IsPending(trigger.Token)) _tapHold.NoteTyped(e.TimeUs);
        if (_rules.DelayedCount > 0) CancelDelayedActions(trigger.Token, int.MaxValue);
    }

    private int RuleOrderOf(in KeyEvent e)
    {
        if (e.Usage.Page == ComboPage) return _keymap.Combos[e.Usage.Id].Rule?.Order ?? int.MaxValue;
        if (SlotOf(e.Device)?.Ignored == true) return int.MaxValue;
        return MatchRule(e, out _)?.Order ?? int.MaxValue;
    }

    private void DispatchPress(in Trigger trigger, in KeyEvent e)
    {
        _lookupModifiers = 0;
        KeyAction action;
        if (e.Usage.Page == ComboPage)
        {
            var combo = _keymap.Combos[e.Usage.Id];
            if (combo.Rule is { } comboRule)
            {
                comboRule.From.MatchesModifiers(_output.Modifiers, out byte comboConsumed);
                _state.Layers.ConsumeOneShots();
                PressRule(trigger, comboRule, comboConsumed, e.TimeUs);
                return;
            }
            action = combo.Action;
        }
        else if (SlotOf(e.Device)?.Ignored == true)
        {
            action = SelfKeyAction.Instance;
        }
        else
        {
            var rule = MatchRule(e, out byte consumed);
            if (rule is not null)
            {
                _state.Layers.ConsumeOneShots();
                PressRule(trigger, rule, consumed, e.TimeUs);
                return;
            }
            action = Lookup(e.Device, e.Usage);
        }
        // Another one-shot stacks rather than spending the waiting ones (one-shot control, one-shot shift, i → ctrl+shift+i).
        // An overload key's press is no key yet: a one-shot waits for its tap, or for the key it modifies (keyd).
        if (action is not (OneShotLayerAction or OverloadKeyAction or TimeoutKeyAction)) _state.Layers.ConsumeOneShots();
        // A layer change types no key: the modifiers stay as they are (keyd lifts them only for keys and one-shots).
        if (_lookupModifiers != 0 && action is not (OverloadKeyAction or MomentaryLayerAction or ToggleLayerAction or SwapLayerAction
                or ClearLayersAction or SwitchBaseLayerAction))
        {
            // A key its modifier-holding layer binds is typed without the layer's modifiers.
            _layerModifiers.Lift(trigger.Token, _lookupModifiers, ChordModifierBits(action));
            _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
        }

        if (action is TapHoldKeyAction tapHold)
        {
            BeginTapHold(trigger, tapHold, e.Usage.Page == ComboPage ? ComboStartUs(e) : e.TimeUs);
            return;
        }
        if (action is TapDanceKeyAction dance)
        {
            BeginTapDance(trigger, dance, e.TimeUs);
            return;
        }
        if (action is OverloadKeyAction overload)
        {
            ActivateOverload(trigger, overload, e.TimeUs);
            return;
        }
        Activate(trigger, action, e.TimeUs);
    }

    private void DispatchUp(in KeyEvent e)
    {
        if (e.Usage.Page == ComboAfterPage)
        {
            // Sent like Karabiner's: with the rule's mandatory modifiers that are still held lifted for it.
            var rule = _keymap.Combos[e.Usage.Id].Rule!;
            rule.From.MatchesModifiers(_output.Modifiers, out byte held);
            held &= _output.Modifiers;
            LiftBits(held);
            PostExtra(rule.SimultaneousAfterKeyUp, e.Device, halted: false, new Trigger(_nextToken++, e.Device, e.Usage));
            RestoreBits(held);
            return;
        }
        int i = _active.Find(e.Device, e.Usage);
        if (i < 0) return;
        ReleaseActive(i, e.TimeUs);
    }

    /// <summary>Ends active press <paramref name="i"/>: its release undoes what its press did (an overload key may tap).</summary>
    private void ReleaseActive(int i, long timeUs)
    {
        var key = _active.RemoveAt(i);
        bool guarded = key.Action is OverloadKeyAction held && GuardsOverloadHold(held, key.Token, timeUs);
        if (guarded) _output.ChangeModifier(Usages.LeftControl, +1, lazy: false);
        if (key.Rule is not null) ReleaseRule(ref key, timeUs);
        else key.Action?.Release(_state, key.Trigger);
        if (guarded) _output.ChangeModifier(Usages.LeftControl, -1, lazy: false);
        _layerModifiers.EndLift(key.Token);
        if (key.Action is OverloadKeyAction overload) TapOverload(overload, key.Trigger, timeUs);
        SequenceKeyUp(key.Token);
    }

    private void Activate(in Trigger trigger, KeyAction action, long timeUs)
    {
        if (_active.IsFull) return;
        if (_state.Sequences.Active && IsSequenceInput(action))
        {
            SequencePress(trigger, action, timeUs);
            return;
        }
        AddActive(trigger, timeUs).Action = action;
        action.Press(_state, trigger);
    }

    /// <summary>Records a press; callers check <see cref="ActiveKeyTable.IsFull"/> first.</summary>
    private ref ActiveKey AddActive(in Trigger trigger, long timeUs)
    {
        ref var key = ref _active.Add();
        key.Token = trigger.Token;
        key.Device = trigger.Device;
        key.Usage = trigger.Usage;
        key.PressTimeUs = timeUs;
        return ref key;
    }

    /// <summary>Active layers from the top, then the keyboard's own remaps, then the base layer, then [remap], then the key itself.</summary>
    private KeyAction Lookup(int device, Usage usage)
    {
        uint key = usage.Packed;
        var layers = _state.Layers;
        _lookupModifiers = 0;
        layers.LookupEntry = -1;
        if (_keymap.Composites.Length > 0 && LookupComposite(key) is { } composite) return composite;
        for (int i = layers.Count - 1; i >= 0; i--)
        {
            // Layer 0 on the stack is a modifier with no layer of its own (oneshot(shift)): it binds nothing.
            if (layers.LayerAt(i) == 0) continue;
            if (_keymap.Layers[layers.LayerAt(i)].TryGetValue(key, out var action) && !ReferenceEquals(action, TransparentKeyAction.Instance))
            {
                _lookupModifiers = layers.ModifiersAt(i);
                layers.LookupEntry = i;
                return action;
            }
        }
        int profile = SlotOf(device)?.Profile ?? -1;
        if (profile >= 0 && _keymap.Profiles[profile].TryGetValue(key, out var own)) return own;
        if (layers.BaseLayer != 0 && _keymap.Layers[layers.BaseLayer].TryGetValue(key, out var based) && !ReferenceEquals(based, TransparentKeyAction.Instance))
            return based;
        return _keymap.Layers[0].TryGetValue(key, out var remap) ? remap : SelfKeyAction.Instance;
    }

    private void PassThrough(in KeyEvent e)
    {
        if (e.Down) Activate(new Trigger(_nextToken++, e.Device, e.Usage), SelfKeyAction.Instance, e.TimeUs);
        else DispatchUp(e);
    }

    private DeviceSlot? SlotOf(int device) =>
        (uint)device < (uint)_slots.Length && _slots[device].InUse ? _slots[device] : null;

    /// <summary>Lets go of everything: output, presses, pending decisions. Physical key tracking stays, so later releases are recognised as strays.</summary>
    private void ResetAll()
    {
        _output.ReleaseAll();
        _mouse.Reset();
        _active.Clear();
        _queue.Clear();
        _tapHold.Reset();
        _tapDance.Reset();
        _combo.Reset();
        _rules.Reset();
        _lazyReleaseAtUs = long.MaxValue;
        _sameInstant.Clear();
        _state.Layers.ClearPressBound();
        _state.Macros.Reset();
        _state.Overloads.Reset();
        _state.Sequences.Reset();
        _state.Timeouts.Reset();
        _layerModifiers.Reset();
    }
}
