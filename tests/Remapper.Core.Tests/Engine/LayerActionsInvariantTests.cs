using CsCheck;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// The invariant tests' promises with the combined layer actions in the keymap: multis (a layer, one-shot, swap or toggle
/// with keys and sequences), one-shots with a timeout or ending on the press, and a composite layer. Once every key is
/// up and the timers ran nothing is down but what a waiting one-shot holds by request, nothing waits on a timer, no
/// output goes up without its down, and the same input gives the same output.
/// </summary>
public class LayerActionsInvariantTests
{
    private static readonly Usage[] Pool = RandomTyping.Pool;
    private static readonly string[] Layers = ["nav", "sym"];

    private static LayerAction OneShot(int arg) => (arg % 3) switch
    {
        0 => new LayerAction(LayerActionKind.OneShot, "base", At, [arg % 2 == 0 ? LShift : LCtrl], new OneShotOptions(50 + arg % 300, arg % 4 < 2)),
        1 => new LayerAction(LayerActionKind.OneShot, Layers[arg % 2], At, arg % 4 == 1 ? [LAlt] : null, new OneShotOptions(arg % 5 == 0 ? null : 30 + arg % 200, arg % 2 == 0)),
        _ => new LayerAction(LayerActionKind.OneShot, "base", At, [LGui], new OneShotOptions(null, true)),
    };

    private static ActionModel Item(int arg) => (arg % 7) switch
    {
        0 => Chord(Pool[arg % Pool.Length]),
        1 => new SequenceAction([Chord(Pool[(arg + 1) % Pool.Length]), Chord(LShift, Pool[(arg + 2) % Pool.Length])], At),
        2 => new LayerAction(LayerActionKind.Momentary, Layers[arg % 2], At, arg % 2 == 0 ? [LCtrl] : null),
        3 => OneShot(arg / 7),
        4 => new LayerAction(LayerActionKind.Swap, Layers[(arg + 1) % 2], At, arg % 2 == 0 ? [LGui] : null),
        5 => new LayerAction(LayerActionKind.Toggle, Layers[arg % 2], At, arg % 3 == 0 ? [LShift] : null),
        _ => new LayerAction(LayerActionKind.Momentary, "base", At, [LAlt]),
    };

    private static ActionModel Extra(int arg) => (arg % 3) switch
    {
        0 => OneShot(arg / 3),
        _ => new MultiAction([Item(arg / 3), Item(arg / 3 + 5), .. arg % 2 == 0 ? new[] { Item(arg / 3 + 11) } : []], At),
    };

    private static KeymapModel BuildKeymap(int[] genome, int[] combos, int[] extra)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        var remap = model.Remap.ToList();
        var layers = model.Layers.ToList();
        var composite = new List<Binding>();
        for (int i = 0; i + 1 < extra.Length; i += 2)
        {
            var key = Pool[extra[i] % Pool.Length];
            int arg = extra[i + 1];
            if (arg % 5 == 4)
            {
                // A binding of the composite layer nav+sym, a chord now and then with the modifier a part holds.
                composite.RemoveAll(b => b.From[0] == key);
                composite.Add(Bind(key, arg % 2 == 0 ? Chord(LCtrl, Pool[arg % Pool.Length]) : Extra(arg / 5)));
                continue;
            }
            var into = arg % 5 == 3 ? 1 + arg % 2 : 0;
            var table = into == 0 ? remap : layers[into - 1].Bindings.ToList();
            table.RemoveAll(b => b.From.Count == 1 && b.From[0] == key);
            table.Add(Bind(key, Extra(arg)));
            if (into > 0) layers[into - 1] = layers[into - 1] with { Bindings = table };
        }
        layers.Add(LayerDef("nav+sym", [.. composite]));
        return model with { Remap = remap, Layers = layers };
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
            Assert.Equal(long.MaxValue, engine.NextDeadlineUs); // no one-shot timeout still running
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
