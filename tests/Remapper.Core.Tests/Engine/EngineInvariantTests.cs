using CsCheck;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;
using static Remapper.Core.Tests.Engine.RandomTyping;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// The promises a user relies on, checked on random keymaps and random typing: nothing stays pressed once
/// every key is up and timers have run; every output up matches an earlier down; the engine never throws —
/// also across keymap swaps and keyboards unplugged mid-press.
/// </summary>
public class EngineInvariantTests
{
    private static readonly string[] LayerNames = ["nav", "sym"];

    /// <summary>A keymap from a genome of small numbers, so CsCheck can shrink failures to the smallest keymap.</summary>
    internal static KeymapModel BuildKeymap(int[] genome, int[] combos)
    {
        var remap = new List<Binding>();
        var layers = LayerNames.Select(_ => new List<Binding>()).ToArray();
        var rules = new List<RuleModel>();
        for (int i = 0; i + 2 < genome.Length; i += 3)
        {
            var key = Pool[genome[i] % Pool.Length];
            int kind = genome[i + 1] % 19;
            int arg = genome[i + 2];
            var target = Pool[arg % Pool.Length];
            string layer = LayerNames[arg % LayerNames.Length];
            var mode = (HoldMode)(arg % 3);
            ActionModel? action = kind switch
            {
                0 => Chord(target),
                1 => Chord(LCtrl, target),
                2 => TapHold(Chord(target), Chord(LShift), mode, 150 + arg % 100, arg % 2 == 0 ? 120 : null),
                3 => TapHold(Chord(key), Layer(layer), mode),
                // Now and then a layer that holds a modifier, or a modifier on its own (oneshot(shift)): LayerModifiers.
                4 => arg % 4 == 1 ? new LayerAction(LayerActionKind.Momentary, layer, At, [LAlt]) : Layer(layer),
                5 => arg % 4 == 1 ? new LayerAction(LayerActionKind.Toggle, layer, At, [LCtrl, LShift]) : Layer(layer, LayerActionKind.Toggle),
                6 => (arg % 4) switch
                {
                    1 => new LayerAction(LayerActionKind.OneShot, layer, At, [LCtrl]),
                    3 => new LayerAction(LayerActionKind.OneShot, "base", At, [arg % 8 == 3 ? LShift : LGui]),
                    _ => Layer(layer, LayerActionKind.OneShot),
                },
                7 => (arg % 5) switch
                {
                    4 => new LayerAction(LayerActionKind.Swap, layer, At, arg % 2 == 0 ? [LShift] : null),
                    2 => new LayerAction(LayerActionKind.Clear, "base", At),
                    _ => Layer(arg % 3 == 0 ? "base" : layer, LayerActionKind.SwitchBase),
                },
                8 => new SequenceAction([Chord(target), Chord(LShift, key)], At),
                9 => new NoAction(At),
                _ => null,
            };
            if (kind == 10)
                rules.Add(Rule(key, to: Chord(target), alone: Chord(Esc), heldDown: arg % 2 == 0 ? Chord(LCtrl) : null,
                    mandatory: arg % 3 == 0 ? [0x11] : null, optional: (byte)(arg % 5 == 0 ? 0xFF : 0)));
            else if (kind == 11)
                rules.Add(Rule(key, to: new SetVariableAction("v", arg % 2, At), afterUp: Chord(target),
                    conditions: [new VariableCondition("v", 1, arg % 3 == 0, At)]));
            else if (kind == 12)
                // Karabiner to-events: a key with its own modifiers, lazy or not, repeat or not, after a tapped one.
                rules.Add(KRule(key,
                    to: [Ev(Pool[(arg + 3) % Pool.Length]), Ev(target, LShift) with { Lazy = arg % 2 == 0, Repeat = arg % 3 != 0 }],
                    mandatory: arg % 2 == 0 ? [0x11] : null, optional: (byte)(arg % 3 == 0 ? 0xFF : 0)));
            else if (kind == 13)
                // Delayed action, halt in to_if_alone, hold_down_milliseconds.
                rules.Add(KRule(key, to: [Ev(target) with { HoldDownMs = arg % 50, Repeat = false }],
                    alone: [Ev(Esc) with { Halt = arg % 2 == 0 }], afterUp: [Ev(target, LCtrl)],
                    delayed: new DelayedActionModel([Ev(Pool[arg % Pool.Length])], [SetVar("v", VariableValue.Of("s"))])));
            else if (kind == 14)
                // to_if_other_key_pressed and to_if_held_down with a modifier key.
                rules.Add(KRule(key, to: [Ev(LShift)], heldDown: [Ev(RCtrl, LAlt)],
                    other: [new OtherKeyPressedModel([new RuleFrom(target, [], 0xFF)], [Ev(LGui)])]));
            else if (kind == 15)
                // Sticky modifiers, string variables with key_up_value, and an any-key rule under a condition.
                rules.Add(arg % 2 == 0
                    ? KRule(key, to: [StickyEv(arg % 3 == 0 ? LShift : LCtrl, (StickyKind)(arg % 3)), SetVar("v", VariableValue.Of(1), VariableValue.Of(0))])
                    : KRule(default, anyPage: 0x07, conditions: [new VariableCondition("v", VariableValue.Of(1), arg % 3 == 0, At)]));
            else if (kind == 16 && key != target)
                // from.simultaneous, with key_up_when all or any, in strict order or not.
                rules.Add(new RuleModel(null,
                    new RuleFrom(key, arg % 3 == 0 ? [0x22] : [], 0xFF, Simultaneous: [key, target],
                        Options: new SimultaneousOptions(arg % 2 == 0 ? KeyOrder.Strict : KeyOrder.Insensitive, arg % 5 < 2,
                            arg % 7 == 0 ? [Ev(Esc)] : null)),
                    [Ev(Pool[(arg + 5) % Pool.Length]), Ev(target, LCtrl)], [], [], [], null, [], [], RuleParameters.None, At));
            else if (kind == 17)
                // set_variable expressions (a counter, a toggle) and an expression_if condition on them.
                rules.Add(arg % 2 == 0
                    ? KRule(key, to: [SetExpr("n", arg % 3 == 0 ? "n + 1" : "n == 0 ? 1 : 0", "n / 2"), Ev(target)])
                    : KRule(key, to: [Ev(target, LAlt)], conditions: [new ExpressionCondition(Expr(arg % 3 == 0 ? "n > 1" : "n % 2 == 1 and v != 0"), arg % 5 == 0, At)]));
            else if (kind == 18)
                // from_event: the pressed key itself, with modifiers, for a single key or every key of the page.
                rules.Add(arg % 2 == 0
                    ? KRule(key, to: [FromEv(arg % 3 == 0 ? [LShift] : [])], mandatory: arg % 3 == 0 ? [0x11] : null, optional: 0xFF)
                    : KRule(default, anyPage: 0x07, to: [FromEv(LCtrl)], conditions: [new VariableCondition("n", 1, arg % 3 == 0, At)]));
            else if (action is not null)
            {
                var table = arg % 4 == 0 ? layers[arg % 2] : remap;
                if (table.All(b => b.From.Count != 1 || b.From[0] != key)) table.Add(Bind(key, action));
            }
        }
        for (int i = 0; i + 2 < combos.Length; i += 3)
        {
            var a = Pool[combos[i] % Pool.Length];
            var b = Pool[combos[i + 1] % Pool.Length];
            if (a == b) continue;
            var keys = new[] { a, b };
            if (remap.Any(x => x.From.Count == 2 && x.From.Contains(a) && x.From.Contains(b))) continue;
            // Per-combo options from the rest of the number: released with the last key, an own term, off on a layer.
            int bits = combos[i + 2] / Pool.Length;
            var options = bits == 0 ? null : new ComboOptions((bits & 1) != 0, (bits & 2) != 0 ? 10 + bits * 7 : null,
                (bits & 4) != 0 ? [LayerNames[bits % LayerNames.Length]] : (bits & 8) != 0 ? ["base"] : [],
                (bits & 16) != 0 ? bits % 3 * 70 : null); // its own hold_ms (0 = none, whatever combo_hold_ms says)
            remap.Add(Combo(Chord(Pool[combos[i + 2] % Pool.Length]), keys) with { Combo = options });
        }
        var model = Model(remap: [.. remap], layers: [.. LayerNames.Select((n, i) => LayerDef(n, [.. layers[i]]))], rules: [.. rules]);
        // Half the keymaps hold combos back for a while after other typing (combo_min_idle_ms).
        if (combos.Length % 2 == 1) model = model with { Settings = model.Settings with { ComboMinIdleMs = 5 + combos.Length * 5 } };
        // A third hold every combo's keys before it fires (combo_hold_ms); some keep releases behind waiting combo keys.
        if (combos.Length % 3 == 1) model = model with { Settings = model.Settings with { ComboHoldMs = 30 + combos.Length * 20 } };
        if (combos.Length % 4 >= 2) model = model with { Settings = model.Settings with { ComboReleasesWait = true } };
        return model;
    }

