using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// Combos: a key that belongs to a combo is held back until the combo term shows what it is part of.
/// All keys of a combo come from one keyboard (a press on another keyboard ends the wait).
/// When the held keys are exactly a combo (and no longer combo could still complete) the combo fires as
/// one synthetic key; its press is released when the first of its keys goes up (the last, with key_up_when = "all"), the other releases are
/// swallowed. Any key that does not fit, any release, or the end of the term flushes the held keys
/// through unchanged (or fires the combo they exactly form). A combo with a hold (hold_ms, combo_hold_ms) fires only
/// once its keys have been down together that long; a release of one of them sooner lets them through as themselves,
/// and whatever else came meanwhile waits behind them (keyd's chord_hold_timeout).
/// </summary>
public sealed partial class RemapEngine
{
    /// <summary>Synthetic usages for fired combos: page 0xFFFF, id = combo index. Never reach the output.</summary>
    internal const ushort ComboPage = 0xFFFF;

    /// <summary>Synthetic release that sends a simultaneous rule's to_after_key_up once all its keys are up.</summary>
    internal const ushort ComboAfterPage = 0xFFFE;

    private readonly ComboStage _combo = new();

    private void ComboEntry(in KeyEvent e)
    {
        if (_combo.Holding >= 0)
        {
            HoldEntry(e);
            return;
        }
        if (!e.Down)
        {
            if (_combo.Count > 0)
            {
                if (!IsBuffered(e) && _combo.HeldReleaseCount < ComboStage.MaxKeys && (_keymap.ComboReleasesWait || AnyRuleCandidate(e.Device)))
                {
                    // A simultaneous rule (or, with combo_releases_wait, any combo) keeps waiting; the release waits
                    // behind the held presses so nothing is reordered.
                    _combo.HeldReleases[_combo.HeldReleaseCount++] = e;
                    return;
                }
                // Any release ends the wait — a fired combo's key too: held-back presses must not be overtaken by a later release.
                ResolveCombo();
                if (_combo.Holding >= 0)
                {
                    HoldEntry(e);
                    return;
                }
            }
            if (ReleaseFiredMember(e)) return;
            Enqueue(e);
            return;
        }

        if (_combo.Count > 0)
        {
            if (e.Device == _combo.Buffer[0].Device && !IsBuffered(e) && _combo.Count < ComboStage.MaxKeys
                && AnyCandidate(e.Usage, e.Device, minKeys: _combo.Count + 1))
            {
                _combo.Buffer[_combo.Count++] = e;
                int exact = ExactCombo();
                if (exact >= 0 && !AnyCandidate(Usages.None, e.Device, minKeys: _combo.Count + 1)) FireOrHold(exact);
                return;
            }
            ResolveCombo();
            if (_combo.Holding >= 0)
            {
                HoldEntry(e);
                return;
            }
        }

        if (_keymap.ComboKeys.Contains(e.Usage.Packed) && SlotOf(e.Device)?.Ignored != true
            && e.TimeUs - _combo.LonePressUs >= _keymap.ComboMinIdleUs && AnyCandidate(e.Usage, e.Device, minKeys: 2))
        {
            _combo.Buffer[0] = e;
            _combo.Count = 1;
            _combo.WaitEndsUs = e.TimeUs + LongestTerm(e.Usage, e.Device);
            return;
        }
        _combo.LonePressUs = e.TimeUs;
        Enqueue(e);
    }

    /// <summary>The term ran out or something interrupted: fire the exact combo if the held keys form one, else let them through.</summary>
    private void ResolveCombo()
    {
        if (_combo.Count == 0) return;
        if (_combo.Holding >= 0)
        {
            // The hold ran out with every key still down: now it is the combo, and what waited behind it follows.
            int held = _combo.Holding;
            _combo.Holding = -1;
            FireCombo(held);
            ReplayHoldQueue();
            return;
        }
        int exact = ExactCombo();
        if (exact >= 0)
        {
            FireOrHold(exact);
            return;
        }
        int count = _combo.Count;
        _combo.Count = 0;
        _combo.LonePressUs = NowUs;
        for (int i = 0; i < count; i++) Enqueue(_combo.Buffer[i]);
        FlushHeldReleases();
    }

    /// <summary>How long a combo's keys must stay down together before it fires (0: at once). Simultaneous rules never wait.</summary>
    private long HoldOf(CompiledCombo combo) => combo.Rule is not null ? 0 : combo.HoldUs >= 0 ? combo.HoldUs : _keymap.ComboHoldUs;

