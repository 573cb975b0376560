using System.Diagnostics;
using System.Globalization;
using Remapper.E2E.Guest.Latency;

namespace Remapper.E2E.Guest.Commands;

/// <summary>
/// <c>latency</c>: end-to-end latency of a keyboard pipeline through the real kernel. Creates a uhid source keyboard,
/// starts the pipeline (<c>{source}</c> in the command is replaced by the source's node), waits for the pipeline's
/// output keyboard (by name, never the source itself), then types the workloads and prints one line per result.
/// </summary>
internal static class LatencyCommand
{
    private static readonly HashSet<string> Flags = ["--ftrace", "--perf-startup"];

    public static int Run(string[] args)
    {
        var options = new CommandLineArgs(args, Flags);
        string pipeline = options.Required("--pipeline");
        string outputName = options.Required("--output-name");
        string label = options.Text("--label") ?? "pipeline";
        string? readyLine = options.Text("--ready-line");
        string[] workloads = (options.Text("--workloads") ?? "taps,typing,flood").Split(',', StringSplitOptions.RemoveEmptyEntries);
        int taps = (int)(options.Number("--taps") ?? 200);
        int typing = (int)(options.Number("--typing") ?? 500);
        int flood = (int)(options.Number("--flood") ?? 10_000);
        int window = (int)(options.Number("--window") ?? 8);
        int soak = (int)(options.Number("--soak") ?? 0);
        string tapHoldKeys = options.Text("--taphold-keys") ?? "asdf";
        int seed = (int)(options.Number("--seed") ?? 42);
        string? raw = options.Text("--raw");
        // --ftrace: the kernel's tracer (set up by the caller) records only the workloads, not start-up or warm-up.
        bool ftrace = options.Flag("--ftrace");
        // --perf-control CTL,ACK: the FIFOs of `perf record -D -1 --control fifo:CTL,ACK`; perf samples only the workloads.
        string[]? perfControl = options.Text("--perf-control")?.Split(',');
        // --perf-startup: with --perf-control, perf samples the pipeline's start (exec to its ready line) instead.
        bool perfStartup = options.Flag("--perf-startup");
        options.RejectUnknown();
        if (perfStartup && (perfControl is null || readyLine is null))
        {
            throw new GuestToolException("--perf-startup needs --perf-control and --ready-line");
        }

        string uniq = $"latency-{Environment.ProcessId}";
        using var source = new SourceKeyboard("Latency Source Keyboard", uniq);
        Console.WriteLine($"# source {source.Node}");
        if (perfStartup) PerfControl(perfControl, "enable");
        using var pipelineProcess = new PipelineProcess(pipeline.Replace("{source}", source.Node, StringComparison.Ordinal), readyLine);
        string outputNode = EventNodes.WaitFor(
            dir => "/dev/input/" + Path.GetFileName(dir) != source.Node && EventNodes.NameOf(dir) == outputName,
            $"an output keyboard named \"{outputName}\"", TimeSpan.FromSeconds(120));
        double toNode = pipelineProcess.Elapsed.TotalMilliseconds;
        double? toReady = pipelineProcess.WaitForReady(TimeSpan.FromSeconds(120));
        if (perfStartup)
        {
            PerfControl(perfControl, "disable");
            perfControl = null; // the workloads are not sampled
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup label={label} exec_to_output_node_ms={toNode:0.0} exec_to_ready_ms={(toReady is double r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "none")}"));
        Console.WriteLine($"# output {outputNode}");
        // Let the pipeline finish seizing the source (hotplug handling, EVIOCGRAB) before the first key.
        Thread.Sleep(1000);

        int capacity = 64 + 2 * taps + 2 * typing + 2 * flood + soak + 200;
        using var reader = new OutputReader(outputNode, capacity);
        var driver = new LatencyDriver(source, reader, label, window, raw);
        var random = new Random(seed);
        PrintRss(pipelineProcess, label, "start");
        // Warm-up, not reported: first-use costs (page faults, lazy binding) are start-up, not per-key latency.
        Console.WriteLine("# warm-up " + new LatencyDriver(source, reader, label, window).Run(Workloads.Taps(40, 10, random)));

        if (ftrace)
        {
            File.WriteAllText(TracingOn, "1");
        }
        PerfControl(perfControl, "enable");
        foreach (string name in workloads)
        {
            Workload workload = name switch
            {
                "taps" => Workloads.Taps(taps, 50, random),
                "typing" => Workloads.Typing(typing, random),
                "flood" => Workloads.Flood("flood", flood, random),
                "taphold" => Workloads.TapHoldTaps(tapHoldKeys, taps / 2, 60, 50, random),
                _ => throw new GuestToolException($"--workloads: unknown workload '{name}' (taps, typing, flood, taphold)"),
            };
            Console.WriteLine(driver.Run(workload));
        }
        if (ftrace)
        {
            File.WriteAllText(TracingOn, "0");
        }
        PerfControl(perfControl, "disable");
        if (soak > 0)
        {
            Console.WriteLine("# soak " + new LatencyDriver(source, reader, label, window).Run(Workloads.Flood("soak", soak, random)));
            PrintRss(pipelineProcess, label, $"after-{soak}-events");
        }
        pipelineProcess.Stop();
        return 0;
    }

    private const string TracingOn = "/sys/kernel/tracing/tracing_on";

    /// <summary>Sends perf record a control command and waits for its "ack", so no workload event falls outside the window.</summary>
    private static void PerfControl(string[]? fifos, string command)
    {
        if (fifos is null)
        {
            return;
        }
        if (fifos.Length != 2)
        {
            throw new GuestToolException("--perf-control: expected CTL,ACK (two FIFO paths)");
        }
        File.WriteAllText(fifos[0], command + "\n");
        using var ack = new StreamReader(fifos[1]);
        string? answer = ack.ReadLine();
        if (answer?.Trim() != "ack")
        {
            throw new GuestToolException($"--perf-control: perf answered '{answer}' to '{command}', not 'ack'");
        }
    }

    private static void PrintRss(PipelineProcess process, string label, string when)
    {
        if (process.ResidentKilobytes() is long kb)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rss label={label} when={when} kb={kb}"));
        }
    }
}
