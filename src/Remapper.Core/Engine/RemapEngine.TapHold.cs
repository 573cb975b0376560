using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

/// <summary>
/// Tap-hold: a key pressed with a tap-hold action stays undecided, and every later event waits in the
/// queue, until one of these happens (in event order):
/// its own release → tap (unless the term has passed); the term passes → hold (or the timeout action);
/// another key's press, or press and release, that decides by the key lists, the hands or the mode
/// (hold_on_other_key_press: a press → hold; permissive_hold: a press and release → hold).
/// After the decision the waiting events are replayed in their original order.
/// Quick tap / require prior idle: the key taps at once (and holds its tap while held). The decisions and the
/// state are <see cref="TapHoldStage"/>'s; this part only acts on them.
/// </summary>
public sealed partial class RemapEngine
{
    private readonly TapHoldStage _tapHold = new();

    private void BeginTapHold(in Trigger trigger, TapHoldKeyAction action, long timeUs)
    {
        if (_tapHold.Begin(trigger, action, timeUs)) Activate(trigger, action.TapAction, timeUs);
        else if (action.ExpiredTermAtNextEvent) _tapHold.DeferExpiredTerm(NowUs);
    }

    /// <summary>Processes queued events until the queue is empty or a tap-hold is waiting for more.</summary>
    private void Pump()
    {
        while (true)
        {
            if (_tapHold.Active)
            {
                if (_tapHold.Examined >= _queue.Count) return;
                if (!DecidesPending(_tapHold.Examined)) _tapHold.Examined++;
            }
            else if (_tapDance.Active)
            {
                if (_tapDance.Examined >= _queue.Count) return;
                if (!DanceDecides(_tapDance.Examined)) _tapDance.Examined++;
            }
            else
            {
                if (_queue.Count == 0) return;
                var e = _queue.Dequeue();
                Dispatch(e);
            }
        }
    }

    /// <summary>
    /// Shows queued event <paramref name="index"/> to the pending tap-hold; true if that decided it or the event
    /// was let through (either way the queue changed and the same index must be looked at again).
    /// </summary>
    private bool DecidesPending(int index)
    {
        switch (_tapHold.Examine(_queue, index))
        {
            case TapHoldStep.Timeout:
                DecideTimeout();
                return true;
            case TapHoldStep.TapOnRelease:
                DecideTapOnRelease(index);
                return true;
            case TapHoldStep.TapNow:
                DecideTapNow();
                return true;
            case TapHoldStep.Hold:
                DecideHold();
                return true;
            case TapHoldStep.LetThrough:
                Dispatch(_queue.Dequeue());
                return true;
            default:
                return false;
        }
    }

    /// <summary>The term ran out (a timer, or a replayed event that came later): the timeout action, by default the hold.</summary>
    private void DecideTimeout()
    {
        var trigger = _tapHold.Trigger;
        var action = _tapHold.Action;
        long pressUs = _tapHold.PressTimeUs;
        _tapHold.End();
        Activate(trigger, action.TimeoutAction, pressUs);
        if (!ReferenceEquals(action.TimeoutAction, action.HoldAction)) _tapHold.NoteTyped(pressUs);
        // A hold that is a layer holding modifiers presses them at the decision: decided by an event (an expired term
        // seen at the next event), its key may go up within the same event, and the modifiers must still be typed.
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
    }

    private void DecideHold()
    {
        var trigger = _tapHold.Trigger;
        var action = _tapHold.Action;
        long pressUs = _tapHold.PressTimeUs;
        _tapHold.End();
        Activate(trigger, action.HoldAction, pressUs);
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard); // as in DecideTimeout
    }

    /// <summary>Another key decided tap: the tap goes down now and up with the key's own release.</summary>
    private void DecideTapNow()
    {
        var trigger = _tapHold.Trigger;
        var action = _tapHold.Action;
        long pressUs = _tapHold.PressTimeUs;
        _tapHold.End();
        Activate(trigger, action.TapAction, pressUs);
        _tapHold.NoteTyped(pressUs);
    }

    private void DecideTapOnRelease(int releaseIndex)
    {
        var trigger = _tapHold.Trigger;
        var action = _tapHold.Action;
        long pressUs = _tapHold.PressTimeUs;
        _tapHold.End();
        _tapHold.NoteTyped(pressUs);
        if (action.Decisions.ReplayUnderTap && releaseIndex > 0)
        {
            // The release stays queued: the keys that waited are replayed with the tap down, and the release lifts it.
            Activate(trigger, action.TapAction, pressUs);
            _tapHold.NoteTap(trigger, _queue[releaseIndex].TimeUs);
            return;
        }
        _queue.RemoveAt(releaseIndex);
        if (!SequenceTap(trigger, action.TapAction)) action.TapAction.Tap(_state, trigger);
        _tapHold.NoteTap(trigger, NowUs);
    }
}
