using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>The per-combo options and combo_min_idle_ms decide from precompiled tables: typing through them allocates nothing.</summary>
public class ComboOptionsZeroAllocationTests
{
    private const string Keymap = """
        [settings]
        combo_min_idle_ms = 30

        [remap]
        "j+k" = { combo = "escape", key_up_when = "all" }
        "s+d" = { combo = "tab", term_ms = 200 }
        "h+l" = { combo = "enter", disabled_layers = ["nav"] }
        caps_lock = "layer(nav)"

        [layer.nav]
        a = "left_arrow"
        """;

    private static KeyEvent[] Pattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (J, true, 100), (KK, true, 10), (J, false, 20), (KK, false, 20),                   // released with the last key
            (S, true, 100), (D, true, 150), (D, false, 10), (S, false, 10),                    // own term
            (Caps, true, 100), (H, true, 10), (L, true, 10), (L, false, 10), (H, false, 10), (Caps, false, 10), // disabled on nav
            (H, true, 100), (L, true, 10), (L, false, 10), (H, false, 10),                     // on the base layer
            (A, true, 100), (A, false, 10), (J, true, 5), (KK, true, 5), (KK, false, 5), (J, false, 5), // too soon after typing
        };
        return AllocationDrive.Events(device, script);
    }

    [Fact]
    public void Typing_through_combo_options_allocates_nothing()
    {
        AllocationDrive.AssertTypingAllocatesNothing(Keymap, Pattern, 50_000, 30_000);
    }
    private const string HoldKeymap = """
        [settings]
        combo_hold_ms = 100
        combo_releases_wait = true

        [remap]
        "j+k" = { combo = "left_control", key_up_when = "all" }
        "s+d" = { combo = "tab", hold_ms = 0 }
        "s+d+f" = "enter"
        """;

    private static KeyEvent[] HoldPattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (J, true, 100), (KK, true, 10), (J, false, 150), (KK, false, 20),                  // held past the hold: the combo
            (J, true, 100), (KK, true, 10), (J, false, 50), (KK, false, 20),                   // let go sooner: themselves
            (J, true, 100), (KK, true, 10), (A, true, 20), (A, false, 10), (J, false, 150), (KK, false, 10), // a key waits behind the hold
            (S, true, 100), (D, true, 10), (S, false, 80), (F, true, 10), (D, false, 10), (F, false, 10), // a release waits behind f
        };
        return AllocationDrive.Events(device, script);
    }

    [Fact]
    public void Typing_through_combo_holds_and_waiting_releases_allocates_nothing()
    {
        var output = new AllocationDrive.CountingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(KeymapAssert.Valid(HoldKeymap)), output);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        long allocated = AllocationDrive.BytesAllocated(engine, HoldPattern(device), 50_000);

        Assert.Equal(0, allocated);
        Assert.True(output.Changes > 30_000, $"the pattern should type a lot, got {output.Changes} changes");
    }
}
