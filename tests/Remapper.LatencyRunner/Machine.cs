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
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
