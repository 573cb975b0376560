using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Remapper.E2E.Harness;

/// <summary>
/// A booted guest kernel under QEMU (software emulation: KVM does not work on these machines) with the real
/// input stack: the i8042 AT keyboard, a QEMU USB keyboard on xHCI, evdev, uinput and uhid. The host root is
/// its root file system (read-only, 9p) so it runs the host's own binaries; a writable 9p share
/// (<see cref="ExchangeDir"/>, <c>/tmp/xchg</c> inside) carries commands, outputs and files both ways.
/// </summary>
public sealed class Guest : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(4);
    private const int ConsoleLinesKept = 60;

    private readonly Process _qemu;
    private readonly string _marker;
    private readonly string _runDir;
    private readonly StreamWriter _consoleLog;
    private readonly ConcurrentDictionary<int, GuestJob> _jobs = new();
    private readonly ConcurrentQueue<string> _recentConsole = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _serialGate = new();
    private QmpClient? _qmp;
    private Process? _watchdog;
    private int _lastJobId;
    private volatile string? _deathReason;
    private bool _disposing;

    private Guest(Process qemu, string nonce, string runDir, string consoleLogPath)
    {
        _qemu = qemu;
        _marker = $"@@{nonce} ";
        _runDir = runDir;
        ExchangeDir = Path.Combine(runDir, "xchg");
        ConsoleLogPath = consoleLogPath;
        _consoleLog = new StreamWriter(consoleLogPath, append: false) { AutoFlush = true };
    }

    /// <summary>The exchange share as the host sees it; inside the guest it is <see cref="GuestScripts.GuestExchangeDir"/>.</summary>
    public string ExchangeDir { get; }

    /// <summary>Everything the guest printed on its serial console, for reading after a failure.</summary>
    public string ConsoleLogPath { get; }

    public TimeSpan BootTime { get; private set; }

    internal static async Task<Guest> BootAsync(GuestKernel kernel, string initramfs, string name)
    {
        var clock = Stopwatch.StartNew();
        string nonce = Guid.NewGuid().ToString("N")[..12];
        string runDir = Path.Combine(E2EPaths.BuildRoot, $"vm-{name}-{nonce}");
        string exchange = Path.Combine(runDir, "xchg");
        Directory.CreateDirectory(exchange);
        // World-writable: scenarios run programs as an unprivileged user that read and write here too.
        File.SetUnixFileMode(exchange, (UnixFileMode)0b111_111_111);
        File.WriteAllText(Path.Combine(exchange, GuestScripts.ServerScriptName), GuestScripts.Server(nonce));
        string qmpSocket = Path.Combine(runDir, "qmp.sock");
        Directory.CreateDirectory(Path.Combine(E2EPaths.BuildRoot, "logs"));
        string consoleLog = Path.Combine(E2EPaths.BuildRoot, "logs", $"guest-{name}.console.log");

        var info = new ProcessStartInfo(Prerequisites.Qemu)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in QemuArguments(kernel, initramfs, exchange, qmpSocket))
        {
            info.ArgumentList.Add(argument);
        }
        HarnessLog.Write($"booting guest '{name}': {Prerequisites.Qemu} {string.Join(' ', info.ArgumentList)}");
        var qemu = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Prerequisites.Qemu}");
        var guest = new Guest(qemu, nonce, runDir, consoleLog) { _watchdog = StartWatchdog(qemu.Id) };
        new Thread(guest.ReadConsole) { IsBackground = true, Name = $"guest-{name}-console" }.Start();
        new Thread(guest.ReadQemuErrors) { IsBackground = true, Name = $"guest-{name}-stderr" }.Start();
        try
        {
            await guest._ready.Task.WaitAsync(BootTimeout);
            guest._qmp = await QmpClient.ConnectAsync(qmpSocket, TimeSpan.FromSeconds(30));
        }
        catch (Exception e)
        {
            string console = guest.RecentConsole();
            await guest.DisposeAsync();
            throw new InvalidOperationException($"guest '{name}' did not boot: {e.Message}\nlast console lines:\n{console}", e);
        }
        guest.BootTime = clock.Elapsed;
        HarnessLog.Write($"guest '{name}' ready in {guest.BootTime.TotalSeconds:0.0} s");
        return guest;
    }

    private static IEnumerable<string> QemuArguments(GuestKernel kernel, string initramfs, string exchange, string qmpSocket) =>
    [
        // KVM aborts or hangs on these machines; TCG is slower but works.
        "-accel", "tcg,thread=multi", "-cpu", "max", "-m", "2048", "-smp", "2",
        "-nographic", "-no-reboot", "-nic", "none",
        "-kernel", kernel.ImagePath, "-initrd", initramfs,
        "-append", "console=ttyS0 quiet loglevel=3 panic=-1",
        "-virtfs", "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap",
        "-virtfs", $"local,path={exchange},mount_tag=xchg,security_model=none,multidevs=remap",
        "-device", "qemu-xhci", "-device", "usb-kbd,id=usbkbd",
        "-qmp", $"unix:{qmpSocket},server=on,wait=off",
    ];

    /// <summary>
    /// If the test host dies without disposing the guest (killed by a CI time limit, a crash), an emulated guest
    /// would go on using both cores forever: a small shell process outlives the test host and stops QEMU then.
    /// </summary>
    private static Process? StartWatchdog(int qemuPid)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 {qemuPid} 2>/dev/null; do sleep 2; done; kill {qemuPid} 2>/dev/null");
        try
        {
            return Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The path inside the guest of a file in the exchange share.</summary>
    public static string GuestPath(string exchangeFileName) => $"{GuestScripts.GuestExchangeDir}/{exchangeFileName}";

    /// <summary>Writes a file into the exchange share and returns its path inside the guest.</summary>
    public string WriteExchangeFile(string fileName, string content)
    {
        string hostPath = Path.Combine(ExchangeDir, fileName);
        File.WriteAllText(hostPath, content);
        File.SetUnixFileMode(hostPath, (UnixFileMode)0b110_100_100);
        return GuestPath(fileName);
    }

    /// <summary>Runs a shell command in the guest and waits for it; on timeout the command is killed and a TimeoutException names it.</summary>
    public async Task<GuestResult> RunAsync(string command, TimeSpan? timeout = null)
    {
        GuestJob job = Launch(command);
        try
        {
            int exitCode = await job.Exited.Task.WaitAsync(timeout ?? DefaultTimeout);
            return new GuestResult(command, exitCode, job.Output);
        }
        catch (TimeoutException)
        {
            await job.DisposeAsync();
            throw new TimeoutException($"`{command}` did not finish within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s. Output:\n{job.Output}");
        }
    }

    /// <summary>Like <see cref="RunAsync"/> but a non-zero exit is an error that carries the output.</summary>
    public async Task<GuestResult> RunOkAsync(string command, TimeSpan? timeout = null)
    {
        GuestResult result = await RunAsync(command, timeout);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"guest command failed: {result}");
    }

    /// <summary>Starts a shell command in the background; returns once it runs (its pid is known to the guest).</summary>
    public async Task<GuestJob> StartAsync(string command)
    {
        GuestJob job = Launch(command);
        await job.Started.Task.WaitAsync(DefaultTimeout);
        return job;
    }

    /// <summary>Presses (down) or releases a key on the QEMU USB keyboard, by QEMU qcode (a, caps_lock, esc, shift...).</summary>
    public Task SendKeyAsync(string qcode, bool down) =>
        (_qmp ?? throw new InvalidOperationException("guest not booted")).SendKeyAsync(qcode, down);

    /// <summary>Down, a short pause (the USB keyboard is polled), up.</summary>
    public async Task TapKeyAsync(string qcode)
    {
        await SendKeyAsync(qcode, true);
        await Task.Delay(60);
        await SendKeyAsync(qcode, false);
    }

    /// <summary>
    /// Kills every job still running and forgets all jobs: called between scenarios so none inherits another's
    /// processes. Returns the jobs, for the scenario's report.
    /// </summary>
    public async Task<IReadOnlyList<GuestJob>> KillAllJobsAsync()
    {
        var jobs = _jobs.Values.OrderBy(j => j.Id).ToList();
        foreach (GuestJob job in jobs)
        {
            await job.DisposeAsync();
            _jobs.TryRemove(job.Id, out _);
        }
        return jobs;
    }

    internal Task SignalJobAsync(GuestJob job, string signal)
    {
        if (signal.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new ArgumentException($"'{signal}' is not a signal name", nameof(signal));
        }
        SendSerialLine($"kill {job.Id} {signal}");
        return Task.CompletedTask;
    }

    private GuestJob Launch(string command)
    {
        int id = Interlocked.Increment(ref _lastJobId);
        File.WriteAllText(Path.Combine(ExchangeDir, $"job-{id}.sh"), command + "\n");
        var job = new GuestJob(this, id, command, Path.Combine(ExchangeDir, $"job-{id}.out"), Path.Combine(ExchangeDir, $"job-{id}.pid"));
        _jobs[id] = job;
        SendSerialLine($"run {id}");
        return job;
    }

    private void SendSerialLine(string line)
    {
        if (_deathReason is { } reason)
        {
            throw new InvalidOperationException($"the guest is gone: {reason}");
        }
        lock (_serialGate)
        {
            _qemu.StandardInput.Write(line + "\n");
            _qemu.StandardInput.Flush();
        }
    }

    private void ReadConsole()
    {
        try
        {
            while (_qemu.StandardOutput.ReadLine() is { } line)
            {
                _consoleLog.WriteLine(line);
                Remember(line);
                int at = line.IndexOf(_marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    HandleMarker(line[(at + _marker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
                else if (line.Contains(GuestScripts.InitFailedMarker, StringComparison.Ordinal))
                {
                    _ready.TrySetException(new InvalidOperationException(line.Trim()));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        Die(_disposing ? "the guest was shut down" : "QEMU exited unexpectedly; see " + ConsoleLogPath);
    }

    private void ReadQemuErrors()
    {
        try
        {
            while (_qemu.StandardError.ReadLine() is { } line)
            {
                _consoleLog.WriteLine("[qemu] " + line);
                Remember("[qemu] " + line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    private void HandleMarker(string[] words)
    {
        switch (words)
        {
            case ["ready"]:
                _ready.TrySetResult();
                break;
            case ["started", var id] when JobById(id) is { } job:
                job.Started.TrySetResult();
                break;
            case ["done", var id, var status] when JobById(id) is { } job:
                job.Started.TrySetResult();
                job.Exited.TrySetResult(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private GuestJob? JobById(string id) => int.TryParse(id, out int n) && _jobs.TryGetValue(n, out GuestJob? job) ? job : null;

    private void Remember(string line)
    {
        _recentConsole.Enqueue(line);
        while (_recentConsole.Count > ConsoleLinesKept)
        {
            _recentConsole.TryDequeue(out _);
        }
    }

    private string RecentConsole() => string.Join('\n', _recentConsole);

    private void Die(string reason)
    {
        _deathReason = reason;
        var error = new InvalidOperationException($"{reason}\nlast console lines:\n{RecentConsole()}");
        _ready.TrySetException(error);
        foreach (GuestJob job in _jobs.Values)
        {
            job.Started.TrySetException(error);
            job.Exited.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        _qmp?.Dispose();
        try
        {
            if (!_qemu.HasExited)
            {
                // Nothing in the guest needs a clean shutdown: its only writable storage is the exchange share,
                // written through to the host as it goes.
                _qemu.Kill(entireProcessTree: true);
            }
            await _qemu.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
        _qemu.Dispose();
        try
        {
            _watchdog?.Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _watchdog?.Dispose();
        await _consoleLog.DisposeAsync();
        if (Environment.GetEnvironmentVariable("REMAPPER_E2E_KEEP") is not "1")
        {
            try
            {
                Directory.Delete(_runDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
