using System.Diagnostics;

namespace Remapper.LatencyRunner;

/// <summary>
/// Start-up of <c>remapper run</c> on the host itself, where there is no emulation to distort it — but also no
/// /dev/uhid, /dev/uinput or /dev/input, so the daemon cannot reach READY: it reports that it has no virtual keyboard
/// and keeps running, retrying. What is timed: exec → <c>Keymap PATH loaded</c> (runtime up, CLI parsed, keymap
/// loaded and validated) and exec → <c>Remapper VERSION running</c> (output probed, socket listening: everything but
/// device set-up). The daemon is then stopped with SIGTERM. A run that never prints either line, or exits before it,
/// fails the measurement: a NaN in the table would hide a daemon that no longer starts.
/// </summary>
internal static class HostStartup
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed record Sample(double ToKeymapMs, double ToRunningMs);

    public static List<Sample> Measure(string fileName, IReadOnlyList<string> arguments, int runs)
    {
        var samples = new List<Sample>();
        for (int i = 0; i < runs; i++)
        {
            samples.Add(MeasureOnce(fileName, arguments));
        }
        return samples;
    }

    private static Sample MeasureOnce(string fileName, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        var log = new List<string>();
        double toKeymap = double.NaN, toRunning = double.NaN;
        using var running = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {fileName}");
        // The console logger writes to stdout or stderr depending on the version; watch both.
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            double now = clock.Elapsed.TotalMilliseconds;
            lock (log)
            {
                log.Add(line);
                if (double.IsNaN(toKeymap) && line.Contains(" Keymap ", StringComparison.Ordinal) && line.EndsWith(" loaded", StringComparison.Ordinal))
                {
                    toKeymap = now;
                }
                if (double.IsNaN(toRunning) && line.Contains(" running (", StringComparison.Ordinal))
                {
                    toRunning = now;
                    running.Set();
                }
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!running.Wait(50) && !process.HasExited && clock.Elapsed < Patience)
        {
            // polled: the exit and the log line race, and either ends the wait
        }
        bool timedOut = !running.IsSet && !process.HasExited;
        bool exitedEarly = !running.IsSet && process.HasExited;
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill?.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill();
                throw new InvalidOperationException($"{fileName} did not stop within 20 s of SIGTERM:\n{Tail(log)}");
            }
        }
        process.WaitForExit();
        if (timedOut || exitedEarly || double.IsNaN(toKeymap) || double.IsNaN(toRunning))
        {
            throw new InvalidOperationException(
                $"host start-up: {fileName} {string.Join(' ', arguments)} did not log both 'Keymap PATH loaded' and 'running (' " +
                $"({(timedOut ? $"nothing within {Patience.TotalSeconds:0} s" : $"exit {process.ExitCode}")}):\n{Tail(log)}");
        }
        return new Sample(toKeymap, toRunning);
    }

    private static string Tail(List<string> log)
    {
        lock (log)
        {
            return string.Join('\n', log.TakeLast(20));
        }
    }
}
