using System.Diagnostics;
using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Latency;

/// <summary>
/// The program under test, started through <c>setsid sh -c</c> so it has its own process group: stopping it stops a
/// whole shell pipeline (intercept | uinput), and with <c>exec</c> in the command the pid is the program's own.
/// </summary>
internal sealed class PipelineProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly ManualResetEventSlim _ready = new();
    private double _readyMs;

    public PipelineProcess(string command, string? readyLine)
    {
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("/bin/sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        Console.WriteLine($"# starting: {command}");
        _clock = Stopwatch.StartNew();
        _process = Process.Start(info) ?? throw new GuestToolException($"cannot start {command}");
        var thread = new Thread(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (readyLine is not null && !_ready.IsSet && line.Contains(readyLine, StringComparison.Ordinal))
                {
                    _readyMs = _clock.Elapsed.TotalMilliseconds;
                    _ready.Set();
                }
                // Stamped with the time since exec: the pipeline's own log lines are then a start-up profile.
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"# pipeline +{_clock.Elapsed.TotalMilliseconds:0.0} ms: {line}"));
            }
        })
        { IsBackground = true, Name = "pipeline-stdout" };
        thread.Start();
        if (readyLine is null)
        {
            _ready.Set();
        }
        ReadyExpected = readyLine is not null;
    }

    private bool ReadyExpected { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Milliseconds from exec to the ready line, or null when no ready line was asked for.</summary>
    public double? WaitForReady(TimeSpan timeout)
    {
        if (!_ready.Wait(timeout))
        {
            throw new GuestToolException($"the pipeline did not print its ready line within {timeout.TotalSeconds:0} s");
        }
        return ReadyExpected ? _readyMs : null;
    }

    /// <summary>VmRSS of the started process (the program itself when the command execs it).</summary>
    public long? ResidentKilobytes()
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    public void Stop()
    {
        if (_process.HasExited)
        {
            Console.WriteLine($"# pipeline had already exited ({_process.ExitCode})");
            return;
        }
        LatencyNative.Kill(-_process.Id, LatencyNative.SIGTERM);
        if (!_process.WaitForExit(10_000))
        {
            LatencyNative.Kill(-_process.Id, LatencyNative.SIGKILL);
            _process.WaitForExit(5_000);
        }
        Console.WriteLine($"# pipeline stopped ({(_process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running")})");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Stop();
        }
        _process.Dispose();
        _ready.Dispose();
    }
}
