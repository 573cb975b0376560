using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// Karabiner-style rules, with Karabiner's event order. A rule matches a key press when its from.modifiers
/// agree with the wanted output modifiers and every condition holds; the first match (in file order) wins.
/// </summary>
/// <remarks>
/// Press: the mandatory modifiers that are held are lifted (lazily), the to-events are sent — each key with its
/// own modifiers, all but the last tapped, the last held — and the lifted modifiers are restored (lazily)
/// unless the held to-key is itself a modifier. Lazy changes reach the desktop only before the next key that
/// needs them (see <see cref="OutputState"/>), so <c>control+u → control+a</c> keeps control down throughout and a
/// lifted modifier that comes back with no key in between is never sent at all.
/// Release: the held to-key goes up, the modifiers come back (lazily), then to_if_alone (with the modifiers as
/// they were when the key went down, minus the mandatory ones) and to_after_key_up, unless a to-event halted.
/// </remarks>
public sealed partial class RemapEngine
{
    /// <summary>The rule matcher's own state, reset and deadline (see <see cref="RuleStage"/>).</summary>
    private readonly RuleStage _rules = new();

    private CompiledRule? MatchRule(in KeyEvent e, out byte consumed)
    {
        consumed = 0;
        CompiledRule? best = null;
        byte held = _output.Modifiers;
        bool caps = _output.CapsLockWanted;
        if (_keymap.RulesByKey.TryGetValue(e.Usage.Packed, out var rules))
        {
            foreach (var rule in rules)
            {
                if (rule.From.MatchesModifiers(held, out var c) && rule.From.MatchesCapsLock(caps) && ConditionsHold(rule.Conditions, e.Device))
                {
                    best = rule;
                    consumed = c;
                    break;
                }
            }
        }
        foreach (var rule in _keymap.AnyKeyRules)
        {
            if (best is not null && rule.Order > best.Order) break;
            if (rule.From.MatchesKey(e.Usage) && rule.From.MatchesModifiers(held, out var c) && rule.From.MatchesCapsLock(caps)
                && ConditionsHold(rule.Conditions, e.Device))
            {
                consumed = c;
                return rule;
            }
        }
        return best;
    }

    private bool ConditionsHold(CompiledConditions conditions, int device)
    {
        if (conditions.Never) return false;
        foreach (var test in conditions.Variables)
        {
            bool equal = _state.Variables[test.Variable] == test.Value;
            if (equal == test.Negate) return false;
        }
        if (conditions.Devices.Length > 0)
        {
            var matches = SlotOf(device)?.ConditionMatches;
            foreach (var test in conditions.Devices)
            {
                bool match = matches is not null && test.Condition < matches.Length && matches[test.Condition];
                if (match == test.Negate) return false;
            }
        }
        foreach (var test in conditions.Exists)
        {
            bool exists = test.Condition < _rules.DeviceExists.Length && _rules.DeviceExists[test.Condition];
            if (exists == test.Negate) return false;
        }
        foreach (var test in conditions.Expressions)
        {
            if ((test.Expression.Evaluate(_state.Variables) != 0) == test.Negate) return false;
        }
        return true;
    }

    private void PressRule(in Trigger trigger, CompiledRule rule, byte consumed, long timeUs)
    {
        if (_active.IsFull) return;
        ref var key = ref AddActive(trigger, timeUs);
        key.Rule = rule;
        key.Consumed = consumed;
        key.DownModifiers = _output.Modifiers;
        if (rule.ToIfHeldDown.Length > 0) key.HeldDownAtUs = timeUs + rule.HeldDownThresholdUs;
        LiftMandatory(ref key);
        key.Deferred = PostAtKeyDown(rule.To, ref key);
        if (!LastIsModifier(rule.To, trigger)) RestoreMandatory(ref key);
        if (rule.HasDelayedAction) ScheduleDelayed(rule, key, timeUs);
        if (key.Halted && trigger.Usage.Page == ComboPage) MarkComboHalted(trigger.Usage.Id, trigger.Device);
    }

    private void ReleaseRule(ref ActiveKey key, long timeUs)
    {
        var rule = key.Rule!;
        ReleaseDeferred(ref key);
        RestoreMandatory(ref key);
        if (rule.ToIfAlone.Length > 0 && !key.OtherKeyPressed && timeUs - key.PressTimeUs < rule.AloneTimeoutUs)
        {
            var (added, removed) = ScopeModifiers(key.DownModifiers);
            LiftMandatory(ref key);
            key.Halted |= PostExtra(rule.ToIfAlone, key.Device, key.Halted, key.Trigger);
            RestoreMandatory(ref key);
            UnscopeModifiers(added, removed);
        }
        if (rule.ToAfterKeyUp.Length > 0)
        {
            LiftMandatory(ref key);
            key.Halted |= PostExtra(rule.ToAfterKeyUp, key.Device, key.Halted, key.Trigger);
            RestoreMandatory(ref key);
        }
    }

