namespace Remapper.Core.Keymap;

/// <summary>
/// <c>{ tap_dance = ["a", "ctrl+c", "escape"], term_ms = 200 }</c> (kanata tap-dance, keyd multi-tap): tapped N times
/// in a row it does step N. The count ends when the term passes after a press, another key is pressed, or the last
/// step is reached; a step whose key is still down is held until it goes up.
/// </summary>
public sealed record TapDanceAction(IReadOnlyList<ActionModel> Steps, int? TermMs, SourceLocation Location) : ActionModel(Location);
