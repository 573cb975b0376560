using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

/// <summary>What the counting tap-dance makes of the queued event it was shown.</summary>
internal enum TapDanceStep
{
    Wait,
    /// <summary>Its own press or release: counted and taken out of the queue.</summary>
    Consumed,
    /// <summary>The count is over (another key, the term, or the last step): run the step.</summary>
    Decide,
    /// <summary>A release of a key pressed before the dance, first in the queue: let it through.</summary>
    LetThrough,
}

/// <summary>
/// The tap-dance stage's own state: the one dance being counted (its key, the count, whether the key is down, when
/// the count ends). It decides; the engine acts (RemapEngine.TapDance.cs). Its only timer is <see cref="DeadlineUs"/>.
/// </summary>
internal sealed class TapDanceStage
{
    public bool Active { get; private set; }
    public Trigger Trigger { get; private set; }
    public TapDanceKeyAction Action { get; private set; } = null!;
    public int Count { get; private set; }
    public bool KeyDown { get; private set; }
    public long DeadlineUs { get; private set; } = long.MaxValue;
    public int Examined { get; set; }

    public void Begin(in Trigger trigger, TapDanceKeyAction action, long timeUs)
    {
        Active = true;
        Trigger = trigger;
        Action = action;
        Count = 1;
        KeyDown = true;
        DeadlineUs = timeUs + action.TermUs;
        Examined = 0;
    }

    /// <summary>The count reached the last step: nothing more can change it.</summary>
    public bool Complete => Count >= Action.Steps.Length;

    /// <summary>The step for the count so far.</summary>
    public KeyAction Chosen => Action.Steps[Math.Min(Count, Action.Steps.Length) - 1];

    public void End()
    {
        Active = false;
        Action = null!;
        DeadlineUs = long.MaxValue;
        Examined = 0;
    }

    public void Reset() => End();

    /// <summary>Shows queued event <paramref name="index"/> to the dance; <see cref="TapDanceStep.Consumed"/> events are for the engine to remove.</summary>
    public TapDanceStep Examine(EventQueue queue, int index)
    {
        ref readonly var e = ref queue[index];
        if (e.TimeUs >= DeadlineUs) return TapDanceStep.Decide;
        bool own = e.Device == Trigger.Device && e.Usage == Trigger.Usage;
        if (own && e.Down)
        {
            Count++;
            KeyDown = true;
            DeadlineUs = e.TimeUs + Action.TermUs;
            return TapDanceStep.Consumed;
        }
        if (own)
        {
            KeyDown = false;
            return TapDanceStep.Consumed;
        }
        if (e.Down) return TapDanceStep.Decide;
        return index == 0 ? TapDanceStep.LetThrough : TapDanceStep.Wait;
    }
}