    /// <summary>to_if_held_down: the held to-key is let go and the held-down events are sent as if the key went down again.</summary>
    private void FireHeldDown(ref ActiveKey key)
    {
        key.HeldDownAtUs = long.MaxValue;
        if (key.Rule is not { } rule || rule.ToIfHeldDown.Length == 0) return;
        ReleaseDeferred(ref key);
        RestoreMandatory(ref key);
        LiftMandatory(ref key);
        key.Deferred = PostAtKeyDown(rule.ToIfHeldDown, ref key);
        if (!LastIsModifier(rule.ToIfHeldDown, key.Trigger)) RestoreMandatory(ref key);
    }

    /// <summary>Another key went down: held rule keys are no longer "alone", and pending held-down thresholds are off.</summary>
    private void MarkOtherKeysPressed()
    {
        for (int i = 0; i < _active.Count; i++)
        {
            ref var key = ref _active[i];
            key.OtherKeyPressed = true;
            key.HeldDownAtUs = long.MaxValue;
        }
    }

    /// <summary>to_if_other_key_pressed: a held rule key whose entry names this key sends that entry's to instead of its own.</summary>
    private void CheckOtherKeyPressed(in KeyEvent e)
    {
        for (int i = 0; i < _active.Count; i++)
        {
            ref var key = ref _active[i];
            if (key.Rule is not { } rule || rule.ToIfOtherKeyPressed.Length == 0 || key.OtherTriggered) continue;
            foreach (var entry in rule.ToIfOtherKeyPressed)
            {
                if (!MatchesAny(entry.OtherKeys, e.Usage, out byte consumed)) continue;
                key.OtherTriggered = true;
                ReleaseDeferred(ref key);
                RestoreMandatory(ref key);
                LiftBits(consumed);
                key.OtherDeferred = PostAtKeyDown(entry.To, ref key);
                if (!LastIsModifier(entry.To, key.Trigger)) RestoreBits(consumed);
                else key.OtherLifted = consumed;
                break;
            }
        }
    }

    /// <summary>The last event of a list is a modifier key (Karabiner then keeps the lifted from-modifiers lifted while it is held).</summary>
    private static bool LastIsModifier(ToEvent[] events, in Trigger trigger) => events.Length > 0 && events[^1].IsModifierKeyFor(trigger);

    private bool MatchesAny(CompiledFrom[] froms, Usage usage, out byte consumed)
    {
        foreach (var from in froms)
            if (from.MatchesKey(usage) && from.MatchesModifiers(_output.Modifiers, out consumed) && from.MatchesCapsLock(_output.CapsLockWanted)) return true;
        consumed = 0;
        return false;
    }

    /// <summary>
    /// Sends a rule's key-down events (Karabiner's post_events_at_key_down): every event whose conditions hold,
    /// all but the last tapped, the last held (returned, to be let go when the key goes up) unless repeat is off.
    /// </summary>
    private ToEvent? PostAtKeyDown(ToEvent[] events, ref ActiveKey key)
    {
        if (key.Halted) return null;
        // Conditions are read before any event is sent, as Karabiner does: a set_variable early in the list
        // does not change which later events are sent. (Lists longer than 64 events: the rest are unconditional.)
        ulong passing = 0;
        int last = -1;
        for (int i = 0; i < events.Length; i++)
        {
            if (i < 64 && !ConditionsHold(events[i].Conditions, key.Device)) continue;
            if (i < 64) passing |= 1UL << i;
            last = i;
        }
        ToEvent? held = null;
        var trigger = key.Trigger;
        for (int i = 0; i <= last; i++)
        {
            var ev = events[i];
            if (i < 64 && (passing & (1UL << i)) == 0) continue;
            bool modifierKey = ev.IsModifierKeyFor(trigger);
            PressEvent(ev, modifiersLazy: !modifierKey || ev.Lazy, trigger);
            if (ev.Halt) key.Halted = true;
            if (i != last || !ev.Repeat)
            {
                ReleaseEvent(ev, trigger, allowHoldDown: true);
                ReleaseEventModifiers(ev);
            }
            else
            {
                held = ev;
                if (!modifierKey) ReleaseEventModifiers(ev);
            }
        }
        return held;
    }

