using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>The hot path must not allocate: a GC pause in the middle of typing is added latency.</summary>
public class ZeroAllocationTests
{
    /// <summary>Home-row tap-hold, two layers, combos and rules: the kinds of keymap people actually run.</summary>
    internal static KeymapModel RealisticKeymap() => Model(
        remap:
        [
            Bind(Caps, TapHold(Chord(Esc), Chord(LCtrl))),
            Bind(A, TapHold(Chord(A), Chord(LGui), HoldMode.PermissiveHold)),
            Bind(S, TapHold(Chord(S), Chord(LAlt), HoldMode.PermissiveHold)),
            Bind(D, TapHold(Chord(D), Chord(LShift), HoldMode.HoldOnTimeout)),
            Bind(F, TapHold(Chord(F), Layer("nav"), HoldMode.HoldOnOtherKeyPress)),
            Bind(Space, Layer("sym", LayerActionKind.OneShot)),
            // One-shot modifiers that stack, and a layer that holds a modifier (LayerModifiers, the guard).
            Bind(F11, new LayerAction(LayerActionKind.OneShot, "base", At, [LShift])),
            Bind(F12, new LayerAction(LayerActionKind.OneShot, "base", At, [LCtrl])),
            Bind(F13, new LayerAction(LayerActionKind.Momentary, "nav", At, [LAlt])),
            Combo(Chord(Esc), J, KK),
            Combo(Chord(Backspace), KK, L),
        ],
        layers:
        [
            LayerDef("nav", Bind(H, Chord(Left)), Bind(J, Chord(Down)), Bind(KK, Chord(Up)), Bind(L, Chord(Right)),
                Bind(B, new LayerAction(LayerActionKind.Swap, "sym", At)), Bind(X, new LayerAction(LayerActionKind.Clear, "base", At))),
            LayerDef("sym", Bind(H, Chord(LShift, K(0x26))), Bind(J, Chord(LShift, K(0x27)))),
        ],
        rules:
        [
            Rule(RGui, to: Chord(LShift, LCtrl, LAlt, LGui), alone: Chord(Esc)),
            Rule(H, to: Chord(Backspace), mandatory: [0x11]),
            Rule(X, to: new SetVariableAction("x", 1, At), afterUp: new SetVariableAction("x", 0, At)),
            Rule(C, to: Chord(K(0x4C)), conditions: [new VariableCondition("x", 1, false, At)]),
            // Karabiner-heavy: to-event modifiers kept lazily, halt, delayed action, other key pressed,
            // sticky modifiers, string variables with key_up_value, per-event conditions, an any-key rule.
            KRule(F1, to: [Ev(A, LCtrl), Ev(K(0x2C), LGui) with { Lazy = true }], mandatory: [0x11], optional: 0xFF),
            KRule(F2, to: [SetVar("mode", VariableValue.Of("nav"), VariableValue.Of("off"))], alone: [Ev(Esc) with { Halt = true }],
                afterUp: [Ev(B)], delayed: new DelayedActionModel([Ev(K(0x3E))], [SetVar("x", VariableValue.Of(0))])),
            KRule(F3, to: [Ev(RShift)], heldDown: [Ev(RCtrl, LAlt)],
                other: [new OtherKeyPressedModel([new RuleFrom(L, [], 0xFF)], [Ev(LGui)])]),
            KRule(F4, to: [StickyEv(LShift, StickyKind.Toggle), Ev(K(0x3F)) with { Repeat = false, HoldDownMs = 5 },
                Ev(K(0x40)) with { Conditions = [new VariableCondition("mode", VariableValue.Of("nav"), false, At)] }]),
            KRule(default, anyPage: 0x07, conditions: [new VariableCondition("mode", VariableValue.Of("locked"), false, At)]),
            // Expressions (a counter and a condition on it) and from_event.
            KRule(F8, to: [SetExpr("count", "count >= 3 ? 0 : count + 1", "count * 1")]),
            KRule(F9, to: [FromEv(LShift)], conditions: [new ExpressionCondition(Expr("count % 2 == 1 and x != 1"), false, At)]),
            KRule(F9, to: [Ev(K(0x41), LAlt)]),
        ]);

    private static readonly Usage F1 = K(0x3A), F2 = K(0x3B), F3 = K(0x3C), F4 = K(0x3D), F8 = K(0x41), F9 = K(0x42);
    private static readonly Usage F11 = K(0x44), F12 = K(0x45), F13 = K(0x68);