    /// <summary>
    /// The held keys form exactly this combo: it fires now, or — with a hold (hold_ms, combo_hold_ms) — once its keys
    /// have been down together that long since the last of them went down; until then everything else waits behind it.
    /// </summary>
    private void FireOrHold(int combo)
    {
        long hold = HoldOf(_keymap.Combos[combo]);
        long endsUs = _combo.Buffer[_combo.Count - 1].TimeUs + hold;
        if (hold <= 0 || endsUs <= NowUs)
        {
            FireCombo(combo);
            return;
        }
        _combo.Holding = combo;
        _combo.WaitEndsUs = endsUs;
        // Releases that waited behind a simultaneous rule now wait behind the hold, in the order they came.
        for (int i = 0; i < _combo.HeldReleaseCount && _combo.HoldQueueCount < ComboStage.MaxHoldQueue; i++)
            _combo.HoldQueue[_combo.HoldQueueCount++] = _combo.HeldReleases[i];
        _combo.HeldReleaseCount = 0;
    }

    /// <summary>
    /// An event while the held keys wait out their combo's hold: a release of one of them ends the wait (the keys are
    /// themselves, then everything that came meanwhile, then this release); anything else waits behind them.
    /// </summary>
    private void HoldEntry(in KeyEvent e)
    {
        if (!e.Down && e.Device == _combo.Buffer[0].Device && IsBuffered(e))
        {
            AbortHold();
            Enqueue(e);
            return;
        }
        if (_combo.HoldQueueCount == ComboStage.MaxHoldQueue)
        {
            // Someone typed 32 keys while holding a combo's keys: stop waiting, they are themselves.
            AbortHold();
            ComboEntry(e);
            return;
        }
        _combo.HoldQueue[_combo.HoldQueueCount++] = e;
    }

    /// <summary>The hold was cut short: the held keys go through as themselves, then what waited behind them.</summary>
    private void AbortHold()
    {
        _combo.Holding = -1;
        int count = _combo.Count;
        _combo.Count = 0;
        _combo.LonePressUs = NowUs;
        for (int i = 0; i < count; i++) Enqueue(_combo.Buffer[i]);
        ReplayHoldQueue();
    }

    /// <summary>What came during a hold, in order; a release of an earlier fired combo's key releases that combo as usual.</summary>
    private void ReplayHoldQueue()
    {
        int count = _combo.HoldQueueCount;
        _combo.HoldQueueCount = 0;
        for (int i = 0; i < count; i++)
        {
            var queued = _combo.HoldQueue[i];
            if (!queued.Down && ReleaseFiredMember(queued)) continue;
            Enqueue(queued);
        }
    }

    private void FlushHeldReleases()
    {
        int count = _combo.HeldReleaseCount;
        _combo.HeldReleaseCount = 0;
        for (int i = 0; i < count; i++)
        {
            var held = _combo.HeldReleases[i];
            if (!ReleaseFiredMember(held)) Enqueue(held);
        }
    }

    private long TermOf(CompiledCombo combo) => combo.TermUs > 0 ? combo.TermUs : _keymap.ComboTermUs;

    /// <summary>The wait a first key starts: the longest window of the combos it could begin.</summary>
    private long LongestTerm(Usage first, int device)
    {
        long term = 0;
        foreach (var combo in _keymap.Combos)
            if (combo.Contains(first) && IsComboActive(combo, device) && TermOf(combo) > term) term = TermOf(combo);
        return term > 0 ? term : _keymap.ComboTermUs;
    }

    private bool AnyRuleCandidate(int device)
    {
        foreach (var combo in _keymap.Combos)
            if (combo.Rule is not null && combo.Keys.Length > _combo.Count && IsComboActive(combo, device) && ContainsBuffer(combo)) return true;
        return false;
    }

    private void FireCombo(int combo)
    {
        int device = _combo.Buffer[_combo.Count - 1].Device;
        var keys = _keymap.Combos[combo].Keys;
        int held = 0;
        for (int i = 0; i < _combo.Count; i++) held |= 1 << Array.IndexOf(keys, _combo.Buffer[i].Usage);
        long startUs = _combo.Buffer[0].TimeUs;
        _combo.Count = 0;
        if (_combo.FiredCount == ComboStage.MaxFired)
        {
            FlushHeldReleases();
            return; // more than 16 combos held at once: drop this one whole
        }
        _combo.Fired[_combo.FiredCount++] = new FiredCombo { Combo = combo, Device = device, Held = held, StartUs = startUs };
        Enqueue(new KeyEvent(device, new Usage(ComboPage, (ushort)combo), true, NowUs));
        FlushHeldReleases();
    }

