using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>
/// Where the CPU time of one key change goes, user space and kernel together, sampled: <c>perf record -e cpu-clock</c>
/// on the pipeline's vCPU (1; the driver is on vCPU 0) while the pipeline types a taps workload, and the table gives
/// the sampled CPU time per key change by program and library, and the functions that take most of it. It answers
/// what the kernel profile cannot: how much of a pipeline's time above its floor is its own code in user space.
/// Sampled in an emulated guest, the times are the emulator's, not a real CPU's: compare rows, not absolute values.
/// </summary>
internal static partial class UserProfile
{
    /// <summary>Key changes in the sampled workload (<c>--taps N</c> types N changes).</summary>
    public const int Changes = 1000;

    /// <summary>
    /// Samples per second asked of perf. The emulated guest's timer does not keep every one (the table gives the rate it
    /// kept), so times are the share of samples × the workload's wall time, which a lost tick does not bias.
    /// </summary>
    internal const int Frequency = 10_000;

    public static async Task<string> RunAsync(Guest guest, string tool, string outDir, IEnumerable<(string Name, string Pipeline, string Extra)> pipelines)
    {
        await PreparePerfAsync(guest);
        var rows = new List<(string Name, List<Sample> Samples, double Seconds)>();
        int n = 0;
        foreach ((string name, string pipeline, string extra) in pipelines)
        {
            // Switched on by the driver for the measured workload only (not the start-up or the warm-up).
            (var samples, var result) = await SampleAsync(guest, tool, outDir, name, $"uprof-{++n}", pipeline,
                $"{extra} --workloads taps --taps {Changes}");
            double seconds = result.Lines.Select(ResultLine.Parse).OfType<ResultLine>().Where(r => r.Kind == "latency")
                .Select(r => double.Parse(r["seconds"], CultureInfo.InvariantCulture)).Sum();
            rows.Add((name, samples, seconds));
        }
        return Format(rows);
    }

    /// <summary>
    /// Runs the driver on one pipeline with perf sampling vCPU 1 (the pipeline's) system-wide, in the window the driver
    /// switches it on for (<paramref name="driverArgs"/> choose it), and returns the samples and the driver's output. The
    /// samples of the run are kept in <paramref name="outDir"/> (<c>LABEL.txt</c>) for a closer look.
    /// </summary>
    internal static async Task<(List<Sample> Samples, GuestResult Result)> SampleAsync(Guest guest, string tool, string outDir, string name,
        string label, string pipeline, string driverArgs)
    {
        string data = $"/tmp/{label}.data"; // the guest's own tmpfs: the host's file system is mounted read-only
        string script = $"{label}.txt";
        string command =
            $"rm -f /tmp/perf-ctl /tmp/perf-ack; mkfifo /tmp/perf-ctl /tmp/perf-ack; " +
            $"taskset -c 0 perf record -D -1 --control fifo:/tmp/perf-ctl,/tmp/perf-ack -e cpu-clock -F {Frequency} -C 1 -o {data} 2>&1 & p=$!; sleep 1; kill -0 $p || {{ echo \"perf record did not start\"; exit 1; }}; " +
            $"taskset -c 0 {tool} latency --label {label} --pipeline 'exec taskset -c 1 {pipeline}' {driverArgs} --perf-control /tmp/perf-ctl,/tmp/perf-ack; rc=$?; " +
            $"kill -INT $p; wait $p; [ $rc = 0 ] && perf script -i {data} -F comm,ip,sym,dso > {Guest.GuestPath(script)}; rm -f {data}; exit $rc";
        (GuestResult result, string path) = await GuestCapture.RunAsync(guest, $"perf of {name}", command, script, TimeSpan.FromMinutes(15));
        var samples = Parse(File.ReadLines(path));
        File.Copy(path, Path.Combine(outDir, script), overwrite: true);
        if (samples.Count == 0)
        {
            throw new InvalidOperationException($"perf of {name}: recorded no samples:\n{result.Output}");
        }
        return (samples, result);
    }

    /// <summary>Lets perf sample the guest kernel and every process at the rate asked; throws when perf does not run there.</summary>
    internal static async Task PreparePerfAsync(Guest guest)
    {
        GuestResult setup = await guest.RunAsync("echo 0 > /proc/sys/kernel/kptr_restrict; echo -1 > /proc/sys/kernel/perf_event_paranoid; " +
            // The kernel lowers the sample rate it allows when sampling seems to cost too much CPU, which it always
            // does in an emulated guest; without this it soon refuses or throttles the rate asked for.
            $"echo 0 > /proc/sys/kernel/perf_cpu_time_max_percent; echo {Frequency * 2} > /proc/sys/kernel/perf_event_max_sample_rate; perf --version",
            TimeSpan.FromMinutes(2));
        if (setup.ExitCode != 0)
        {
            throw new InvalidOperationException($"perf does not run in the guest (exit {setup.ExitCode}):\n{setup.Output}");
        }
    }

    internal readonly record struct Sample(string Comm, string Symbol, string Dso);

    /// <summary>perf script lines: "comm ip symbol (dso)"; the symbol may be "[unknown]".</summary>
    internal static List<Sample> Parse(IEnumerable<string> lines)
    {
        var samples = new List<Sample>();
        foreach (string line in lines)
        {
            if (ScriptLine().Match(line) is { Success: true } m)
            {
                string symbol = m.Groups["sym"].Value.Trim();
                int plus = symbol.LastIndexOf("+0x", StringComparison.Ordinal);
                samples.Add(new Sample(m.Groups["comm"].Value, plus > 0 ? symbol[..plus] : symbol, Path.GetFileName(m.Groups["dso"].Value)));
            }
        }
        return samples;
    }

