using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>The tap-hold options and tap-dance decide from precompiled tables: typing through them allocates nothing.</summary>
public class TapHoldOptionsZeroAllocationTests
{
    private const string Keymap = """
        [settings]
        hands = { left = ["a", "s", "d", "f"], right = ["h", "j", "k", "l"] }

        [remap]
        f = { tap = "f", hold = "left_shift", mode = "hold_on_timeout", require_prior_idle_ms = 100, opposite_hand = "hold", replay = "under_tap" }
        d = { tap = "d", hold = "left_control", mode = "permissive_hold", tap_keys = ["s"], hold_keys = ["j"], tap_release_keys = ["k"], timeout = "f13", hands_decide_on = "release", same_hand = "tap" }
        caps_lock = { tap_dance = ["escape", "ctrl+c", "layer(nav)"], term_ms = 150 }

        [layer.nav]
        h = "left_arrow"
        """;

    private static readonly Usage Fk = K(0x09), Dk = K(0x07), Sk = K(0x16);

    private static KeyEvent[] Pattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (H, true, 20), (H, false, 20), (Fk, true, 30), (J, true, 10), (J, false, 10), (Fk, false, 300),   // prior idle: tap
            (Fk, true, 20), (J, true, 10), (J, false, 10), (Fk, false, 20),                                   // opposite hand: hold
            (Dk, true, 300), (Sk, true, 10), (Sk, false, 10), (Dk, false, 20),                                // tap key
            (Dk, true, 20), (J, true, 10), (J, false, 10), (Dk, false, 20),                                   // hold key
            (Dk, true, 20), (KK, true, 10), (KK, false, 10), (Dk, false, 20),                                 // tap-release key
            (Dk, true, 20), (L, true, 10), (Dk, false, 10), (L, false, 20),                                   // own release, replay
            (Dk, true, 300), (Dk, false, 20),                                                                  // timeout action
            (Caps, true, 20), (Caps, false, 20), (Caps, true, 20), (Caps, false, 300),                        // two taps
            (Caps, true, 20), (Caps, false, 20), (Caps, true, 20), (Caps, false, 20), (Caps, true, 20), (H, true, 10), (H, false, 10), (Caps, false, 20),
            (Caps, true, 20), (Caps, false, 20), (A, true, 10), (A, false, 300),                              // ended by another key
        };
        return AllocationDrive.Events(device, script);
    }

    [Fact]
    public void Typing_through_tap_hold_options_and_tap_dance_allocates_nothing()
    {
        AllocationDrive.AssertTypingAllocatesNothing(Keymap, Pattern, 50_000, 30_000);
    }
}
