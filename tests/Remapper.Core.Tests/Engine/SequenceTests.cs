using CsCheck;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// The sequence stage (<c>leader()</c>, <c>[sequences]</c>) under the engine's promises: typing through it allocates
/// nothing, nothing stays pressed on random keymaps with leaders and sequences (pauses, reloads and unplugs included),
/// and the same input gives the same output. Its behaviour is in tests/scenarios/sequences.keytest.
/// </summary>
public class SequenceTests
{
    private const string Keymap = """
        [remap]
        f1 = "leader()"
        f2 = "leader(300, visible_backspaced)"
        f3 = "leader(300, hidden_delay_type)"
        f4 = "nop2"

        [sequences]
        "g s" = "f5"
        "d (a b)" = 'macro("x", 5ms, "y")'
        "shift+(h s)" = "ctrl+c"
        "nop2 x" = "escape"
        """;

    private static readonly Usage F1 = K(0x3A), F2 = K(0x3B), F3 = K(0x3C), F4 = K(0x3D), G = K(0x0A);

    private static KeyEvent[] Pattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (F1, true, 20), (F1, false, 20), (G, true, 20), (G, false, 20), (S, true, 20), (S, false, 20),   // hidden match
            (F2, true, 20), (F2, false, 20), (G, true, 20), (G, false, 20), (S, true, 20), (S, false, 20),   // visible match
            (F3, true, 20), (F3, false, 20), (G, true, 20), (G, false, 20), (X, true, 20), (X, false, 20),   // delay-type, no match
            (F1, true, 20), (F1, false, 20), (D, true, 20), (D, false, 20), (B, true, 10), (A, true, 10),
            (A, false, 10), (B, false, 30),                                                                   // together, then a macro
            (F2, true, 20), (F2, false, 20), (LShift, true, 10), (H, true, 10), (H, false, 10), (S, true, 10),
            (S, false, 10), (LShift, false, 20),                                                              // held modifier
            (F4, true, 20), (F4, false, 20), (F1, true, 20), (F1, false, 20), (F4, true, 20), (F4, false, 20),
            (X, true, 20), (X, false, 20),                                                                    // nop key
            (F3, true, 20), (F3, false, 20), (G, true, 20), (G, false, 400),                                  // timeout
        };
        return AllocationDrive.Events(device, script);
    }

    [Fact]
    public void Typing_sequences_allocates_nothing()
    {
        var output = new AllocationDrive.CountingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(KeymapAssert.Valid(Keymap)), output);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        long allocated = AllocationDrive.BytesAllocated(engine, Pattern(device), 50_000);

        Assert.Equal(0, allocated);
        Assert.True(output.Changes > 20_000, $"the pattern should type a lot, got {output.Changes} changes");
    }

    private static readonly Usage[] Pool = RandomTyping.Pool;

    /// <summary>The random keymap of <see cref="EngineInvariantTests"/>, with leaders on some keys and sequences over the pool.</summary>
    private static KeymapModel BuildKeymap(int[] genome, int[] combos, int[] leaders)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        var remap = model.Remap.ToList();
        var sequences = new List<KeySequenceModel>();
        var seen = new List<ulong[]>();
        for (int i = 0; i + 1 < leaders.Length; i += 2)
        {
            var key = Pool[leaders[i] % Pool.Length];
            int arg = leaders[i + 1];
            if (i == 0 || arg % 3 == 0)
            {
                remap.RemoveAll(b => b.From.Count == 1 && b.From[0] == key);
                remap.Add(Bind(key, new LeaderAction(50 + arg % 400, (SequenceInputMode)(arg % 3), At)));
                continue;
            }
            var first = Pool[arg % Pool.Length];
            var second = Pool[(arg / 7) % Pool.Length];
            SequenceStep[] steps = (arg % 4) switch
            {
                0 => [new([], [first], false), new([], [second], false)],
                1 when first != second => [new([], [first, second], true)],
                2 => [new([LShift], [first, second], false)],
                _ => [new([], [first], false)],
            };
            ActionModel action = arg % 5 == 0
                ? new MacroAction([new MacroChordStep([Pool[arg % Pool.Length]], At), new MacroDelayStep(arg % 30, At)], null, MacroCancel.Never, At)
                : Chord(arg % 2 == 0 ? LCtrl : LShift, Pool[(arg / 3) % Pool.Length]);
            var sequence = new KeySequenceModel($"s{i}", steps, action, At);
            var paths = sequence.Paths();
            if (paths.Any(p => seen.Any(q => StartsAlike(p, q)))) continue;
            seen.AddRange(paths);
            sequences.Add(sequence);
        }
        return model with { Remap = remap, Sequences = sequences };
    }

    private static bool StartsAlike(ulong[] a, ulong[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
            if (a[i] != b[i]) return false;
        return true;
    }

    private static readonly Gen<(int[] Genome, int[] Combos, int[] Leaders, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 24],
            Gen.Int[0, 999].Array[0, 6],
            Gen.Int[0, 999].Array[2, 16],
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 1], Gen.Int[0, 260]).Array[1, 100]);

    [Fact]
    public void Nothing_stays_pressed_with_leaders_and_sequences()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Leaders, c.Events);
            RandomTyping.AssertNothingStaysPressed(output, engine);
            Assert.Equal(long.MaxValue, engine.NextDeadlineUs); // no sequence still listening, no macro still playing
        }, iter: 1500);
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_output()
    {
        Cases.Sample(c =>
        {
            var (first, _) = Run(c.Genome, c.Combos, c.Leaders, c.Events);
            var (second, _) = Run(c.Genome, c.Combos, c.Leaders, c.Events);
            Assert.Equal(first.TimedLog, second.TimedLog);
        }, iter: 200);
    }

    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, int[] leaders, (int Key, int Device, int Wait)[] events) =>
        RandomTyping.Run(BuildKeymap, genome, combos, leaders, events, 120_000_000);
}
