namespace Remapper.Core.Keymap;

/// <summary>
/// A combo's own options, written <c>"j+k" = { combo = "escape", key_up_when = "all", term_ms = 30, hold_ms = 150, disabled_layers = ["nav"] }</c>.
/// </summary>
/// <param name="KeyUpWhenAll">The combo's output stays down until every one of its keys is up (kanata <c>all-released</c>).</param>
/// <param name="TermMs">Its own window instead of <c>combo_term_ms</c>.</param>
/// <param name="DisabledLayers">Layer names: while one of them is the top active layer the keys act alone (kanata's disabled layers).</param>
/// <param name="HoldMs">Its own hold instead of <c>combo_hold_ms</c>: the combo fires once its keys have been down together this long (0: at once).</param>
public sealed record ComboOptions(bool KeyUpWhenAll, int? TermMs, IReadOnlyList<string> DisabledLayers, int? HoldMs = null);
