using Remapper.E2E.Guest.Latency;

namespace Remapper.LatencyRunner;

/// <summary>
/// One pipeline × keymap × workload over every round it ran: latencies pooled before percentiles are taken (a
/// percentile of percentiles would mean nothing), fault counts summed.
/// </summary>
internal sealed class PooledResult(string pipeline, string keymap, string workload)
{
    public string Pipeline { get; } = pipeline;
    public string Keymap { get; } = keymap;
    public string Workload { get; } = workload;
    public List<long> Latencies { get; } = [];

    /// <summary>Each round on its own, to tell a stable row from one that measured the host's load.</summary>
    public List<LatencyStats> RoundStats { get; } = [];
    public int Rounds { get; private set; }
    public int Lost { get; private set; }
    public int Duplicated { get; private set; }
    public int Reordered { get; private set; }
    public int Unexpected { get; private set; }
    public int ReaderOverruns { get; private set; }

    public bool Clean => Lost == 0 && Duplicated == 0 && Reordered == 0 && Unexpected == 0;

    public LatencyStats Stats => new(Latencies);

    /// <summary>Largest ÷ smallest value of a percentile over the rounds (1 with one round): how far rounds disagree.</summary>
    public double Spread(double percent)
    {
        var values = RoundStats.Select(r => (double)Math.Max(1, r.Percentile(percent))).ToList();
        return values.Count < 2 ? 1 : values.Max() / values.Min();
    }

    /// <summary>Rounds differing by more than 2× at p50, p90 or p99 measured the machine, not the pipeline: not ranked.</summary>
    public bool Unstable => Spread(50) > 2 || Spread(90) > 2 || Spread(99) > 2;

    public void Add(ResultLine summary, IEnumerable<long> latencies)
    {
        Rounds++;
        Lost += (int)summary.Number("lost");
        Duplicated += (int)summary.Number("duplicated");
        Reordered += (int)summary.Number("reordered");
        Unexpected += (int)summary.Number("unexpected");
        ReaderOverruns += (int)summary.Number("dropped");
        var round = latencies.ToList();
        RoundStats.Add(new LatencyStats(round));
        Latencies.AddRange(round);
    }
}
