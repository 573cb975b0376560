using CsCheck;
using Remapper.Core.Engine;
using static Remapper.Core.Tests.Engine.RandomTyping;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// The invariants of <see cref="EngineInvariantTests"/> under what a clock and a machine really do: an uptime near
/// 2^40 µs (12.7 days) where any 32-bit or float arithmetic on times goes wrong, timestamps that go backwards (two
/// keyboards' events read in one batch, a clock stepped back), three keyboards at once, pausing and resuming from
/// the control socket mid-press, keymap swaps and unplugs. Nothing may stay pressed, no up may come without its
/// down, nothing may throw, and the same input must give the same output.
/// </summary>
public class EngineClockPropertyTests
{
    private static readonly Gen<(int[] Genome, int[] Combos, long Start, (int Key, int Device, int Wait, int Op)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 36],
            Gen.Int[0, 999].Array[0, 9],
            Gen.OneOf(Gen.Const(0L), Gen.Long[(1L << 40) - 5_000_000_000, (1L << 40) + 5_000_000_000], Gen.Const((1L << 40) - 1)),
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 2], Gen.Int[-40, 260], Gen.Int[0, 99]).Array[1, 150]);

    [Fact]
    public void Near_2_to_the_40_and_with_time_going_backwards_nothing_stays_pressed()
    {
        Cases.Sample(c =>
        {
            var (output, engine) = Run(c.Genome, c.Combos, c.Start, c.Events);
            AssertNothingStaysPressed(output, engine);
        }, iter: 2000);
    }

    [Fact]
    public void Near_2_to_the_40_the_same_input_gives_the_same_output()
    {
        Cases.Sample(c =>
        {
            var (first, _) = Run(c.Genome, c.Combos, c.Start, c.Events);
            var (second, _) = Run(c.Genome, c.Combos, c.Start, c.Events);
            Assert.Equal(first.Log, second.Log);
        }, iter: 200);
    }

    [Fact]
    public void A_tap_hold_decided_across_2_to_the_40_behaves_as_at_zero()
    {
        // The same typing at two uptimes must give the same keys: times are only ever compared, never truncated.
        var genome = new[] { 11, 2, 5, 0, 0, 5, 12, 3, 8 };
        var events = new (int, int, int, int)[] { (11, 0, 0, 50), (0, 0, 100, 50), (0, 0, 60, 50), (11, 0, 200, 50), (5, 0, 10, 50), (5, 0, 300, 50) };
        var (atZero, _) = Run(genome, [], 0, events);
        var (atEdge, _) = Run(genome, [], (1L << 40) - 150_000, events);
        Assert.Equal(atZero.Log, atEdge.Log);
    }

    /// <summary>Three keyboards; an op of 0-9 advances time, 10 swaps the keymap, 11 pauses, 12 resumes, 13 unplugs the keyboard.</summary>
    private static (RecordingOutput, RemapEngine) Run(int[] genome, int[] combos, long start, (int Key, int Device, int Wait, int Op)[] events) =>
        RandomTyping.Run(genome, combos, start, events.Select(e => (e.Key, e.Device, e.Wait, e.Op switch
        {
            < 10 => Op.Advance,
            10 => Op.SwapKeymap,
            11 => Op.Pause,
            12 => Op.Resume,
            13 => Op.Replug,
            _ => Op.None,
        })));
}
