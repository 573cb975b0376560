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
    public int Rounds { get; private set; }
    public int Lost { get; private set; }
    public int Duplicated { get; private set; }
    public int Reordered { get; private set; }
    public int Unexpected { get; private set; }
    public int ReaderOverruns { get; private set; }

    public bool Clean => Lost == 0 && Duplicated == 0 && Reordered == 0 && Unexpected == 0;

    public LatencyStats Stats => new(Latencies);

    public void Add(ResultLine summary, IEnumerable<long> latencies)
    {
        Rounds++;
        Lost += (int)summary.Number("lost");
        Duplicated += (int)summary.Number("duplicated");
        Reordered += (int)summary.Number("reordered");
        Unexpected += (int)summary.Number("unexpected");
        ReaderOverruns += (int)summary.Number("dropped");
        Latencies.AddRange(latencies);
    }
}
