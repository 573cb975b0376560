using System.Globalization;
using System.Text;

namespace Remapper.LatencyRunner;

/// <summary>Turns the result lines into the Markdown tables of docs/performance.md.</summary>
internal static class Tables
{
    public const string Reference = "interception-tools";
    public const string UhidFloor = "floor (uhid)";
    public const string UinputFloor = "floor (uinput)";

    /// <summary>The goal for the shipped configuration against the floor of its own output kind, at p50, p90 and p99.</summary>
    private const double FloorGoal = 1.15;

    private static bool IsFloor(PooledResult r) => r.Pipeline is UhidFloor or UinputFloor;

    /// <summary>The floor a pipeline is divided by: the one writing the same kind of virtual device.</summary>
    private static string FloorOf(PooledResult r) =>
        r.Pipeline == Reference || r.Pipeline.Contains("uinput", StringComparison.Ordinal) ? UinputFloor : UhidFloor;

    /// <param name="notRanked">Why no goal may be called met or missed in this run (a --quick run, a loaded host); null: rank.</param>
    public static string Latency(List<PooledResult> results, string machine, string? notRanked)
    {
        var text = new StringBuilder();
        text.AppendLine(machine).AppendLine();
        text.AppendLine("Latency in µs (output event time − write time, CLOCK_MONOTONIC), every round pooled; spread = the largest ÷ the " +
                        "smallest value of that percentile over the rounds; a row whose rounds differ by more than 2× is **unstable** " +
                        "(it measured the host's load, not the pipeline) and is not ranked:").AppendLine();
        text.AppendLine("| pipeline | keymap | workload | rounds | count | p50 | p90 | p99 | max | spread p50 / p90 / p99 | lost | duplicated | reordered | unexpected | reader overruns |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (PooledResult r in results)
        {
            var s = r.Stats;
            string spread = r.Rounds < 2 ? "(one round)"
                : string.Create(CultureInfo.InvariantCulture, $"{r.Spread(50):0.0} / {r.Spread(90):0.0} / {r.Spread(99):0.0}") + (r.Unstable ? " **unstable**" : "");
            text.AppendLine($"| {r.Pipeline} | {r.Keymap} | {r.Workload} | {r.Rounds} | {s.Count} | {s.Percentile(50)} | {s.Percentile(90)} | {s.Percentile(99)} | {s.Max} | " +
                            $"{spread} | {r.Lost} | {r.Duplicated} | {r.Reordered} | {r.Unexpected} | {r.ReaderOverruns} |");
        }
        text.AppendLine();
        text.AppendLine($"Each pipeline ÷ the floor of the same output kind (`{UhidFloor}` for uhid, `{UinputFloor}` for uinput; same guest, same " +
                        $"rounds, same workload). Goal for Remapper (AOT) with its default uhid output: ≤ {FloorGoal:0.00} at p50, p90 and p99:").AppendLine();
        Ratios(text, results, r => !IsFloor(r), FloorOf, r => r.Pipeline == "Remapper (AOT)", FloorGoal, notRanked);
        text.AppendLine();
        text.AppendLine($"Remapper ÷ {Reference} (same guest, same run, same workload; ≤ 1.00 meets the goal):").AppendLine();
        Ratios(text, results, r => r.Pipeline.StartsWith("Remapper", StringComparison.Ordinal), _ => Reference, r => r.Pipeline == "Remapper (AOT)", 1.0,
            notRanked);
        return text.ToString();
    }

    private static void Ratios(StringBuilder text, List<PooledResult> results, Func<PooledResult, bool> rows, Func<PooledResult, string> baselineOf,
        Func<PooledResult, bool> goalRow, double goal, string? notRanked)
    {
        text.AppendLine("| pipeline | keymap | workload | ÷ | p50 ratio | p90 ratio | p99 ratio | goal met |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---|");
        foreach (PooledResult r in results.Where(rows))
        {
            string baselineName = baselineOf(r);
            // The floors ran only the plain workloads with the pass-through keymap; a realistic row is divided by them too
            // (the keymap is the pipeline's own cost), a tap-hold row has no counterpart.
            PooledResult? baseline = results.FirstOrDefault(b => b.Pipeline == baselineName && b.Workload == r.Workload);
            if (baseline is null || r.Stats.Count == 0 || baseline.Stats.Count == 0)
            {
                continue; // nothing to divide: a row with no samples says so in the table above (lost, reordered)
            }
            var s = r.Stats;
            var b = baseline.Stats;
            double p50 = (double)s.Percentile(50) / Math.Max(1, b.Percentile(50));
            double p90 = (double)s.Percentile(90) / Math.Max(1, b.Percentile(90));
            double p99 = (double)s.Percentile(99) / Math.Max(1, b.Percentile(99));
            // Only the shipped configuration is held to the goal; the other rows explain it. Unstable rows rank nothing.
            string met = !goalRow(r) ? "(comparison)"
                : notRanked is not null ? $"not ranked: {notRanked}"
                : r.Unstable || baseline.Unstable ? "unstable: not ranked"
                : p50 <= goal && p90 <= goal && p99 <= goal && r.Clean ? "yes" : "**no**";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Pipeline} | {r.Keymap} | {r.Workload} | {baselineName} | {p50:0.00} | {p90:0.00} | {p99:0.00} | {met} |"));
        }
    }

