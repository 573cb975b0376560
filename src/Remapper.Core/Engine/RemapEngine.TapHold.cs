using Remapper.Core.Engine.Actions;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>
/// Tap-hold: a key pressed with a tap-hold action stays undecided, and every later event waits in the
/// queue, until one of these happens (in event order):
/// its own release → tap (unless the term has passed); the term passes → hold;
/// hold_on_other_key_press: another key goes down → hold;
/// permissive_hold: another key goes down and up again → hold.
/// After the decision the waiting events are replayed in their original order.
/// Quick tap: pressed again within quick_tap_ms of its tap, the key presses (and holds) its tap at once.
/// </summary>
public sealed partial class RemapEngine
{
    private struct PendingTapHold
    {
        public bool Active;
        public Trigger Trigger;
        public TapHoldKeyAction Action;
        public long PressTimeUs;
        public long DeadlineUs;
    }

    private struct LastTap
    {
        public bool Valid;
        public int Device;
        public Hid.Usage Usage;
        public long TimeUs;
    }

    private PendingTapHold _pending;

    /// <summary>How many queued events the pending tap-hold has already looked at without deciding.</summary>
    private int _examined;

    private LastTap _lastTap;

    private void BeginTapHold(in Trigger trigger, TapHoldKeyAction action, long timeUs)
    {
        if (action.QuickTapUs > 0 && _lastTap.Valid && _lastTap.Device == trigger.Device
            && _lastTap.Usage == trigger.Usage && timeUs - _lastTap.TimeUs < action.QuickTapUs)
        {
            _lastTap = default;
            Activate(trigger, action.TapAction, timeUs);
            return;
        }
        _pending = new PendingTapHold
        {
            Active = true,
            Trigger = trigger,
            Action = action,
            PressTimeUs = timeUs,
            DeadlineUs = timeUs + action.TermUs,
        };
        _examined = 0;
    }

    /// <summary>Processes queued events until the queue is empty or a tap-hold is waiting for more.</summary>
    private void Pump()
    {
        while (true)
        {
            if (_pending.Active)
            {
                if (_examined >= _queue.Count) return;
                if (!DecidesPending(_examined)) _examined++;
            }
            else
            {
                if (_queue.Count == 0) return;
                var e = _queue.Dequeue();
                Dispatch(e);
            }
        }
    }

    /// <summary>Shows queued event <paramref name="index"/> to the pending tap-hold; true if that decided it.</summary>
    private bool DecidesPending(int index)
    {
        ref readonly var e = ref _queue[index];
        if (e.TimeUs >= _pending.DeadlineUs)
        {
            // Replayed from earlier: the term ran out before this event happened.
            DecideHold();
            return true;
        }
        ref readonly var key = ref _pending.Trigger;
        if (!e.Down && e.Device == key.Device && e.Usage == key.Usage)
        {
            _queue.RemoveAt(index);
            DecideTap();
            return true;
        }
        var mode = _pending.Action.Mode;
        if (e.Down)
        {
            if (mode != HoldMode.HoldOnOtherKeyPress) return false;
            DecideHold();
            return true;
        }
        if (mode == HoldMode.PermissiveHold && WentDownWhilePending(e, index))
        {
            DecideHold();
            return true;
        }
        return false;
    }

    private bool WentDownWhilePending(in KeyEvent up, int before)
    {
        for (int i = 0; i < before; i++)
        {
            ref readonly var e = ref _queue[i];
            if (e.Down && e.Device == up.Device && e.Usage == up.Usage) return true;
        }
        return false;
    }

    private void DecideHold()
    {
        var pending = _pending;
        _pending = default;
        _examined = 0;
        Activate(pending.Trigger, pending.Action.HoldAction, pending.PressTimeUs);
    }

    private void DecideTap()
    {
        var pending = _pending;
        _pending = default;
        _examined = 0;
        pending.Action.TapAction.Tap(_state, pending.Trigger);
        _lastTap = new LastTap { Valid = true, Device = pending.Trigger.Device, Usage = pending.Trigger.Usage, TimeUs = NowUs };
    }
}
