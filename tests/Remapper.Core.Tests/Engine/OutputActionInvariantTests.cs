using CsCheck;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// The invariant tests' promises with macros, text, unicode and caps_word in the keymap: once every key is up and
/// the macros have run to completion, nothing is down; no output up without its down; pause, reload and unplug
/// in the middle of a macro leave nothing behind; and the same input gives the same output.
/// </summary>
public class OutputActionInvariantTests
{
    private static readonly Usage[] Pool = RandomTyping.Pool;

    private static MacroAction Macro(int arg, params MacroStepModel[] steps) =>
        new(steps, arg % 5 == 0 ? 30 + arg % 40 : null, (MacroCancel)(arg % 4), At);

    /// <summary>The random keymap of <see cref="EngineInvariantTests"/>, with some keys bound to the typing actions.</summary>
    private static KeymapModel BuildKeymap(int[] genome, int[] combos, int[] typing)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        var remap = model.Remap.ToList();
        var nav = model.Layers.FirstOrDefault(l => l.Name == "nav")?.Bindings.ToList() ?? [];
        for (int i = 0; i + 1 < typing.Length; i += 2)
        {
            var key = Pool[typing[i] % Pool.Length];
            int arg = typing[i + 1];
            ActionModel action = (arg / 7 % 6) switch
            {
                0 => Macro(arg, new MacroChordStep([LCtrl, Pool[arg % Pool.Length]], At), new MacroDelayStep(arg % 80, At),
                    new MacroChordStep([Pool[(arg + 1) % Pool.Length]], At)),
                1 => Macro(arg, new MacroTextStep("Hi, A_b!", At), new MacroDelayStep(10 + arg % 30, At), new MacroTextStep("x", At)),
                2 => Macro(arg, new MacroUnicodeStep("é→😀", At)),
                3 => new CapsWordAction(100 + arg % 900, arg % 2 == 0, null, null, At, PerKeyShift: arg % 3 != 0),
                4 => TapHold(new MacroAction([new MacroTextStep("tap", At)], null, MacroCancel.Never, At), Chord(LShift)),
                _ => Macro(arg, new MacroDelayStep(arg % 50, At), new MacroChordStep([LShift, Pool[arg % Pool.Length]], At)),
            };
            var table = arg % 3 == 0 ? nav : remap;
            table.RemoveAll(b => b.From.Count == 1 && b.From[0] == key);
            table.Add(Bind(key, action));
        }
        var layers = model.Layers.Select(l => l.Name == "nav" ? l with { Bindings = nav } : l).ToArray();
        var settings = new KeymapSettings { UnicodeInput = typing.Length % 2 == 0 ? UnicodeInput.CtrlShiftU : UnicodeInput.MacosHex };
        return model with { Remap = remap, Layers = layers, Settings = settings };
    }

    private static readonly Gen<(int[] Genome, int[] Combos, int[] Typing, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 24],
            Gen.Int[0, 999].Array[0, 6],
            Gen.Int[0, 999].Array[2, 12],
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 1], Gen.Int[0, 260]).Array[1, 100]);

    [Fact]
    public void Nothing_stays_pressed_once_every_key_is_up_and_macros_ran_to_completion()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Typing, c.Events);
            RandomTyping.AssertNothingStaysPressed(output, engine);
            Assert.Equal(long.MaxValue, engine.NextDeadlineUs); // no macro still playing or repeating
        }, iter: 1500);
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_output()
    {
        Cases.Sample(c =>
        {
            var (first, _) = Run(c.Genome, c.Combos, c.Typing, c.Events);
            var (second, _) = Run(c.Genome, c.Combos, c.Typing, c.Events);
            Assert.Equal(first.TimedLog, second.TimedLog);
        }, iter: 200);
    }

    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, int[] typing, (int Key, int Device, int Wait)[] events)
    {
        var output = new RecordingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(BuildKeymap(genome, combos, typing)), output);
        output.Clock = () => engine.NowUs;
        RandomTyping.Type(engine, () => CompiledKeymap.Compile(BuildKeymap([.. genome.Reverse()], combos, [.. typing.Reverse()])), 0,
            events.Select(e => (e.Key, e.Device, e.Wait, RandomTyping.OpFor(e.Wait))), 120_000_000);
        return (output, engine);
    }
}
