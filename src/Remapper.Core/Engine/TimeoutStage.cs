using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

/// <summary>
/// The timeout stage (<see cref="TimeoutKeyAction"/>, keyd's <c>timeout()</c>): the one press waiting to become its
/// before or its after action. Waiting, nothing is on the output. It decides; the engine acts (RemapEngine.Timeout.cs):
/// <list type="bullet">
/// <item>held: another key's press, or the key's own release, before the time → before, pressed for the key;
/// the time passing first → after, pressed for the key. Either is then released with the key.</item>
/// <item>tapped (released at the instant it was pressed, as the tap of a tap-hold or the outcome of another timeout
/// is): any key event before the time → before, tapped; the time passing first → after, tapped.</item>
/// </list>
/// One wait at a time: a new timeout press decides the old one first (it is another key's press). No allocation.
/// </summary>
internal sealed class TimeoutStage
{
    public bool Pending { get; private set; }

    /// <summary>Released already: the decision is tapped, not held.</summary>
    public bool Tapped { get; private set; }

    public Trigger Trigger { get; private set; }
    public TimeoutKeyAction Action { get; private set; } = null!;
    public long PressedAtUs { get; private set; }

    /// <summary>When the time passes (the after action), or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs { get; private set; } = long.MaxValue;

    public void Arm(in Trigger trigger, TimeoutKeyAction action, long nowUs)
    {
        Pending = true;
        Tapped = false;
        Trigger = trigger;
        Action = action;
        PressedAtUs = nowUs;
        DeadlineUs = action.TimeoutUs >= long.MaxValue - nowUs ? long.MaxValue : nowUs + action.TimeoutUs;
    }

    /// <summary>The waiting press went up without a decision: only at the instant it went down (a tap); it then waits on.</summary>
    public void Released(int token, long nowUs)
    {
        if (!Pending || token != Trigger.Token) return;
        if (nowUs == PressedAtUs) Tapped = true;
        else Reset(); // not reached: the engine decides before a later release (kept safe: nothing pressed)
    }

    /// <summary>Whether key event <paramref name="e"/> decides the wait (for before); <paramref name="ownToken"/>: the token of the press <paramref name="e"/> releases, or 0.</summary>
    public bool DecidedBy(in KeyEvent e, int ownToken)
    {
        if (!Pending) return false;
        if (Tapped || e.Down) return true;
        return ownToken == Trigger.Token && e.TimeUs != PressedAtUs;
    }

    /// <summary>A keyboard went away or let go of its keys: its waiting timeout is dropped (nothing typed).</summary>
    public void ForgetDevice(int device)
    {
        if (Pending && Trigger.Device == device) Reset();
    }

    public void Reset()
    {
        Pending = false;
        Tapped = false;
        Trigger = default;
        Action = null!;
        PressedAtUs = 0;
        DeadlineUs = long.MaxValue;
    }
}
