using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// The optional keys of a tap-hold table (<see cref="TapHoldOptions"/>): <c>timeout</c>, <c>require_prior_idle_ms</c>,
/// the key lists, the hand decisions and <c>replay</c>. <see cref="ActionParser"/> reads tap, hold, mode and the terms.
/// </summary>
internal sealed class TapHoldOptionsReader(ValueReader values, Func<TomlNode, ActionModel?> parseTimeout)
{
    public static readonly string[] Keys =
    [
        "timeout", "require_prior_idle_ms", "release_grace_ms", "tap_keys", "hold_keys", "tap_release_keys",
        "same_hand", "opposite_hand", "unknown_hand", "neutral", "neutral_keys", "hands_decide_on", "replay",
        "reset_term_on_press",
        "expired_term",
    ];

    /// <summary>Reads <paramref name="entry"/> into <paramref name="options"/>; false when it is not an option or is wrong (reported).</summary>
    public bool TryRead(TomlEntry entry, ref TapHoldOptions options, out bool known)
    {
        known = true;
        switch (entry.Key.Value)
        {
            case "timeout":
                var timeout = parseTimeout(entry.Value);
                options = options with { Timeout = timeout };
                return timeout is not null;
            case "require_prior_idle_ms":
                var idle = values.Integer(entry, 0, 10_000);
                options = options with { RequirePriorIdleMs = idle };
                return idle is not null;
            case "release_grace_ms":
                var grace = values.Integer(entry, 0, 10_000);
                options = options with { ReleaseGraceMs = grace };
                return grace is not null;
            case "tap_keys":
                return Keys_(entry, out var tap) && Set(ref options, options with { TapKeys = tap });
            case "hold_keys":
                return Keys_(entry, out var hold) && Set(ref options, options with { HoldKeys = hold });
            case "tap_release_keys":
                return Keys_(entry, out var tapRelease) && Set(ref options, options with { TapReleaseKeys = tapRelease });
            case "neutral_keys":
                return Keys_(entry, out var neutral) && Set(ref options, options with { NeutralKeys = neutral });
            case "same_hand":
                return Choice(entry, out var same) && Set(ref options, options with { SameHand = same });
            case "opposite_hand":
                return Choice(entry, out var opposite) && Set(ref options, options with { OppositeHand = opposite });
            case "unknown_hand":
                return Choice(entry, out var unknown) && Set(ref options, options with { UnknownHand = unknown });
            case "neutral":
                return Choice(entry, out var neutralChoice) && Set(ref options, options with { Neutral = neutralChoice });
            case "hands_decide_on":
                return Word(entry, ["press", "release"], out var on) && Set(ref options, options with { HandsDecideOnRelease = on == "release" });
            case "replay":
                return Word(entry, ["after_tap", "under_tap"], out var replay) && Set(ref options, options with { ReplayUnderTap = replay == "under_tap" });
            case "reset_term_on_press":
                var reset = values.Boolean(entry.Value);
                options = options with { ResetTermOnPress = reset ?? false };
                return reset is not null;
            case "expired_term":
                return Word(entry, ["at_once", "next_event"], out var expired) && Set(ref options, options with { ExpiredTermAtNextEvent = expired == "next_event" });
            default:
                known = false;
                return false;
        }
    }

    private static bool Set(ref TapHoldOptions options, TapHoldOptions value)
    {
        options = value;
        return true;
    }

    private bool Keys_(TomlEntry entry, out List<Usage> keys)
    {
        keys = [];
        if (entry.Value is not TomlArray array)
        {
            values.Diagnostics.WrongType(entry.Value, "an array of key names, e.g. [\"a\", \"s\"]");
            return false;
        }
        var ok = true;
        foreach (var item in array.Items)
        {
            if (values.String(item) is not { } s) { ok = false; continue; }
            if (!ModifierWords.TryParseKey(s.Value, out var usage))
            {
                values.Diagnostics.Error(s.Location, $"unknown key '{MessageText.Short(s.Value)}'", () => KeyNameSuggestions.For(s.Value));
                ok = false;
            }
            else if (!keys.Contains(usage)) keys.Add(usage);
        }
        return ok;
    }

    private bool Choice(TomlEntry entry, out TapHoldChoice choice)
    {
        choice = TapHoldChoice.Ignore;
        if (!Word(entry, ["tap", "hold", "ignore"], out var word)) return false;
        choice = word switch { "tap" => TapHoldChoice.Tap, "hold" => TapHoldChoice.Hold, _ => TapHoldChoice.Ignore };
        return true;
    }

    private bool Word(TomlEntry entry, string[] allowed, out string word)
    {
        word = "";
        if (values.String(entry.Value) is not { } s) return false;
        if (!allowed.Contains(s.Value))
        {
            values.Diagnostics.Error(s.Location, $"'{MessageText.Short(s.Value)}' is not a value of {entry.Key.Value}",
                $"it is {string.Join(" or ", allowed)}");
            return false;
        }
        word = s.Value;
        return true;
    }
}
