using System.Diagnostics;

namespace Remapper.LatencyRunner;

/// <summary>
/// Start-up of <c>remapper run</c> on the host itself, where there is no emulation to distort it — but also no
/// /dev/uhid, /dev/uinput or /dev/input, so the daemon cannot reach READY. What is timed: exec → the first log
/// line <c>keymap: PATH</c> (runtime up, CLI parsed, keymap loaded and validated), and exec → exit (it then probes
/// the output devices, finds none, and exits non-zero).
/// </summary>
internal static class HostStartup
{
    public sealed record Sample(double ToKeymapMs, double ToExitMs);

    public static List<Sample> Measure(string fileName, IReadOnlyList<string> arguments, int runs)
    {
        var samples = new List<Sample>();
        for (int i = 0; i < runs; i++)
        {
            var info = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in arguments)
            {
                info.ArgumentList.Add(a);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {fileName}");
            double toKeymap = double.NaN;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            while (process.StandardError.ReadLine() is { } line)
            {
                if (double.IsNaN(toKeymap) && line.Contains(" keymap: ", StringComparison.Ordinal))
                {
                    toKeymap = clock.Elapsed.TotalMilliseconds;
                }
            }
            process.WaitForExit();
            samples.Add(new Sample(toKeymap, clock.Elapsed.TotalMilliseconds));
        }
        return samples;
    }
}
