using Remapper.E2E.Guest.Latency;

namespace Remapper.E2E;

/// <summary>
/// The latency driver's arithmetic (guest tool, linked here because it needs no guest): a wrong percentile or a
/// missed lost event would put a false number in docs/performance.md.
/// </summary>
public sealed class LatencyStatisticsTests
{
    private static readonly KeyChange ADown = new(30, 1), AUp = new(30, 0), BDown = new(48, 1), BUp = new(48, 0);

    [Fact]
    public void Percentiles_are_measured_values_by_nearest_rank()
    {
        var stats = new LatencyStats(Enumerable.Range(1, 100).Select(i => (long)i).Reverse());

        Assert.Equal(50, stats.Percentile(50));
        Assert.Equal(90, stats.Percentile(90));
        Assert.Equal(99, stats.Percentile(99));
        Assert.Equal(100, stats.Max);
        Assert.Equal(7, new LatencyStats([7]).Percentile(99));
        Assert.Equal(0, new LatencyStats([]).Percentile(50));
    }

    [Fact]
    public void In_order_outputs_give_one_latency_each_from_their_own_write()
    {
        var expected = Expect(ADown, AUp, BDown, BUp);
        long[] writes = [1000, 2000, 3000, 4000];

        MatchResult result = SequenceMatcher.Match(expected, writes, Observe((ADown, 1100), (AUp, 2250), (BDown, 3010), (BUp, 4500)));

        Assert.Equal([100L, 250, 10, 500], result.LatenciesMicros);
        Assert.Equal((0, 0, 0, 0), (result.Lost, result.Duplicated, result.Reordered, result.Unexpected));
    }

    [Fact]
    public void A_missing_output_is_lost_a_repeated_one_duplicated_a_swapped_pair_reordered()
    {
        var expected = Expect(ADown, AUp, BDown, BUp);
        long[] writes = [0, 0, 0, 0];

        Assert.Equal(1, SequenceMatcher.Match(expected, writes, Observe((ADown, 1), (BDown, 3), (BUp, 4))).Lost);
        Assert.Equal(1, SequenceMatcher.Match(expected, writes, Observe((ADown, 1), (ADown, 1), (AUp, 2), (BDown, 3), (BUp, 4))).Duplicated);
        MatchResult swapped = SequenceMatcher.Match(expected, writes, Observe((ADown, 1), (BDown, 3), (AUp, 2), (BUp, 4)));
        Assert.Equal(1, swapped.Reordered);
        Assert.Equal(0, swapped.Lost);
    }

    [Fact]
    public void A_tap_hold_tap_is_measured_from_its_release_not_its_press()
    {
        Workload workload = Workloads.TapHoldTaps("a", taps: 1, holdMs: 60, idleMs: 50, new Random(1));
        long[] writes = [1_000, 61_000];

        MatchResult result = SequenceMatcher.Match(workload.Expected, writes, Observe((ADown, 61_400), (AUp, 61_500)));

        Assert.Equal([400L, 500], result.LatenciesMicros);
        Assert.Equal(0, result.Lost);
    }

    private static List<ExpectedOutput> Expect(params KeyChange[] changes) =>
        changes.Select((c, i) => new ExpectedOutput(c, i)).ToList();

    private static List<ObservedOutput> Observe(params (KeyChange Change, long Time)[] events) =>
        events.Select(e => new ObservedOutput(e.Change, e.Time)).ToList();
}