    public static string Footprint(List<(string Pipeline, string Keymap, ResultLine Line)> results,
        List<HostStartup.Sample> hostAot, List<HostStartup.Sample> hostJit, string aotBinary, string jitDll, string machine,
        string binaryRead)
    {
        var text = new StringBuilder();
        text.AppendLine(machine).AppendLine();
        text.AppendLine("| build | size on disk | RSS after start | RSS after soak | growth | exec → READY in the guest | host: exec → keymap loaded (median / max of 10) | host: exec → running, no output device (median) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(text, results, "remapper-aot", "Native AOT `remapper`", new FileInfo(aotBinary).Length, hostAot);
        Row(text, results, "remapper-jit", "JIT `dotnet remapper.dll`", JitBuild.Size(jitDll), hostJit);
        // For scale, the first round's start-up of the pipelines that do nothing but open, seize and create their device.
        string Start(string label, string field) =>
            results.FirstOrDefault(r => r.Line.Kind == "startup" && r.Line["label"] == label).Line?[field] is { Length: > 0 } ms ? $"{ms} ms" : "?";
        text.AppendLine();
        text.AppendLine($"For scale, in the same guest: the uhid floor (`e2e-guest floor --output uhid`, Native AOT too) printed ready " +
                        $"{Start("floor-uhid", "exec_to_ready_ms")} after exec, the uinput floor {Start("floor-uinput", "exec_to_ready_ms")}; " +
                        $"`interception -g | uinput -d` created its output device {Start("interception", "exec_to_output_node_ms")} after exec. " +
                        $"Remapper's own device appeared {Start("remapper-aot", "exec_to_output_node_ms")} after exec (the rest, to READY, is the " +
                        "first scan, seizing the keyboard and starting the loop).");
        text.AppendLine().AppendLine(binaryRead).AppendLine().Append(StartupRounds(results));
        return text.ToString();
    }

    /// <summary>
    /// exec → ready of every pipeline in every round, beside the floor of its output kind in the same round. Every
    /// binary is in the guest's page cache before round 1 (<see cref="PageCacheWarmup"/>), so the rounds differ only by
    /// the host's load, and the first pipeline to run no longer pays alone for reading its binary over 9p.
    /// </summary>
    private static string StartupRounds(List<(string Pipeline, string Keymap, ResultLine Line)> results)
    {
        (string Label, string Name, string? Floor)[] rows =
        [
            ("remapper-aot", "Remapper (AOT)", "floor-uhid"),
            ("remapper-aot-realtime", "Remapper (AOT, --realtime)", "floor-uhid"),
            ("remapper-aot-uinput", "Remapper (AOT, --output uinput)", "floor-uinput"),
            ("floor-uhid", "floor (uhid)", null),
            ("floor-uhid-bitmap", "floor (uhid, bitmap report)", null),
            ("floor-uinput", "floor (uinput)", null),
        ];
        List<double> Starts(string label) => [.. results
            .Where(r => r.Line.Kind == "startup" && r.Line["label"] == label && r.Line["exec_to_ready_ms"] != "none")
            .Select(r => r.Line.Number("exec_to_ready_ms"))];
        int rounds = rows.Max(r => Starts(r.Label).Count);
        var text = new StringBuilder();
        text.AppendLine("exec → ready in the guest, per round (every binary already in the page cache), and ÷ the floor of the same output kind in the same round (goal: ≤ 2):").AppendLine();
        text.AppendLine("| pipeline | " + string.Join(" | ", Enumerable.Range(1, rounds).Select(r => $"round {r}")) + " | " +
                        string.Join(" | ", Enumerable.Range(1, rounds).Select(r => $"÷ floor, round {r}")) + " |");
        text.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", 2 * rounds)));
        foreach ((string label, string name, string? floor) in rows)
        {
            var starts = Starts(label);
            var floors = floor is null ? [] : Starts(floor);
            string Cell(int i) => i < starts.Count ? string.Create(CultureInfo.InvariantCulture, $"{starts[i]:0} ms") : "—";
            string Ratio(int i) => i < starts.Count && i < floors.Count ? string.Create(CultureInfo.InvariantCulture, $"{starts[i] / floors[i]:0.00}") : "—";
            text.AppendLine($"| {name} | {string.Join(" | ", Enumerable.Range(0, rounds).Select(Cell))} | {string.Join(" | ", Enumerable.Range(0, rounds).Select(Ratio))} |");
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, List<(string Pipeline, string Keymap, ResultLine Line)> results, string label, string name,
        long bytes, List<HostStartup.Sample> host)
    {
        ResultLine? start = results.FirstOrDefault(r => r.Line.Kind == "rss" && r.Line["label"] == label && r.Line["when"] == "start").Line;
        ResultLine? after = results.FirstOrDefault(r => r.Line.Kind == "rss" && r.Line["label"] == label && r.Line["when"] != "start").Line;
        ResultLine? startup = results.FirstOrDefault(r => r.Line.Kind == "startup" && r.Line["label"] == label).Line;
        double startMb = (start?.Number("kb") ?? double.NaN) / 1024;
        double afterMb = (after?.Number("kb") ?? double.NaN) / 1024;
        string soak = after?["when"].Replace("after-", "").Replace("-events", "") ?? "?";
        var toKeymap = host.Select(s => s.ToKeymapMs).Order().ToList();
        var toRunning = host.Select(s => s.ToRunningMs).Order().ToList();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {bytes / 1048576.0:0.0} MB | {startMb:0.0} MB | {afterMb:0.0} MB ({soak} events) | {afterMb - startMb:+0.0;-0.0;0.0} MB | " +
            $"{startup?["exec_to_ready_ms"] ?? "?"} ms | {toKeymap[toKeymap.Count / 2]:0} / {toKeymap[^1]:0} ms | {toRunning[toRunning.Count / 2]:0} ms |"));
    }
}
