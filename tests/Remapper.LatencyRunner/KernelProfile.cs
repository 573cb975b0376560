using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>
/// Where the kernel's share of one key change goes, counted: the guest kernel's function tracer records every call
/// into the uhid, HID core, HID input, input core and evdev layers while a pipeline types a taps workload, and the
/// table gives calls per key change on the pipeline's own vCPU. The pipeline runs pinned to vCPU 1 and the driver to
/// vCPU 0, and the work of a write() (uhid → HID → input → evdev) is done in the writer's context, so vCPU 1's calls
/// are the pipeline's read of the source and its write of the output, and nothing of the driver. Counts, unlike
/// timings in an emulated guest, do not depend on how loaded the host is.
/// </summary>
internal static partial class KernelProfile
{
    /// <summary>Key changes in the traced workload (the guest tool's <c>--taps N</c> types N changes: N/2 taps).</summary>
    public const int Changes = 200;
    private const string Tracing = "/sys/kernel/tracing";

    /// <summary>The layers, by function-name prefix, in the order a report passes through them.</summary>
    private static readonly string[] Layers = ["uhid_", "hid_", "hidinput_", "input_", "evdev_"];

    public static async Task<string> RunAsync(Guest guest, string tool, IEnumerable<(string Name, string Pipeline, string Extra)> pipelines)
    {
        GuestResult setup = await guest.RunAsync(SetupScript(), TimeSpan.FromMinutes(2));
        if (setup.ExitCode != 0)
        {
            throw new InvalidOperationException($"kernel profile: setting up the function tracer failed (exit {setup.ExitCode}):\n{setup.Output}");
        }
        var rows = new List<(string Name, Dictionary<string, long> Calls, long Lost)>();
        int n = 0;
        foreach ((string name, string pipeline, string extra) in pipelines)
        {
            string file = $"ftrace-{++n}.txt";
            string command =
                $"echo > {Tracing}/trace && taskset -c 0 {tool} latency --label kprof-{n} --pipeline 'exec taskset -c 1 {pipeline}' {extra} " +
                $"--workloads taps --taps {Changes} --ftrace && cat {Tracing}/per_cpu/cpu1/trace > {Guest.GuestPath(file)} && " +
                $"grep '^overrun' {Tracing}/per_cpu/cpu1/stats";
            (GuestResult result, string path) = await GuestCapture.RunAsync(guest, $"kernel profile of {name}", command, file, TimeSpan.FromMinutes(10));
            long lost = result.Lines.Where(l => l.StartsWith("overrun", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(':')[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
            rows.Add((name, Count(File.ReadLines(path)), lost));
        }
        await guest.RunAsync($"echo 0 > {Tracing}/tracing_on; echo nop > {Tracing}/current_tracer", TimeSpan.FromMinutes(1));
        return Format(rows);
    }

    private static string SetupScript()
    {
        var script = new StringBuilder();
        script.Append($"set -e; [ -e {Tracing}/tracing_on ] || mount -t tracefs nodev {Tracing}; ");
        script.Append($"echo 0 > {Tracing}/tracing_on; echo nop > {Tracing}/current_tracer; echo 65536 > {Tracing}/buffer_size_kb; ");
        script.Append($": > {Tracing}/set_ftrace_filter; ");
        foreach (string layer in Layers)
        {
            script.Append($"echo '{layer}*' >> {Tracing}/set_ftrace_filter; ");
        }
        script.Append($"echo function > {Tracing}/current_tracer; wc -l < {Tracing}/set_ftrace_filter");
        return script.ToString();
    }

    /// <summary>Calls per function in a function-tracer dump: "comm-pid [cpu] flags stamp: function &lt;-caller".</summary>
    private static Dictionary<string, long> Count(IEnumerable<string> lines)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            if (line.StartsWith('#') || TraceLine().Match(line) is not { Success: true } match)
            {
                continue;
            }
            string function = match.Groups[1].Value;
            calls[function] = calls.GetValueOrDefault(function) + 1;
        }
        return calls;
    }

    private static string Format(List<(string Name, Dictionary<string, long> Calls, long Lost)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Kernel function calls per key change on the pipeline's vCPU (the guest kernel's function tracer over a taps workload of {Changes} key changes, one key at a time, after the warm-up; functions named `uhid_*`, `hid_*`, `hidinput_*`, `input_*`, `evdev_*`; \"lost\" is the tracer's own overrun count, 0 means every call was counted):"));
        text.AppendLine();
        text.AppendLine("| pipeline | " + string.Join(" | ", Layers.Select(l => $"`{l}*`")) + " | all | lost |");
        text.AppendLine("|---|" + string.Concat(Layers.Select(_ => "---:|")) + "---:|---:|");
        foreach ((string name, var calls, long lost) in rows)
        {
            var perLayer = Layers.Select(layer => calls.Where(c => LayerOf(c.Key) == layer).Sum(c => c.Value) / (double)Changes);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {string.Join(" | ", perLayer.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)))} | {calls.Values.Sum() / (double)Changes:0.0} | {lost} |"));
        }
        text.AppendLine();
        text.AppendLine("The functions called most, per key change:");
        text.AppendLine();
        foreach ((string name, var calls, _) in rows)
        {
            string top = string.Join(", ", calls.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(8)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"`{c.Key}` {c.Value / (double)Changes:0.0}")));
            text.AppendLine($"- **{name}**: {top}");
        }
        return text.ToString();
    }

    /// <summary>The longest layer prefix a function name starts with (hidinput_ before hid_).</summary>
    private static string? LayerOf(string function) =>
        Layers.Where(l => function.StartsWith(l, StringComparison.Ordinal)).OrderByDescending(l => l.Length).FirstOrDefault();

    [GeneratedRegex(@": ([A-Za-z0-9_.]+) <-")]
    private static partial Regex TraceLine();
}
