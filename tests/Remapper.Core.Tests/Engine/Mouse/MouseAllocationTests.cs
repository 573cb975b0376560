using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine.Mouse;

/// <summary>Mouse keys on the hot path allocate nothing, the timer path (motion steps fired by Advance) included.</summary>
public class MouseAllocationTests
{
    private sealed class CountingPointer : IPointerOutput
    {
        public int Reports;
        public void SendPointer(in PointerReport report) => Reports++;
    }

    private sealed class CountingKeys : IKeyOutput
    {
        public void Send(Usage usage, bool down) { }
    }

    [Fact]
    public void Moving_clicking_scrolling_and_their_timers_allocate_nothing()
    {
        var model = Model(
            remap: [Bind(RGui, Layer("mouse")), Bind(Caps, TapHold(Chord(Esc), new MouseButtonAction(1, false, At)))],
            layers:
            [
                LayerDef("mouse",
                    Bind(H, new MouseMoveAction(MouseDirection.Left, At)), Bind(J, new MouseMoveAction(MouseDirection.Down, At)),
                    Bind(KK, new MouseMoveAction(MouseDirection.Up, At)), Bind(L, new MouseMoveAction(MouseDirection.Right, At)),
                    Bind(F, new MouseButtonAction(1, false, At)), Bind(D, new MouseButtonAction(2, true, At)),
                    Bind(S, new MouseSpeedAction(0.5, At)), Bind(C, new MouseWheelAction(MouseDirection.Down, At))),
            ],
            rules: [KRule(X, to: [new ToEventModel(LShift, [], At, Action: new MouseKeyAction(1536, -300, 32, 0, 2.0, At))])]);
        var pointer = new CountingPointer();
        var engine = new RemapEngine(CompiledKeymap.Compile(model), new CountingKeys(), pointer);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (RGui, true, 10), (L, true, 5), (J, true, 120), (S, true, 40), (S, false, 30), (L, false, 10), (J, false, 10),
            (F, true, 10), (H, true, 10), (H, false, 200), (F, false, 10), (D, true, 10), (D, false, 10),
            (C, true, 10), (C, false, 300), (KK, true, 10), (KK, false, 50), (RGui, false, 10),
            (X, true, 10), (X, false, 150), (Caps, true, 10), (Caps, false, 250), (Caps, true, 20), (Caps, false, 10),
        };

        long now = 0;
        void Drive(int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                foreach (var (key, down, gap) in script)
                {
                    long at = now + gap * 1000L;
                    // As the event loop does: fire each deadline at its time, then the event.
                    while (engine.NextDeadlineUs <= at) engine.Advance(engine.NextDeadlineUs);
                    now = at;
                    engine.Process(new KeyEvent(device, key, down, now));
                }
                now += 1_000_000;
                while (engine.NextDeadlineUs <= now) engine.Advance(engine.NextDeadlineUs);
            }
        }

        Drive(50); // warm-up
        int reportsBefore = pointer.Reports;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Drive(500);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(pointer.Reports - reportsBefore > 500 * 40, $"the pattern should move the pointer, got {pointer.Reports - reportsBefore} reports");
    }
}