    /// <summary>A key of a fired combo went up: the first one releases the combo, all are swallowed.</summary>
    private bool ReleaseFiredMember(in KeyEvent e)
    {
        for (int i = 0; i < _combo.FiredCount; i++)
        {
            ref var fired = ref _combo.Fired[i];
            if (fired.Device != e.Device) continue;
            int bit = Array.IndexOf(_keymap.Combos[fired.Combo].Keys, e.Usage);
            if (bit < 0 || (fired.Held & (1 << bit)) == 0) continue;
            fired.Held &= ~(1 << bit);
            var combo = _keymap.Combos[fired.Combo];
            var rule = combo.Rule;
            // key_up_when = "all": the combo's output stays until the last of its keys is up.
            bool releaseNow = !fired.Released && (!(combo.KeyUpWhenAll || rule is { KeyUpWhenAll: true }) || fired.Held == 0);
            if (releaseNow) fired.Released = true;
            var release = new KeyEvent(fired.Device, new Usage(ComboPage, (ushort)fired.Combo), false, e.TimeUs);
            bool allUp = fired.Held == 0;
            bool halted = fired.Halted;
            int comboIndex = fired.Combo, device = fired.Device;
            if (allUp) _combo.Fired[i] = _combo.Fired[--_combo.FiredCount];
            if (releaseNow) Enqueue(release);
            if (allUp && !halted && rule is { SimultaneousAfterKeyUp.Length: > 0 })
                Enqueue(new KeyEvent(device, new Usage(ComboAfterPage, (ushort)comboIndex), false, e.TimeUs));
            return true;
        }
        return false;
    }

    /// <summary>
    /// When the combo a synthetic press stands for began: its first key's press while its keys are still down, else the
    /// press's own time. A tap-hold bound to a combo times its term from there, as held from its first key (kanata).
    /// </summary>
    private long ComboStartUs(in KeyEvent e)
    {
        for (int i = 0; i < _combo.FiredCount; i++)
            if (_combo.Fired[i].Combo == e.Usage.Id && _combo.Fired[i].Device == e.Device) return _combo.Fired[i].StartUs;
        return e.TimeUs;
    }

    /// <summary>A simultaneous rule's press halted: remember it on the fired combo.</summary>
    private void MarkComboHalted(int combo, int device)
    {
        for (int i = 0; i < _combo.FiredCount; i++)
            if (_combo.Fired[i].Combo == combo && _combo.Fired[i].Device == device) _combo.Fired[i].Halted = true;
    }

    private bool IsBuffered(in KeyEvent e)
    {
        for (int i = 0; i < _combo.Count; i++)
            if (_combo.Buffer[i].Usage == e.Usage && _combo.Buffer[i].Device == e.Device) return true;
        return false;
    }

    /// <summary>
    /// Is there an active combo of at least <paramref name="minKeys"/> keys that contains every buffered key
    /// (and <paramref name="extra"/>, unless it is None)?
    /// </summary>
    private bool AnyCandidate(Usage extra, int device, int minKeys)
    {
        var combos = _keymap.Combos;
        for (int c = 0; c < combos.Length; c++)
        {
            var combo = combos[c];
            if (combo.Keys.Length < minKeys || !IsComboActive(combo, device)) continue;
            if (!extra.IsNone && !combo.Contains(extra)) continue;
            if (ContainsBuffer(combo)) return true;
        }
        return false;
    }

    private int ExactCombo()
    {
        var combos = _keymap.Combos;
        int device = _combo.Buffer[_combo.Count - 1].Device;
        for (int c = 0; c < combos.Length; c++)
        {
            var combo = combos[c];
            if (combo.Keys.Length == _combo.Count && IsComboActive(combo, device) && ContainsBuffer(combo)
                && _combo.Buffer[_combo.Count - 1].TimeUs - _combo.Buffer[0].TimeUs <= TermOf(combo)) return c;
        }
        return -1;
    }

    private bool ContainsBuffer(CompiledCombo combo)
    {
        var order = combo.Rule?.KeyDownOrder ?? Remapper.Core.Keymap.KeyOrder.Insensitive;
        for (int i = 0; i < _combo.Count; i++)
        {
            var usage = _combo.Buffer[i].Usage;
            bool fits = order switch
            {
                Remapper.Core.Keymap.KeyOrder.Strict => combo.Keys[i] == usage,
                Remapper.Core.Keymap.KeyOrder.StrictInverse => combo.Keys[combo.Keys.Length - 1 - i] == usage,
                _ => combo.Contains(usage),
            };
            if (!fits) return false;
        }
        return true;
    }

    private bool IsComboActive(CompiledCombo combo, int device)
    {
        if (combo.Profile >= 0 && (SlotOf(device)?.Profile ?? -1) != combo.Profile) return false;
        if (combo.Rule is { } rule && !(rule.From.MatchesModifiers(_output.Modifiers, out _) && rule.From.MatchesCapsLock(_output.CapsLockWanted)
            && ConditionsHold(rule.Conditions, device)))
            return false;
        if (combo.DisabledLayers.Length > 0)
        {
            var layers = _state.Layers;
            int top = layers.Count > 0 ? layers.LayerAt(layers.Count - 1) : layers.BaseLayer;
            if (Array.IndexOf(combo.DisabledLayers, top) >= 0) return false;
        }
        return _state.Layers.IsActive(combo.Layer);
    }
}
