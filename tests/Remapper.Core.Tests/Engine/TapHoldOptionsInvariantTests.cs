using CsCheck;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// The invariant tests' promises with the tap-hold options and tap-dance in the keymap: once every key is up and
/// the timers ran, nothing is down and nothing waits; no output up without its down; pause, reload and unplug in
/// the middle of a decision leave nothing behind; and the same input gives the same output.
/// </summary>
public class TapHoldOptionsInvariantTests
{
    private static readonly Usage[] Pool = RandomTyping.Pool;

    private static ActionModel Decorated(int arg)
    {
        var options = new TapHoldOptions
        {
            Timeout = arg % 3 == 0 ? Chord(Pool[arg % Pool.Length]) : null,
            RequirePriorIdleMs = arg % 4 == 0 ? 20 + arg % 150 : null,
            ReleaseGraceMs = arg % 4 == 1 ? arg % 80 : null,
            TapKeys = arg % 5 == 0 ? [Pool[arg % 7], Pool[(arg + 3) % Pool.Length]] : [],
            HoldKeys = arg % 5 == 1 ? [Pool[(arg + 1) % Pool.Length]] : [],
            TapReleaseKeys = arg % 5 == 2 ? [Pool[(arg + 2) % Pool.Length]] : [],
            SameHand = arg % 6 == 0 ? (TapHoldChoice)(arg / 6 % 3) : null,
            OppositeHand = arg % 6 == 1 ? (TapHoldChoice)(arg / 6 % 3) : null,
            NeutralKeys = arg % 6 == 2 ? [Space] : [],
            HandsDecideOnRelease = arg % 2 == 0,
            ReplayUnderTap = arg % 3 != 1,
        };
        return TapHold(Chord(Pool[(arg + 5) % Pool.Length]), arg % 7 == 0 ? new LayerAction(LayerActionKind.Momentary, "nav", At) : Chord(LShift),
            (HoldMode)(arg % 3), term: 50 + arg % 200, quick: arg % 8 == 0 ? 100 : null) with { Options = options };
    }

    private static ActionModel Dance(int arg) =>
        new TapDanceAction(
            new ActionModel[] { Chord(Pool[arg % Pool.Length]), Chord(LCtrl, Pool[(arg + 1) % Pool.Length]), new LayerAction(LayerActionKind.Momentary, "nav", At) }
                .Take(1 + arg % 3).ToList(),
            40 + arg % 200, At);

    private static KeymapModel BuildKeymap(int[] genome, int[] combos, int[] extra)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        var remap = model.Remap.ToList();
        for (int i = 0; i + 1 < extra.Length; i += 2)
        {
            var key = Pool[extra[i] % Pool.Length];
            int arg = extra[i + 1];
            remap.RemoveAll(b => b.From.Count == 1 && b.From[0] == key);
            remap.Add(Bind(key, arg % 3 == 0 ? Dance(arg) : Decorated(arg)));
        }
        var hands = new KeyboardHands([A, S, D, F, Caps, LShift], [H, J, KK, L, RGui]);
        return model with { Remap = remap, Settings = model.Settings with { Hands = hands } };
    }

    private static readonly Gen<(int[] Genome, int[] Combos, int[] Extra, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 24],
            Gen.Int[0, 999].Array[0, 6],
            Gen.Int[0, 999].Array[2, 16],
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 1], Gen.Int[0, 260]).Array[1, 100]);

    [Fact]
    public void Nothing_stays_pressed_once_every_key_is_up_and_the_timers_ran()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Extra, c.Events);
            RandomTyping.AssertNothingStaysPressed(output, engine);
            Assert.Equal(long.MaxValue, engine.NextDeadlineUs); // no tap-hold or tap-dance still waiting
        }, iter: 1500);
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_output()
    {
        Cases.Sample(c =>
        {
            var (first, _) = Run(c.Genome, c.Combos, c.Extra, c.Events);
            var (second, _) = Run(c.Genome, c.Combos, c.Extra, c.Events);
            Assert.Equal(first.TimedLog, second.TimedLog);
        }, iter: 200);
    }

    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, int[] extra, (int Key, int Device, int Wait)[] events) =>
        RandomTyping.Run(BuildKeymap, genome, combos, extra, events, 120_000_000);
}