    private static readonly Gen<(int[] Genome, int[] Combos, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 36],
            Gen.Int[0, 999].Array[0, 9],
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 1], Gen.Int[0, 260]).Array[1, 120]);

    [Fact]
    public void Nothing_stays_pressed_and_every_up_matches_a_down()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Events);
            AssertNothingStaysPressed(output, engine);
        }, iter: 3000);
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_output()
    {
        Cases.Sample(c =>
        {
            var (first, _) = Run(c.Genome, c.Combos, c.Events);
            var (second, _) = Run(c.Genome, c.Combos, c.Events);
            Assert.Equal(first.TimedLog, second.TimedLog);
        }, iter: 300);
    }

    /// <summary>From time 0 on two keyboards: a wait of 97 ms swaps the keymap, 131 ms unplugs the keyboard, 173 ms clears its keys without key-ups, every 7th advances time.</summary>
    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, (int Key, int Device, int Wait)[] events) =>
        RandomTyping.Run(genome, combos, 0, events.Select(e => (e.Key, e.Device, e.Wait,
            e.Wait == 97 ? Op.SwapKeymap : e.Wait == 131 ? Op.Replug : e.Wait == 173 ? Op.ReleaseKeys : e.Wait % 7 == 0 ? Op.Advance : Op.None)));
}
