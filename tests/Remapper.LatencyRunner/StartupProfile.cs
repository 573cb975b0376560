using System.Globalization;
using System.Text;
using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>
/// Where a pipeline's start goes, exec to its ready line, sampled like <see cref="UserProfile"/> (perf on the
/// pipeline's vCPU, switched on by the driver just before it starts the pipeline and off once the ready line came).
/// A group's time is its share of the window's samples × exec → ready: the emulated timer drops ticks, a share does
/// not care. Idle samples are the pipeline waiting (for the 9p share, a sleep, a child), not computing.
/// </summary>
internal static class StartupProfile
{
    public static async Task<string> RunAsync(Guest guest, string tool, string outDir, IEnumerable<(string Name, string Pipeline, string Extra)> pipelines)
    {
        await UserProfile.PreparePerfAsync(guest);
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Start-up on the pipeline's vCPU, sampled (`perf record -e cpu-clock -F {UserProfile.Frequency} -C 1`, switched on by the driver before it starts the pipeline and off at its ready line; a group's time is its share of the samples × exec → ready; \"idle\" is the vCPU waiting, \"other\" the kernel's own threads and perf):"));
        text.AppendLine();
        text.AppendLine("| pipeline | exec → ready | samples | idle | other | kernel | by program and library (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        var tops = new List<string>();
        int n = 0;
        foreach ((string name, string pipeline, string extra) in pipelines)
        {
            (var samples, var result) = await UserProfile.SampleAsync(guest, tool, outDir, name, $"sprof-{++n}", pipeline,
                $"{extra} --workloads taps --taps 1 --perf-startup");
            ResultLine startup = result.Lines.Select(ResultLine.Parse).OfType<ResultLine>().FirstOrDefault(r => r.Kind == "startup")
                ?? throw new InvalidOperationException($"start-up profile of {name}: the driver printed no startup line:\n{result.Output}");
            double readyMs = startup.Number("exec_to_ready_ms");
            double Ms(int count) => count * readyMs / samples.Count;
            var busy = samples.Where(s => !UserProfile.Idle(s) && !UserProfile.NotThePipeline(s)).ToList();
            string byDso = string.Join(", ", busy.GroupBy(UserProfile.DsoName).OrderByDescending(g => g.Count()).Take(6)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"`{g.Key}` {Ms(g.Count()):0}")));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {readyMs:0} ms | {samples.Count} | {Ms(samples.Count(UserProfile.Idle)):0} | {Ms(samples.Count(UserProfile.NotThePipeline)):0} | {Ms(busy.Count(UserProfile.IsKernel)):0} | {byDso} |"));
            string top = UserProfile.TopSymbols(busy.Where(s => !UserProfile.IsKernel(s)), 20, UserProfile.Shorten, count => UserProfile.Amount(Ms(count), "0"));
            string kernelTop = UserProfile.TopSymbols(busy.Where(UserProfile.IsKernel), 8, symbol => symbol, count => UserProfile.Amount(Ms(count), "0"));
            tops.Add($"- **{name}**: {top}; in the kernel: {kernelTop}");
        }
        text.AppendLine();
        text.AppendLine("The functions that take most of it in user space, and in the kernel, ms:");
        text.AppendLine();
        foreach (string line in tops) text.AppendLine(line);
        return text.ToString();
    }
}
