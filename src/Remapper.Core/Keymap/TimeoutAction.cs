namespace Remapper.Core.Keymap;

/// <summary>
/// <c>{ timeout_ms = 300, before = "a", after = "b" }</c> (keyd's <c>timeout(a, 300, b)</c>): pressed, the key waits.
/// Another key pressed, or its own release, before <paramref name="TimeoutMs"/> does <paramref name="Before"/>; the
/// time passing with the key still held does <paramref name="After"/>. Either is then held until the key goes up.
/// Pressed and released at one instant (the tap of a tap-hold, the outcome of another timeout), it waits for the next
/// key event (<paramref name="Before"/>) or the time (<paramref name="After"/>) and taps the one that comes first.
/// </summary>
/// <remarks>Each of the two may be a key, a layer action, a sequence, an overload tap-hold or another timeout.</remarks>
public sealed record TimeoutAction(ActionModel Before, int TimeoutMs, ActionModel After, SourceLocation Location) : ActionModel(Location);

/// <summary>
/// <c>"repeat"</c> (QMK's repeat key, keyd's <c>repeat</c>): types the last key that went out again, with the
/// modifiers that were down with it, held while this key is.
/// </summary>
public sealed record RepeatAction(SourceLocation Location) : ActionModel(Location);