    /// <summary>A fixed typing pattern over the realistic keymap: rolls, holds, combos, layer use, rules.</summary>
    internal static KeyEvent[] TypingPattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (A, true, 30), (S, true, 40), (A, false, 30), (S, false, 60),          // rolled home-row mods
            (D, true, 20), (H, true, 250), (H, false, 20), (D, false, 30),          // held past the term
            (F, true, 20), (J, true, 30), (J, false, 20), (F, false, 40),           // layer by hold
            (J, true, 10), (KK, true, 10), (J, false, 30), (KK, false, 40),         // combo
            (Caps, true, 30), (C, true, 20), (C, false, 10), (Caps, false, 40),     // ctrl+c via tap-hold
            (Space, true, 20), (Space, false, 20), (H, true, 20), (H, false, 30),   // one-shot layer
            (RGui, true, 50), (RGui, false, 30),                                    // rule alone
            (LCtrl, true, 20), (H, true, 20), (H, false, 20), (LCtrl, false, 20),   // rule with mandatory ctrl
            (X, true, 20), (C, true, 20), (C, false, 20), (X, false, 20),           // variables
            (B, true, 15), (B, false, 15), (L, true, 15), (L, false, 15),           // plain keys
            (LCtrl, true, 20), (F1, true, 20), (F1, false, 20), (F1, true, 20),     // to-event modifiers, lazily kept
            (F1, false, 20), (B, true, 10), (B, false, 10), (LCtrl, false, 150),
            (F2, true, 30), (H, true, 20), (H, false, 20), (F2, false, 600),        // string variable, delayed action
            (F2, true, 30), (F2, false, 30),                                        // alone with halt
            (F3, true, 20), (L, true, 20), (L, false, 20), (F3, false, 20),         // other key pressed
            (F3, true, 600), (F3, false, 20),                                       // held down
            (F4, true, 20), (F4, false, 20), (B, true, 20), (B, false, 20),         // sticky, hold_down
            (F2, true, 20), (F4, true, 20), (F4, false, 20), (F2, false, 20),       // per-event condition
            (F8, true, 20), (F8, false, 20), (F9, true, 20), (F9, false, 20),       // expressions, from_event
            (F8, true, 20), (F9, true, 20), (F9, false, 20), (F8, false, 20),
            (F12, true, 20), (F12, false, 20), (F11, true, 20), (F11, false, 20),       // stacked one-shot modifiers
            (B, true, 20), (B, false, 20),
            (F13, true, 20), (H, true, 20), (H, false, 20), (B, true, 20),          // a layer holding alt, the guard
            (B, false, 20), (F13, false, 20),
            (F9, true, 20), (F9, false, 20), (A, true, 20),                         // A is cleared without a key-up
        };
        return AllocationDrive.Events(device, script);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // Karabiner's same-instant reordering: every event is held for its instant, then handed on
    public void Processing_100000_events_allocates_nothing(bool modifiersFirstAtSameInstant)
    {
        var output = new AllocationDrive.CountingOutput();
        var model = RealisticKeymap();
        model = model with { Settings = model.Settings with { ModifiersFirstAtSameInstant = modifiersFirstAtSameInstant } };
        var engine = new RemapEngine(CompiledKeymap.Compile(model), output);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        var pattern = TypingPattern(device);
        long span = pattern[^1].TimeUs + 1000_000;

        long offset = -span;
        void Drive(int events)
        {
            for (int i = 0; i < events; i++)
            {
                var e = pattern[i % pattern.Length];
                if (i % pattern.Length == 0) offset += span; // every round, the first of a drive too, starts later than the last
                engine.Process(e with { TimeUs = e.TimeUs + offset });
                if (i % pattern.Length == pattern.Length - 1)
                {
                    // The keyboard's keys are all released without key-ups, and the caps lock LED changes.
                    engine.ReleaseDeviceKeys(device, e.TimeUs + offset);
                    engine.SetCapsLockState((i / pattern.Length) % 2 == 0);
                }
                if (engine.NextDeadlineUs <= e.TimeUs + offset + 1000) engine.Advance(e.TimeUs + offset + 1000);
            }
        }

        Drive(pattern.Length * 50); // warm-up: JIT, tiering, dictionary caches
        // Measured twice: an allocation per event shows in both (100 000 events, megabytes), while the runtime's own
        // one-off work on this thread (seen once in a while in a full parallel run: a few KiB) does not repeat.
        long first = AllocatedWhile(() => Drive(100_000)), second = AllocatedWhile(() => Drive(100_000));

        Assert.True(Math.Min(first, second) == 0, $"allocated {first} then {second} bytes over 100 000 events each");
        Assert.True(output.Changes > 50_000, $"the pattern should produce output, got {output.Changes} changes");
    }

    private static long AllocatedWhile(Action drive)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        drive();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
