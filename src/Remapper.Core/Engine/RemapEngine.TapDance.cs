using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

/// <summary>
/// Tap-dance: the key's presses are counted while later events wait in the queue, as behind a tap-hold. When
/// another key goes down, the term passes after the last press, or the last step is reached, the step for the
/// count runs: held if the key is down then (until it goes up), tapped if not. The state is <see cref="TapDanceStage"/>'s.
/// </summary>
public sealed partial class RemapEngine
{
    private readonly TapDanceStage _tapDance = new();

    private void BeginTapDance(in Trigger trigger, TapDanceKeyAction action, long timeUs)
    {
        _tapDance.Begin(trigger, action, timeUs);
        if (_tapDance.Complete) DecideTapDance();
    }

    /// <summary>Shows the next queued event to the dance; false when it only waits (look further).</summary>
    private bool DanceDecides(int index)
    {
        switch (_tapDance.Examine(_queue, index))
        {
            case TapDanceStep.Consumed:
                _queue.RemoveAt(index);
                if (_tapDance.Complete) DecideTapDance();
                return true;
            case TapDanceStep.Decide:
                DecideTapDance();
                return true;
            case TapDanceStep.LetThrough:
                Dispatch(_queue.Dequeue());
                return true;
            default:
                return false;
        }
    }

    private void DecideTapDance()
    {
        var trigger = _tapDance.Trigger;
        var step = _tapDance.Chosen;
        bool down = _tapDance.KeyDown;
        _tapDance.End();
        if (down) Activate(trigger, step, NowUs);
        else if (!SequenceTap(trigger, step)) step.Tap(_state, trigger);
    }
}
