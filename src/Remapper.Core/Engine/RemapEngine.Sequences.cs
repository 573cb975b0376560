using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>
/// Sequences (<c>leader()</c> and <c>[sequences]</c>): while the <see cref="SequenceStage"/> listens, a key whose action
/// types keys (the key itself, a chord, a nop key) is shown to it — typed as well with visible_backspaced, held back
/// otherwise. A match erases what was typed (visible_backspaced), lets go of the sequence's keys still held, and taps
/// the sequence's action; no match types the held-back keys with hidden_delay_type. Every press is still recorded, so
/// its release undoes exactly what it did.
/// </summary>
public sealed partial class RemapEngine
{
    private static bool IsSequenceInput(KeyAction action) => action is SelfKeyAction or ChordKeyAction or NopKeyAction;

    /// <summary>A typing key pressed while a sequence is listened for.</summary>
    private void SequencePress(in Trigger trigger, KeyAction action, long timeUs)
    {
        if (_active.IsFull) return;
        var sequences = _state.Sequences;
        bool visible = sequences.Mode == SequenceInputMode.VisibleBackspaced;
        AddActive(trigger, timeUs).Action = visible ? action : NoOpAction.Instance;
        if (visible) action.Press(_state, trigger);
        switch (action)
        {
            case SelfKeyAction:
                SequenceKey(trigger, trigger.Usage);
                break;
            case NopKeyAction nop:
                SequenceKey(trigger, nop.Usage);
                break;
            case ChordKeyAction chord:
                var keys = chord.Keys;
                for (int i = 0; i < keys.Length && sequences.Active; i++) SequenceKey(trigger, keys[i]);
                break;
        }
    }

    /// <summary>A typing key tapped at once (a tap-hold's tap decided at its release) while a sequence listens: a press, then a release.</summary>
    private bool SequenceTap(in Trigger trigger, KeyAction action)
    {
        if (!_state.Sequences.Active || !IsSequenceInput(action) || _active.IsFull) return false;
        SequencePress(trigger, action, NowUs);
        for (int i = 0; i < _active.Count; i++)
        {
            if (_active[i].Token != trigger.Token) continue;
            var key = _active.RemoveAt(i);
            key.Action?.Release(_state, key.Trigger);
            SequenceKeyUp(key.Token);
            break;
        }
        return true;
    }

    private void SequenceKey(in Trigger trigger, Usage key)
    {
        var outcome = _state.Sequences.Press(trigger.Token, key, _output.Modifiers, NowUs);
        EndSequence(outcome, trigger.Device);
    }

    /// <summary>Press <paramref name="token"/> went up (after its action's release).</summary>
    private void SequenceKeyUp(int token)
    {
        if (!_state.Sequences.Active) return;
        EndSequence(_state.Sequences.Release(token), device: -1);
    }

    private void FireSequenceTimeout() => EndSequence(_state.Sequences.Timeout(), device: -1);

    private void EndSequence(SequenceOutcome outcome, int device)
    {
        var sequences = _state.Sequences;
        if (outcome == SequenceOutcome.Matched) SequenceMatched(sequences, device);
        else if (outcome == SequenceOutcome.Cancelled)
        {
            if (sequences.Mode == SequenceInputMode.HiddenDelayType)
                for (int i = 0; i < sequences.RawCount; i++)
                {
                    var key = sequences.RawAt(i);
                    if (key.Page == SequenceCodes.NopPage) continue;
                    _output.Press(key);
                    _output.Release(key);
                }
        }
        else return;
        sequences.Finish();
    }

    private void SequenceMatched(SequenceStage sequences, int device)
    {
        var path = sequences.Table.PathAt(sequences.MatchedPath);
        if (sequences.Mode == SequenceInputMode.VisibleBackspaced)
        {
            // Control, alt and command held would turn the backspaces into shortcuts: they go up for good (kanata's way).
            for (int i = 0; i < _active.Count; i++)
            {
                ref var held = ref _active[i];
                if (held.Action is not SelfKeyAction || !IsShortcutModifier(held.Usage)) continue;
                held.Action!.Release(_state, held.Trigger);
                held.Action = NoOpAction.Instance;
            }
            for (int i = 0; i < path.Length; i++)
            {
                if (!SequenceCodes.Erasable(path[i])) continue;
                _output.Press(Usages.Backspace);
                _output.Release(Usages.Backspace);
            }
        }
        // The sequence's keys still held go up now; their releases later do nothing.
        for (int h = 0; h < sequences.HeldCount; h++)
        {
            if (!InPath(path, sequences.HeldUsageAt(h))) continue;
            int token = sequences.HeldTokenAt(h);
            for (int i = 0; i < _active.Count; i++)
            {
                ref var held = ref _active[i];
                if (held.Token != token || held.Action is null) continue;
                held.Action!.Release(_state, held.Trigger);
                held.Action = NoOpAction.Instance;
            }
        }
        var action = sequences.Table.ActionAt(sequences.MatchedPath);
        sequences.Finish();
        action.Tap(_state, new Trigger(_nextToken++, device, default));
    }

    private static bool InPath(ulong[] path, Usage key)
    {
        ulong code = key.Packed;
        for (int i = 0; i < path.Length; i++)
            if (path[i] != SequenceCodes.Marker && (path[i] & SequenceCodes.Keys) == code) return true;
        return false;
    }

    private static bool IsShortcutModifier(Usage usage) =>
        usage.IsModifier && usage != Usages.LeftShift && usage != Usages.RightShift;
}