    /// <summary>Karabiner's post_extra_to_events (to_if_alone, to_after_key_up, delayed actions): every event tapped. True if one halted.</summary>
    private bool PostExtra(ToEvent[] events, int device, bool halted, in Trigger trigger)
    {
        if (halted) return true;
        bool halt = false;
        foreach (var ev in events)
        {
            if (!ConditionsHold(ev.Conditions, device)) continue;
            PressEvent(ev, modifiersLazy: true, trigger);
            halt |= ev.Halt;
            ReleaseEvent(ev, trigger, allowHoldDown: true);
            ReleaseEventModifiers(ev);
        }
        return halt;
    }

    private void PressEvent(ToEvent ev, bool modifiersLazy, in Trigger trigger)
    {
        if (ev.HasModifiers)
        {
            foreach (var m in ev.Modifiers) _output.ChangeModifier(m, +1, modifiersLazy);
            if (ev.VkNone) _output.SyncModifiers();
            else if (ev.IsModifierKeyFor(trigger)) _output.ChangeModifier(ev.KeyFor(trigger), +1, ev.Lazy);
            else _output.Press(ev.KeyFor(trigger));
            ev.Action?.Press(_state, trigger); // a mouse_key with modifiers: the modifiers, then the pointer
        }
        else if (ev.Variable >= 0) _state.Variables[ev.Variable] = ev.Expression is { } x ? x.Evaluate(_state.Variables) : ev.Value;
        else if (!ev.StickyModifier.IsNone) _output.Sticky(ev.StickyModifier, ev.StickyKind);
        else ev.Action?.Press(_state, trigger);
    }

    private void ReleaseEvent(ToEvent ev, in Trigger trigger, bool allowHoldDown)
    {
        if (ev.IsKey)
        {
            if (allowHoldDown && ev.HoldDownUs > 0 && _rules.HoldDownCount < RuleStage.MaxHoldDowns)
            {
                _rules.HoldDowns[_rules.HoldDownCount++] = new PendingHoldDown { Key = ev.KeyFor(trigger), Lazy = ev.Lazy, AtUs = NowUs + ev.HoldDownUs };
                return;
            }
            ReleaseKey(ev.KeyFor(trigger), ev.Lazy);
            ev.Action?.Release(_state, trigger);
        }
        else if (ev.Variable >= 0)
        {
            if (ev.KeyUpExpression is { } x) _state.Variables[ev.Variable] = x.Evaluate(_state.Variables);
            else if (ev.HasKeyUpValue) _state.Variables[ev.Variable] = ev.KeyUpValue;
        }
        else ev.Action?.Release(_state, trigger);
    }

    private void ReleaseKey(Usage usage, bool lazy)
    {
        if (usage.IsModifier) _output.ChangeModifier(usage, -1, lazy);
        else _output.Release(usage);
    }

    private void ReleaseEventModifiers(ToEvent ev)
    {
        if (!ev.HasModifiers) return;
        foreach (var m in ev.Modifiers) _output.ChangeModifier(m, -1, lazy: true);
    }

    /// <summary>The held to-events of a press go up (Karabiner's events_at_key_up).</summary>
    private void ReleaseDeferred(ref ActiveKey key)
    {
        var trigger = key.Trigger;
        if (key.Deferred is { } held)
        {
            key.Deferred = null;
            ReleaseEvent(held, trigger, allowHoldDown: false);
            if (held.IsModifierKeyFor(trigger)) ReleaseEventModifiers(held);
        }
        if (key.OtherDeferred is { } other)
        {
            key.OtherDeferred = null;
            ReleaseEvent(other, trigger, allowHoldDown: false);
            if (other.IsModifierKeyFor(trigger)) ReleaseEventModifiers(other);
            RestoreBits(key.OtherLifted);
            key.OtherLifted = 0;
        }
    }

    /// <summary>Lifts (lazily) the mandatory modifiers this press used that are still held and not lifted yet.</summary>
    private void LiftMandatory(ref ActiveKey key)
    {
        byte bits = (byte)(key.Consumed & ~key.Lifted & _output.Modifiers);
        key.Lifted |= bits;
        LiftBits(bits);
        if (key.Rule?.From.CapsLockMandatory == true && !key.CapsLifted && _output.CapsLockWanted)
        {
            key.CapsLifted = true;
            _output.ChangeCapsLock(-1);
        }
    }

