using System.Globalization;

namespace Remapper.LatencyRunner;

/// <summary>What the numbers ran on: they mean little without it.</summary>
internal static class Machine
{
    public static string Describe(string guestKernel)
    {
        string cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        string kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        string memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        return $"- host: {cpu}, {Environment.ProcessorCount} cores, {memory} RAM, Linux {kernel}, .NET {Environment.Version}\n" +
               $"- guest: the e2e guest (QEMU TCG software emulation, 2 vCPUs, 2 GiB), Linux {guestKernel}; every pipeline below ran in this one guest, one after another\n" +
               $"- run started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the start: {LoadAverage()}";
    }

    public static double LoadAverageOneMinute() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) for the one-minute load average to fall to one per core. The step
    /// before the latency run (the engine benchmarks, the builds) leaves it high for a minute or two on its own, and a
    /// run that starts then would be marked not ranked for load it made itself.
    /// </summary>
    public static void WaitForQuiet(TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (LoadAverageOneMinute() > Environment.ProcessorCount && waited.Elapsed < limit)
        {
            Console.WriteLine($"# waiting for the host to settle: load average {LoadAverage()}");
            Thread.Sleep(TimeSpan.FromSeconds(15));
        }
    }

    /// <summary>The host's CPU time counters (/proc/stat's cpu line): total and stolen (by the hypervisor, for other machines).</summary>
    public static (long Total, long Steal) CpuTimes()
    {
        string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = fields.Skip(1).Take(8).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        return (total, long.Parse(fields[8], CultureInfo.InvariantCulture));
    }

    /// <summary>The share of the host's CPU time the hypervisor gave to other machines since <paramref name="start"/>.</summary>
    public static string StealSince((long Total, long Steal) start)
    {
        var now = CpuTimes();
        long total = now.Total - start.Total;
        return total <= 0 ? "unknown" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * (now.Steal - start.Steal) / total:0.0}%");
    }
}
