using System.Globalization;
using System.Text;
using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>
/// Where the time of one key goes, counted rather than sampled: each pipeline runs a flood under <c>strace -c -f</c>
/// (every process and thread of the pipeline) and the table gives system calls per key change. Counts are
/// deterministic where timings in an emulated guest are not; the latencies of these runs are not reported.
/// </summary>
internal static class SyscallProfile
{
    public const int Events = 10_000;
    private const int WarmUp = 40;

    public static async Task<string> RunAsync(Guest guest, string tool, IEnumerable<(string Name, string Pipeline, string Extra)> pipelines)
    {
        var text = new StringBuilder();
        text.AppendLine($"System calls per key change (`strace -c -f` over a {Events}-change flood plus {WarmUp} warm-up changes; all processes and threads of the pipeline):").AppendLine();
        var tables = new StringBuilder();
        int n = 0;
        foreach ((string name, string pipeline, string extra) in pipelines)
        {
            string file = $"strace-{++n}.txt";
            string command = $"{tool} latency --label profile-{n} --pipeline 'exec strace -c -f -o /tmp/xchg/{file} {pipeline}' {extra} --workloads flood --flood {Events}";
            Console.WriteLine($"== profile {name}: {command}");
            GuestResult result = await guest.RunAsync(command, TimeSpan.FromMinutes(20));
            Console.WriteLine(result.Output);
            string path = Path.Combine(guest.ExchangeDir, file);
            for (int i = 0; i < 50 && !File.Exists(path); i++)
            {
                await Task.Delay(200);
            }
            if (result.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException($"profile of {name} failed (exit {result.ExitCode}, strace output {(File.Exists(path) ? "written" : "missing")}):\n{result.Output}");
            }
            string[] lines = File.ReadAllLines(path);
            var perCall = Parse(lines);
            double total = perCall.Sum(p => p.Calls) / (double)(Events + WarmUp);
            string top = string.Join(", ", perCall.OrderByDescending(p => p.Calls).Take(6)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Calls / (double)(Events + WarmUp):0.00}")));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- **{name}**: {total:0.00} per change — {top}"));
            tables.AppendLine($"{name}:").AppendLine("```text").AppendLine(string.Join('\n', lines.Take(14))).AppendLine("```");
        }
        return text.AppendLine().Append(tables).ToString();
    }

    /// <summary>The rows of strace's summary: "% time  seconds  usecs/call  calls  [errors]  syscall".</summary>
    private static List<(string Name, long Calls)> Parse(IEnumerable<string> lines)
    {
        var rows = new List<(string, long)>();
        foreach (string line in lines)
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 5 && double.TryParse(words[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                && long.TryParse(words[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out long calls) && words[^1] != "total")
            {
                rows.Add((words[^1], calls));
            }
        }
        return rows;
    }
}