    private void RestoreMandatory(ref ActiveKey key)
    {
        byte bits = key.Lifted;
        key.Lifted = 0;
        RestoreBits(bits);
        if (key.CapsLifted)
        {
            key.CapsLifted = false;
            _output.ChangeCapsLock(+1);
        }
    }

    private void LiftBits(byte bits) => ChangeBits(bits, -1);

    private void RestoreBits(byte bits) => ChangeBits(bits, +1);

    private void ChangeBits(byte bits, int delta)
    {
        for (int bit = 0; bit < 8; bit++)
            if ((bits & (1 << bit)) != 0) _output.ChangeModifier(Usage.Key((ushort)(0xE0 + bit)), delta, lazy: true);
    }

    /// <summary>Makes the wanted modifiers <paramref name="target"/> for a while (Karabiner's scoped restorer); undo with <see cref="UnscopeModifiers"/>.</summary>
    private (byte Added, byte Removed) ScopeModifiers(byte target)
    {
        byte now = _output.Modifiers;
        byte added = (byte)(target & ~now), removed = (byte)(now & ~target);
        RestoreBits(added);
        LiftBits(removed);
        return (added, removed);
    }

    private void UnscopeModifiers(byte added, byte removed)
    {
        LiftBits(added);
        RestoreBits(removed);
    }

    private void ScheduleDelayed(CompiledRule rule, in ActiveKey key, long timeUs)
    {
        for (int i = 0; i < _rules.DelayedCount; i++)
        {
            if (!ReferenceEquals(_rules.Delayed[i].Rule, rule)) continue;
            _rules.Delayed[i] = _rules.Delayed[--_rules.DelayedCount]; // debounced: the newer press replaces it
            break;
        }
        if (_rules.DelayedCount == RuleStage.MaxDelayedActions) return;
        _rules.Delayed[_rules.DelayedCount++] = new PendingDelayed
        {
            Rule = rule,
            Token = key.Token,
            Device = key.Device,
            AtUs = timeUs + rule.DelayedActionDelayUs,
            DownModifiers = key.DownModifiers,
            Consumed = key.Consumed,
        };
    }

    /// <summary>A key went down: the delayed actions waiting of rules before <paramref name="beforeOrder"/> (except the one this press started) are canceled.</summary>
    private void CancelDelayedActions(int exceptToken, int beforeOrder)
    {
        for (int i = 0; i < _rules.DelayedCount;)
        {
            if (_rules.Delayed[i].Token == exceptToken || _rules.Delayed[i].Rule.Order >= beforeOrder) { i++; continue; }
            var pending = _rules.Delayed[i];
            _rules.Delayed[i] = _rules.Delayed[--_rules.DelayedCount];
            PostDelayed(pending, pending.Rule.ToIfCanceled!);
        }
    }

    private void PostDelayed(in PendingDelayed pending, ToEvent[] events)
    {
        var (added, removed) = ScopeModifiers(pending.DownModifiers);
        LiftBits(pending.Consumed);
        PostExtra(events, pending.Device, halted: false, new Trigger(pending.Token, pending.Device, pending.Rule.From.Key));
        RestoreBits(pending.Consumed);
        UnscopeModifiers(added, removed);
    }

    private void FireRuleTimers(long deadline)
    {
        for (int i = 0; i < _rules.HoldDownCount;)
        {
            if (_rules.HoldDowns[i].AtUs > deadline) { i++; continue; }
            var hold = _rules.HoldDowns[i];
            _rules.HoldDowns[i] = _rules.HoldDowns[--_rules.HoldDownCount];
            ReleaseKey(hold.Key, hold.Lazy);
        }
        for (int i = 0; i < _rules.DelayedCount;)
        {
            if (_rules.Delayed[i].AtUs > deadline) { i++; continue; }
            var pending = _rules.Delayed[i];
            _rules.Delayed[i] = _rules.Delayed[--_rules.DelayedCount];
            PostDelayed(pending, pending.Rule.ToIfInvoked!);
        }
    }

    /// <summary>Recomputes which device conditions some attached keyboard matches (on attach, detach and keymap swap).</summary>
    private void RefreshDeviceExists()
    {
        var exists = new bool[_keymap.DeviceConditions.Length];
        foreach (var slot in _slots)
        {
            if (!slot.InUse) continue;
            for (int i = 0; i < exists.Length && i < slot.ConditionMatches.Length; i++) exists[i] |= slot.ConditionMatches[i];
        }
        _rules.DeviceExists = exists;
    }
}
