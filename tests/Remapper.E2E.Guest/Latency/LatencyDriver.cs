using System.Diagnostics;
using System.Globalization;

namespace Remapper.E2E.Guest.Latency;

/// <summary>
/// Runs workloads through a pipeline (source keyboard → program under test → its output node) and reports
/// latency = output event time − write time, both CLOCK_MONOTONIC.
/// </summary>
/// <remarks>
/// Windowed (flood) workloads keep at most <c>window</c> outputs outstanding. Without a window the driver, which
/// writes straight into the kernel, outruns any reader: evdev gives each reader a buffer of 64 events (about 20
/// key changes with their MSC_SCAN and SYN), and the kernel drops the rest with SYN_DROPPED. That is a property of
/// the kernel, the same for every remapper, and a real keyboard never types 10 000 keys a second.
/// </remarks>
internal sealed class LatencyDriver(SourceKeyboard source, OutputReader reader, string label, int window, string? rawPath = null)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(3);

    public string Run(Workload workload)
    {
        int start = reader.Count;
        int droppedBefore = reader.Dropped;
        int[] due = workload.ExpectedDueAfter();
        var stamps = new long[workload.Steps.Count];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < workload.Steps.Count; i++)
        {
            WriteStep step = workload.Steps[i];
            if (workload.Windowed && i > 0)
            {
                WaitFor(start + due[i - 1] - window, TimeSpan.FromSeconds(1));
            }
            stamps[i] = source.Write(step.Usage, step.Down);
            if (step.PauseAfterMs > 0)
            {
                Thread.Sleep(step.PauseAfterMs);
            }
        }
        WaitFor(start + workload.Expected.Count, SettleTimeout);
        double seconds = clock.Elapsed.TotalSeconds;
        // Anything extra (a duplicate) arrives with the rest; a short quiet period catches it.
        Thread.Sleep(200);
        List<ObservedOutput> observed = reader.Slice(start, reader.Count);
        MatchResult result = SequenceMatcher.Match(workload.Expected, stamps, observed);
        if (rawPath is not null)
        {
            // Every latency, so runs of several rounds can be pooled before taking percentiles.
            File.AppendAllText(rawPath, $"{workload.Name.Replace(' ', '-')} {string.Join(' ', result.LatenciesMicros)}\n");
        }
        var stats = new LatencyStats(result.LatenciesMicros);
        return string.Create(CultureInfo.InvariantCulture,
            $"latency label={label} workload={workload.Name.Replace(' ', '-')} count={stats.Count} p50={stats.Percentile(50)} " +
            $"p90={stats.Percentile(90)} p99={stats.Percentile(99)} max={stats.Max} lost={result.Lost} " +
            $"duplicated={result.Duplicated} reordered={result.Reordered} unexpected={result.Unexpected} " +
            $"dropped={reader.Dropped - droppedBefore} events={workload.Steps.Count} seconds={seconds:0.0}");
    }

    /// <summary>Waits until the reader holds <paramref name="count"/> events, or nothing new arrived for <paramref name="quiet"/>.</summary>
    private void WaitFor(int count, TimeSpan quiet)
    {
        int last = reader.Count;
        long lastChange = Stopwatch.GetTimestamp();
        SpinWait spin = default;
        while (reader.Count < count)
        {
            int now = reader.Count;
            if (now != last)
            {
                last = now;
                lastChange = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastChange) > quiet)
            {
                return;
            }
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
