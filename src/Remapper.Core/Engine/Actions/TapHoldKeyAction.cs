using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Actions;

/// <summary>
/// A key that means one thing tapped and another held. It is never pressed directly: the engine keeps
/// the press pending until it can decide (see RemapEngine.TapHold.cs), then runs Tap or Hold.
/// </summary>
internal sealed class TapHoldKeyAction(KeyAction tap, KeyAction hold, HoldMode mode, long termUs, long quickTapUs) : KeyAction
{
    public KeyAction TapAction { get; } = tap;
    public KeyAction HoldAction { get; } = hold;
    public HoldMode Mode { get; } = mode;
    public long TermUs { get; } = termUs;
    public long QuickTapUs { get; } = quickTapUs;

    // The compiler only places tap-hold directly on a key, where the engine intercepts it; these are
    // never reached, and doing nothing is the safe answer if they ever were.
    public override void Press(EngineState state, in Trigger trigger) { }

    public override void Release(EngineState state, in Trigger trigger) { }
}
