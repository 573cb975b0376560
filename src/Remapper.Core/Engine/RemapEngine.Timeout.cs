using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

/// <summary>
/// The timeout stage's moments (see <see cref="TimeoutStage"/>): a key event that decides the waiting timeout is
/// let through only after the decision (so the key it presses is looked up with the before action's layer already
/// on), and the time passing is a timer like any other.
/// </summary>
public sealed partial class RemapEngine
{
    /// <summary>Before <paramref name="e"/> is dispatched: if it decides the waiting timeout, its before action goes first.</summary>
    private void DecideTimeoutBy(in KeyEvent e)
    {
        var timeouts = _state.Timeouts;
        int own = 0;
        if (!e.Down && !timeouts.Tapped)
        {
            int i = _active.Find(e.Device, e.Usage);
            if (i >= 0) own = _active[i].Token;
        }
        if (!timeouts.DecidedBy(e, own)) return;
        ResolveTimeout(timeouts.Action.Before);
    }

    /// <summary>The time passed with no decision: the after action.</summary>
    private void FireTimeout()
    {
        ResolveTimeout(_state.Timeouts.Action.After);
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
    }

    /// <summary>
    /// Presses <paramref name="chosen"/> for the waiting key in place of the timeout: held, it stays down until the
    /// key's release (which finds it as the key's action); tapped, it goes up at once. A timeout chosen starts its
    /// own wait.
    /// </summary>
    private void ResolveTimeout(KeyAction chosen)
    {
        var timeouts = _state.Timeouts;
        var trigger = timeouts.Trigger;
        bool tapped = timeouts.Tapped;
        timeouts.Reset();
        int i = FindToken(trigger.Token);
        if (i >= 0) _active.RemoveAt(i);
        else tapped = true; // nothing holds it any more: never leave the choice down
        PressChosen(trigger, chosen, NowUs);
        // A layer it chose that holds modifiers presses them now, ahead of the key that decided (keyd's order).
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
        if (!tapped) return;
        int held = FindToken(trigger.Token);
        if (held >= 0) ReleaseActive(held, NowUs);
    }

    /// <summary>An action pressed for a key after its press was dispatched (a timeout's choice): overload keys arm their tap too.</summary>
    private void PressChosen(in Trigger trigger, KeyAction action, long timeUs)
    {
        // The timeout's press left waiting one-shots alone: the key it becomes uses them up (keyd's order).
        if (action is not (OneShotLayerAction or OverloadKeyAction or TimeoutKeyAction)) _state.Layers.ConsumeOneShots();
        _lookupModifiers = 0;
        if (action is OverloadKeyAction overload)
        {
            ActivateOverload(trigger, overload, timeUs);
            return;
        }
        Activate(trigger, action, timeUs);
    }

    private int FindToken(int token)
    {
        for (int i = 0; i < _active.Count; i++)
            if (_active[i].Token == token) return i;
        return -1;
    }
}
