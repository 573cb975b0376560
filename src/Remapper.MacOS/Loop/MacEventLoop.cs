using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Remapper.MacOS.Loop;

/// <summary>
/// The backend's one thread: it owns the run loop IOKit calls back on, runs posted control work, fires the engine's
/// deadlines and bumps the heartbeat at least once a second. Per-key work happens inside the IOKit callbacks, on this
/// thread, with nothing queued between reading and writing.
/// </summary>
public sealed class MacEventLoop : IDisposable
{
    /// <summary>The longest one wait lasts, so the heartbeat moves while idle (the service watchdog reads it).</summary>
    public const int MaxSleepMs = 1000;

    private readonly IRunLoopDriver _driver;
    private readonly ILogger _log;
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly ManualResetEventSlim _started = new();
    private readonly ManualResetEventSlim _finished = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private long _heartbeat;
    private Exception? _startFailure;

    public MacEventLoop(IRunLoopDriver driver, ILogger log)
    {
        _driver = driver;
        _log = log;
    }

    /// <summary>Runs on the loop thread once, before the first wait (create and schedule the IOKit objects here).</summary>
    public Action? OnStart { get; init; }

    /// <summary>Runs on the loop thread after every wait: fire due deadlines, re-probe, mirror LEDs.</summary>
    public Action? OnTurn { get; init; }

    /// <summary>Runs on the loop thread as it ends, whatever the reason (let go of every keyboard here).</summary>
    public Action? OnStop { get; init; }

    /// <summary>How long the next wait may last, in ms (the engine's next deadline, a re-probe); capped at <see cref="MaxSleepMs"/>.</summary>
    public Func<int>? NextTimeoutMs { get; init; }

    public long Heartbeat => Volatile.Read(ref _heartbeat);

    /// <summary>Why the loop ended on its own; null while it runs and after a requested stop.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Set once the thread has ended.</summary>
    public WaitHandle Finished => _finished.WaitHandle;

    public bool IsRunning => _thread is not null && !_finished.IsSet;

    /// <summary>True on the loop thread itself.</summary>
    public bool IsLoopThread => Thread.CurrentThread == _thread;

    public void Start()
    {
        _thread = new Thread(Run) { Name = "remapper-event-loop", IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        _started.Wait();
        if (_startFailure is not null) throw new InvalidOperationException($"the event loop could not start: {_startFailure.Message}", _startFailure);
    }

    /// <summary>Any thread: runs <paramref name="work"/> on the loop thread soon. For control operations, not per key.</summary>
    public void Post(Action work)
    {
        _work.Enqueue(work);
        if (_finished.IsSet) Drain(); // the loop is gone: run it here, where it sees Stopped and fails its caller
        else _driver.Wake();
    }

    /// <summary>Set (before the keyboards are let go) once the loop has stopped turning; posted work then must not touch the engine.</summary>
    public bool Stopped => _stopped;

    private volatile bool _stopped;

    private void Drain()
    {
        while (_work.TryDequeue(out var work))
        {
            try { work(); }
            catch (Exception e) { _log.LogDebug(e, "work posted after the loop ended"); }
        }
    }

    /// <summary>Loop thread: a callback moved the next deadline earlier than the wait in progress was armed for.</summary>
    public void DeadlineChanged() => _driver.Interrupt();

    private void Run()
    {
        try
        {
            try
            {
                _driver.Attach();
                OnStart?.Invoke();
            }
            catch (Exception e)
            {
                _startFailure = e;
                return;
            }
            finally
            {
                _started.Set();
            }
            while (!_stopping)
            {
                Interlocked.Increment(ref _heartbeat);
                int timeout = NextTimeoutMs?.Invoke() ?? MaxSleepMs;
                if (timeout < 0 || timeout > MaxSleepMs) timeout = MaxSleepMs;
                _driver.RunOnce(timeout);
                while (_work.TryDequeue(out var work))
                {
                    try { work(); }
                    catch (Exception e) { _log.LogError(e, "control operation failed"); }
                }
                OnTurn?.Invoke();
            }
        }
        catch (Exception e)
        {
            Failure = e;
            _log.LogCritical(e, "the event loop failed");
        }
        finally
        {
            _stopped = true;
            try { OnStop?.Invoke(); }
            catch (Exception e) { _log.LogError(e, "letting go of the keyboards failed"); }
            // Work still queued would never run: run it now, so each sees Stopped and fails its caller instead of waiting.
            _finished.Set();
            Drain();
        }
    }

    public void Stop()
    {
        _stopping = true;
        _driver.Wake();
        if (_thread is not null && !IsLoopThread) _thread.Join(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Stop();
        _driver.Dispose();
    }

    private bool _disposed;
}
