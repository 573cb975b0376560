using Remapper.Core.Engine.Actions;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>What the pending tap-hold makes of the queued event it was shown.</summary>
internal enum TapHoldStep
{
    /// <summary>Nothing decided: look at the next queued event.</summary>
    Wait,
    /// <summary>Let the event through now (a release of a key pressed before the tap-hold).</summary>
    LetThrough,
    /// <summary>Its own release, before the term: tap (the release is still in the queue).</summary>
    TapOnRelease,
    /// <summary>Another key decided tap: the tap goes down and stays down while the key is held.</summary>
    TapNow,
    Hold,
    /// <summary>The event happened after the term ran out: the term decided first.</summary>
    Timeout,
}

/// <summary>
/// The tap-hold stage's own state: the one undecided tap-hold, how far into the queue it has looked, the last tap
/// (for quick tap) and the last key that typed (for require-prior-idle). It decides; the engine acts
/// (RemapEngine.TapHold.cs). <see cref="Reset"/> forgets everything; <see cref="DeadlineUs"/> is its only timer.
/// </summary>
internal sealed class TapHoldStage
{
    private struct LastTap
    {
        public bool Valid;
        public int Device;
        public Hid.Usage Usage;
        public long TimeUs;
    }

    private LastTap _lastTap;
    private long _lastTypedUs = long.MinValue;

    public bool Active { get; private set; }
    public Trigger Trigger { get; private set; }
    public TapHoldKeyAction Action { get; private set; } = null!;
    public long PressTimeUs { get; private set; }

    /// <summary>When the term runs out, or <see cref="long.MaxValue"/> with nothing pending.</summary>
    public long DeadlineUs { get; private set; } = long.MaxValue;

    /// <summary>How many queued events the pending tap-hold has already looked at without deciding.</summary>
    public int Examined { get; set; }

    public bool IsPending(int token) => Active && Trigger.Token == token;

    /// <summary>
    /// A tap-hold key went down. True when it decides tap at once: pressed again within quick_tap_ms of its tap,
    /// or within require_prior_idle_ms of the last key that typed. Otherwise it is pending from now.
    /// </summary>
    public bool Begin(in Trigger trigger, TapHoldKeyAction action, long timeUs)
    {
        if (action.QuickTapUs > 0 && _lastTap.Valid && _lastTap.Device == trigger.Device
            && _lastTap.Usage == trigger.Usage && timeUs - _lastTap.TimeUs < action.QuickTapUs)
        {
            _lastTap = default;
            return true;
        }
        if (action.PriorIdleUs > 0 && _lastTypedUs != long.MinValue && timeUs - _lastTypedUs < action.PriorIdleUs)
            return true;
        Active = true;
        Trigger = trigger;
        Action = action;
        PressTimeUs = timeUs;
        DeadlineUs = timeUs + action.TermUs;
        Examined = 0;
        return false;
    }

    /// <summary>The term ran out before the key was reached (<c>expired_term = "next_event"</c>): no timer, the next event decides.</summary>
    private bool _expired;

    /// <summary>With <c>expired_term = "next_event"</c>: a term already over by <paramref name="nowUs"/> is left to the next key event.</summary>
    public void DeferExpiredTerm(long nowUs)
    {
        if (!Active || DeadlineUs > nowUs) return;
        _expired = true;
        DeadlineUs = long.MaxValue;
    }

    /// <summary>Ends the pending decision (the engine then runs tap, hold or timeout).</summary>
    public void End()
    {
        Active = false;
        _expired = false;
        Action = null!;
        DeadlineUs = long.MaxValue;
        Examined = 0;
    }

    /// <summary>A press typed something (not a tap-hold that went on to hold): require-prior-idle counts from it.</summary>
    public void NoteTyped(long timeUs)
    {
        if (timeUs > _lastTypedUs) _lastTypedUs = timeUs;
    }

    public void NoteTap(in Trigger trigger, long timeUs) =>
        _lastTap = new LastTap { Valid = true, Device = trigger.Device, Usage = trigger.Usage, TimeUs = timeUs };

    public void Reset()
    {
        End();
        _lastTap = default;
        _lastTypedUs = long.MinValue;
    }

    /// <summary>Shows queued event <paramref name="index"/> to the pending tap-hold.</summary>
    public TapHoldStep Examine(EventQueue queue, int index)
    {
        ref readonly var e = ref queue[index];
        if (e.TimeUs >= DeadlineUs) return TapHoldStep.Timeout; // replayed from earlier: the term ran out first
        var key = Trigger;
        if (_expired)
        {
            bool own = e.Device == key.Device && e.Usage == key.Usage;
            return !e.Down && index == 0 && !own ? TapHoldStep.LetThrough : TapHoldStep.Timeout;
        }
        if (!e.Down && e.Device == key.Device && e.Usage == key.Usage) return TapHoldStep.TapOnRelease;
        // The release of a key pressed before the tap-hold, with nothing waiting ahead of it: letting it out now
        // reorders nothing, and holding it would keep the key down (and auto-repeating) for no reason.
        if (!e.Down && index == 0) return TapHoldStep.LetThrough;
        var decisions = Action.Decisions;
        if (e.Down)
        {
            var step = Step(decisions.OnPress(key.Usage, e.Usage, Action.Mode));
            // reset_term_on_press: a press that leaves it undecided starts the term again (kanata's reset-timeout-on-press).
            if (step == TapHoldStep.Wait && Action.ResetTermOnPress) DeadlineUs = e.TimeUs + Action.TermUs;
            return step;
        }
        long pressedUs = PressedWhilePending(queue, e, index);
        if (pressedUs == long.MinValue || pressedUs - PressTimeUs < Action.ReleaseGraceUs) return TapHoldStep.Wait;
        return Step(decisions.OnRelease(key.Usage, e.Usage, Action.Mode));
    }

    private static TapHoldStep Step(TapHoldChoice choice) => choice switch
    {
        TapHoldChoice.Tap => TapHoldStep.TapNow,
        TapHoldChoice.Hold => TapHoldStep.Hold,
        _ => TapHoldStep.Wait,
    };

    /// <summary>When the key of <paramref name="up"/> went down while the tap-hold waited, or <see cref="long.MinValue"/>.</summary>
    private static long PressedWhilePending(EventQueue queue, in KeyEvent up, int before)
    {
        for (int i = 0; i < before; i++)
        {
            ref readonly var e = ref queue[i];
            if (e.Down && e.Device == up.Device && e.Usage == up.Usage) return e.TimeUs;
        }
        return long.MinValue;
    }
}