    internal static bool Idle(Sample s) => s.Comm.StartsWith("swapper", StringComparison.Ordinal);

    /// <summary>perf itself and the kernel's own threads (workers, softirq, compaction) that ran on the vCPU: not the pipeline's.</summary>
    internal static bool NotThePipeline(Sample s) =>
        s.Comm is "perf" or "perf-exec" || KernelThreads.Any(t => s.Comm.StartsWith(t, StringComparison.Ordinal));

    private static readonly string[] KernelThreads = ["kworker", "ksoftirqd", "kcompactd", "migration", "rcu", "cpuhp", "kswapd", "khugepaged"];

    private static string Format(List<(string Name, List<Sample> Samples, double Seconds)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time per key change on the pipeline's vCPU, sampled (`perf record -e cpu-clock -F {Frequency} -C 1`, switched on by the driver for a taps workload of {Changes} key changes, one at a time, and off after it; a group's time is its share of the samples × the workload's wall time; `[kernel]` is the guest kernel working for the pipeline, the rest its program and libraries; \"other\" is the kernel's own threads and perf on that vCPU, not counted in \"all\"; the rate is the samples per second the emulated timer kept):"));
        text.AppendLine();
        text.AppendLine("| pipeline | all, µs per change | user space | kernel | other | samples (idle), rate | by program and library (µs per change) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach ((string name, var samples, double seconds) in rows)
        {
            double usPerSample = seconds * 1e6 / samples.Count;
            double PerChange(int count) => count * usPerSample / Changes;
            var busy = samples.Where(s => !Idle(s) && !NotThePipeline(s)).ToList();
            int kernel = busy.Count(IsKernel);
            string byDso = string.Join(", ", busy.GroupBy(DsoName).OrderByDescending(g => g.Count()).Take(6)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"`{g.Key}` {PerChange(g.Count()):0}")));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {PerChange(busy.Count):0} | {PerChange(busy.Count - kernel):0} | {PerChange(kernel):0} | {PerChange(samples.Count(NotThePipeline)):0} | {samples.Count} ({samples.Count(Idle)}), {samples.Count / seconds:0}/s | {byDso} |"));
        }
        text.AppendLine();
        text.AppendLine("The functions that take most of it, µs per key change:");
        text.AppendLine();
        foreach ((string name, var samples, double seconds) in rows)
        {
            double usPerSample = seconds * 1e6 / samples.Count;
            var busy = samples.Where(s => !Idle(s) && !NotThePipeline(s)).ToList();
            string top = TopSymbols(busy, 12, Shorten, count => Amount(count * usPerSample / Changes, "0.0"));
            text.AppendLine($"- **{name}**: {top}");
        }
        text.AppendLine();
        text.AppendLine("In the pipeline's own program alone (no kernel, no libc), µs per key change:");
        text.AppendLine();
        foreach ((string name, var samples, double seconds) in rows)
        {
            double usPerSample = seconds * 1e6 / samples.Count;
            var own = samples.Where(s => !Idle(s) && !NotThePipeline(s) && !IsKernel(s) && !s.Dso.StartsWith("lib", StringComparison.Ordinal)).ToList();
            string top = TopSymbols(own, 15, Shorten, count => Amount(count * usPerSample / Changes, "0.0"));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- **{name}** ({own.Count * usPerSample / Changes:0} µs): {top}"));
        }
        return text.ToString();
    }

    /// <summary>The <paramref name="count"/> symbols with the most samples, most first (ties by name): "`name` amount, …".</summary>
    internal static string TopSymbols(IEnumerable<Sample> samples, int count, Func<string, string> name, Func<int, string> amount) =>
        string.Join(", ", samples.GroupBy(s => s.Symbol).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count)
            .Select(g => $"`{name(g.Key)}` {amount(g.Count())}"));

    internal static string Amount(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    internal static bool IsKernel(Sample s) => s.Dso.Contains("kernel", StringComparison.Ordinal) || s.Dso.StartsWith('[') && s.Dso != "[unknown]";

    internal static string DsoName(Sample s) => IsKernel(s) ? "[kernel]" : s.Dso;

    /// <summary>
    /// Native AOT names are long (assembly, namespace, type joined by "_", then "__" and the method); Type.Method says
    /// enough: <c>Remapper_Core_Remapper_Core_Engine_RemapEngine__Process</c> is <c>RemapEngine.Process</c>.
    /// </summary>
    internal static string Shorten(string symbol)
    {
        string plain = GenericArguments().Replace(symbol, "");
        int split = plain.LastIndexOf("__", StringComparison.Ordinal);
        if (split <= 0 || split + 2 >= plain.Length)
        {
            return symbol.Length > 70 ? symbol[..70] + "…" : symbol;
        }
        string type = GenericArity().Replace(plain[..split], "");
        return type[(type.LastIndexOf('_') + 1)..] + "." + plain[(split + 2)..];
    }

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex GenericArguments();

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"^\s*(?<comm>\S.*?)\s+[0-9a-f]+\s+(?<sym>.+?)\s+\((?<dso>[^()]*)\)\s*$")]
    private static partial Regex ScriptLine();
}
