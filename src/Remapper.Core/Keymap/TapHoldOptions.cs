using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary>What a tap-hold decides when another key (or the term) speaks first, beyond its mode.</summary>
public enum TapHoldChoice
{
    /// <summary>This key does not decide: keep waiting (for the term, the own release or another key).</summary>
    Ignore,
    Tap,
    Hold,
}

/// <summary>
/// The finer tap-hold options (kanata's tap-hold-*-keys, -timeout and -opposite-hand families, QMK flow tap and
/// chordal hold), all optional. Each is checked before the tap-hold's mode, in this order: the key lists, then the
/// hands. Null or empty means "not set": the mode alone decides.
/// </summary>
public sealed record TapHoldOptions
{
    /// <summary><c>timeout</c>: the action taken when the term runs out (default: the hold).</summary>
    public ActionModel? Timeout { get; init; }

    /// <summary><c>require_prior_idle_ms</c>: pressed within this time after another key typed, the key taps at once.</summary>
    public int? RequirePriorIdleMs { get; init; }

    /// <summary>
    /// <c>release_grace_ms</c>: a key pressed within this time after the tap-hold does not decide by its release
    /// (permissive hold and tap_release_keys): fast rolls stay taps (kanata tap-hold-order's buffer).
    /// </summary>
    public int? ReleaseGraceMs { get; init; }

    /// <summary><c>tap_keys</c>: a press of one of these decides tap (the tap stays down while it is held).</summary>
    public IReadOnlyList<Usage> TapKeys { get; init; } = [];

    /// <summary><c>hold_keys</c>: a press of one of these decides hold.</summary>
    public IReadOnlyList<Usage> HoldKeys { get; init; } = [];

    /// <summary><c>tap_release_keys</c>: one of these pressed and released while waiting decides tap.</summary>
    public IReadOnlyList<Usage> TapReleaseKeys { get; init; } = [];

    /// <summary>
    /// Hand decisions (with <c>[settings] hands</c>): set when any of the four is given; the others then take
    /// their defaults (same hand tap, opposite hand hold, unknown and neutral keys ignored).
    /// </summary>
    public TapHoldChoice? SameHand { get; init; }
    public TapHoldChoice? OppositeHand { get; init; }
    public TapHoldChoice? UnknownHand { get; init; }
    public TapHoldChoice? Neutral { get; init; }

    /// <summary><c>neutral_keys</c>: keys that count as neither hand (space, thumbs).</summary>
    public IReadOnlyList<Usage> NeutralKeys { get; init; } = [];

    /// <summary><c>hands_decide_on = "release"</c>: every hand decision but the same hand's waits for the other key's release.</summary>
    public bool HandsDecideOnRelease { get; init; }

    /// <summary>
    /// <c>replay = "under_tap"</c>: decided tap by its own release, the tap key goes down, the keys that waited
    /// behind it are replayed, and only then does the tap go up (kanata). By default the tap is typed first.
    /// </summary>
    public bool ReplayUnderTap { get; init; }

    /// <summary>
    /// <c>reset_term_on_press</c>: each other key pressed while the tap-hold waits starts its term again from that press
    /// (kanata's reset-timeout-on-press), so typing on keeps it from timing out.
    /// </summary>
    public bool ResetTermOnPress { get; init; }

    /// <summary>
    /// <c>expired_term = "next_event"</c>: reached only after its term ran out (it waited in the queue behind another
    /// undecided tap-hold), the key decides at the next key event that reaches it, and the release of a key pressed
    /// before it goes first (keyd's overloadt()). By default (<c>"at_once"</c>) the term decides at once.
    /// </summary>
    public bool ExpiredTermAtNextEvent { get; init; }

    public bool UsesHands => SameHand is not null || OppositeHand is not null || UnknownHand is not null || Neutral is not null || NeutralKeys.Count > 0;
}
