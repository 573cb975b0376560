using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>Multis, one-shot timeouts and composite layers run on precompiled tables: typing through them allocates nothing.</summary>
public class LayerActionsZeroAllocationTests
{
    private const string Keymap = """
        [remap]
        f1 = { multi = [["o", "n"], "layer(nav, left_shift)"] }
        f2 = { multi = ["f", "oneshot(left_shift)"] }
        f3 = { oneshot = "left_shift", timeout_ms = 100 }
        f4 = { oneshot = "layer(sym, left_control)", end = "press" }
        caps_lock = "layer(nav, left_control)"
        right_option = "layer(sym, left_option)"
        tab = { tap = "x", hold = "y", mode = "permissive_hold", term_ms = 100, reset_term_on_press = true }

        [layer.nav]
        h = "left_arrow"
        j = "ctrl+j"
        s = { multi = ["swap(sym, left_command)", ["tab"]] }

        [layer.sym]
        a = "1"

        [layer."nav+sym"]
        h = "home"
        """;

    private static readonly Usage F1 = K(0x3A), F2 = K(0x3B), F3 = K(0x3C), F4 = K(0x3D), Tab = K(0x2B), Sk = K(0x16), RAlt = K(0xE6);

    private static KeyEvent[] Pattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (F1, true, 20), (A, true, 10), (A, false, 10), (H, true, 10), (H, false, 10), (F1, false, 20),          // multi: macro + layer
            (F2, true, 20), (F2, false, 10), (A, true, 10), (A, false, 10),                                         // multi: key + one-shot
            (F3, true, 20), (F3, false, 10), (A, true, 200), (A, false, 10),                                        // one-shot timed out
            (F4, true, 20), (F4, false, 10), (A, true, 10), (A, false, 10),                                         // one-shot ending on the press
            (Caps, true, 20), (RAlt, true, 10), (H, true, 10), (H, false, 10), (RAlt, false, 10), (J, true, 10), (J, false, 10),
            (Sk, true, 10), (Sk, false, 10), (A, true, 10), (A, false, 10), (Caps, false, 10),                       // composite, kept chord, swap
            (Tab, true, 20), (B, true, 50), (B, false, 75), (Tab, false, 10),                                       // reset_term_on_press
        };
        return AllocationDrive.Events(device, script);
    }

    [Fact]
    public void Typing_through_multis_one_shots_and_composite_layers_allocates_nothing()
    {
        AllocationDrive.AssertTypingAllocatesNothing(Keymap, Pattern, 50_000, 30_000);
    }
}
