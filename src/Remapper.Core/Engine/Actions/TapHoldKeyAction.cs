using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Actions;

/// <summary>
/// A key that means one thing tapped and another held. It is never pressed directly: the engine keeps
/// the press pending until it can decide (see TapHoldStage.cs), then runs Tap or Hold.
/// </summary>
internal sealed class TapHoldKeyAction(KeyAction tap, KeyAction hold, HoldMode mode, long termUs, long quickTapUs) : KeyAction
{
    public KeyAction TapAction { get; } = tap;
    public KeyAction HoldAction { get; } = hold;
    public HoldMode Mode { get; } = mode;
    public long TermUs { get; } = termUs;
    public long QuickTapUs { get; } = quickTapUs;

    /// <summary>What the term running out does: the hold, unless a <c>timeout</c> action was given.</summary>
    public KeyAction TimeoutAction { get; init; } = hold;

    /// <summary>Pressed within this long after another key typed, the key taps at once (0 = off).</summary>
    public long PriorIdleUs { get; init; }

    /// <summary>A key pressed within this long after the tap-hold does not decide by its release (0 = off).</summary>
    public long ReleaseGraceUs { get; init; }

    public TapHoldDecisions Decisions { get; init; } = TapHoldDecisions.None;

    /// <summary>Another key's press while waiting starts the term again from that press (<c>reset_term_on_press</c>).</summary>
    public bool ResetTermOnPress { get; init; }

    /// <summary><c>expired_term = "next_event"</c>: reached after its term ran out, it decides at the next key event.</summary>
    public bool ExpiredTermAtNextEvent { get; init; }

    // The compiler only places tap-hold directly on a key, where the engine intercepts it; these are
    // never reached, and doing nothing is the safe answer if they ever were.
    public override void Press(EngineState state, in Trigger trigger) { }

    public override void Release(EngineState state, in Trigger trigger) { }
}
