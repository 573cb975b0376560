namespace Remapper.E2E.Harness;

/// <summary>
/// A command running in the guest, in its own session. Its output is a file in the exchange share that the host
/// reads directly, so waiting for a line costs no round trip through the guest.
/// </summary>
public sealed class GuestJob : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(40);

    private readonly Guest _guest;
    private readonly string _outputPath;
    private readonly string _pidPath;

    internal GuestJob(Guest guest, int id, string command, string outputPath, string pidPath)
    {
        _guest = guest;
        Id = id;
        Command = command;
        _outputPath = outputPath;
        _pidPath = pidPath;
    }

    public int Id { get; }

    public string Command { get; }

    internal TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal TaskCompletionSource<int> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The guest pid of the job's shell; a command started with <c>exec</c> keeps it, so it is the program's own pid.
    /// Known once <see cref="Guest.StartAsync"/> has returned.
    /// </summary>
    public int Pid => int.Parse(File.ReadAllText(_pidPath).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public bool HasExited => Exited.Task.IsCompletedSuccessfully;

    /// <summary>Everything the job has written so far (stdout and stderr together).</summary>
    public string Output
    {
        get
        {
            try
            {
                using var stream = new FileStream(_outputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
            catch (FileNotFoundException)
            {
                return "";
            }
        }
    }

    public IReadOnlyList<string> Lines => SplitLines(Output);

    internal static IReadOnlyList<string> SplitLines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    /// <summary>Waits for a line containing <paramref name="text"/>; fails at once if the job exits without printing it.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan? timeout = null) =>
        WaitForLineAsync(line => line.Contains(text, StringComparison.Ordinal), $"a line containing \"{text}\"", timeout);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? Guest.DefaultTimeout);
        while (true)
        {
            bool exited = HasExited || Exited.Task.IsFaulted;
            string? found = Lines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (exited)
            {
                throw new InvalidOperationException($"`{Command}` ended ({Describe()}) without printing {what}. Output:\n{Output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"`{Command}` did not print {what} within {(timeout ?? Guest.DefaultTimeout).TotalSeconds:0.#} s. Output:\n{Output}");
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Sends a signal (TERM, INT, KILL...) to the job's whole process group.</summary>
    public Task SignalAsync(string signal) => _guest.SignalJobAsync(this, signal);

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await Exited.Task.WaitAsync(timeout ?? Guest.DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"`{Command}` still running after {(timeout ?? Guest.DefaultTimeout).TotalSeconds:0.#} s. Output:\n{Output}");
        }
    }

    /// <summary>Signals the job and waits for it to end; returns its exit status (128 + signal when killed by it).</summary>
    public async Task<int> StopAsync(string signal = "TERM", TimeSpan? timeout = null)
    {
        if (!HasExited)
        {
            await SignalAsync(signal);
        }
        return await WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(20));
    }

    private string Describe() => Exited.Task.IsCompletedSuccessfully
        ? $"exit status {Exited.Task.Result}"
        : Exited.Task.Exception?.InnerException?.Message ?? "unknown";

    /// <summary>Kills the job if it still runs, so one test's leftovers never reach the next.</summary>
    public async ValueTask DisposeAsync()
    {
        if (HasExited || Exited.Task.IsFaulted)
        {
            return;
        }
        try
        {
            await SignalAsync("KILL");
            await Exited.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
        {
            // The guest is gone or stuck; the fixture's teardown reports that, not every job's disposal.
        }
    }
}
