using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Backend.Monitor;
using Remapper.Core.Engine;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Loop;
using Remapper.MacOS.Manager;

namespace Remapper.MacOS;

/// <summary>
/// The daemon's view of the macOS backend (<see cref="IRemapBackend"/>): IOKit seizes the keyboards, the engine runs on
/// the loop thread, the Karabiner DriverKit virtual keyboard types the result. Everything that touches the engine or
/// the device manager runs on the loop thread (posted); this class keeps only what other threads may read.
/// </summary>
public sealed class MacBackend : IRemapBackend, IDisposable
{
    private readonly IVirtualKeyboard _output;
    private readonly IHidDevicePort _hid;
    private readonly OpenRefusalExplainer _explainer;
    private readonly ILogger _log;
    private readonly MacManagerOptions _options;
    private readonly MonitoredOutput _monitored;
    private readonly RemapEngine _engine;
    private readonly MacEventLoop _loop;
    private readonly Action<string>? _onReady;
    private CompiledKeymap _keymap;
    private MacDeviceManager? _manager;
    private volatile BackendStatus _status = BackendStatus.Starting;
    private long _armedDeadlineUs = long.MaxValue;
    private bool _publishedPaused;
    private int _readyAnnounced;
    private OutputDeviceStatus? _loggedOutput;
    private volatile bool _disposed;

    public MacBackend(CompiledKeymap keymap, IVirtualKeyboard output, IHidDevicePort hid, IRunLoopDriver driver,
        OpenRefusalExplainer explainer, ILogger log, MacManagerOptions? options = null, Action<string>? onReady = null)
    {
        _keymap = keymap;
        _output = output;
        _hid = hid;
        _explainer = explainer;
        _log = log;
        _options = options ?? new MacManagerOptions();
        _onReady = onReady;
        Monitor = new MonitorRing();
        _monitored = new MonitoredOutput(Monitor, () => _engine!.NowUs) { Inner = output }; // the engine is set on the next line, before any key
        _engine = new RemapEngine(keymap, _monitored);
        _loop = new MacEventLoop(driver, log)
        {
            OnStart = StartOnLoop,
            OnTurn = Turn,
            OnStop = StopOnLoop,
            NextTimeoutMs = TimeoutMs,
        };
    }

    /// <summary>The latest snapshot, with the running totals as they are now (they change per key, the rest does not).</summary>
    public BackendStatus Status => _status with { Counters = new BackendCounters(_monitored.EventsIn, _monitored.EventsOut) };

    public event Action<BackendStatus>? StatusChanged;

    /// <summary>Raised if the loop thread ends on its own (it logged why and let go of the keyboards); the daemon then stops.</summary>
    public event Action<Exception>? Failed;

    public MonitorRing Monitor { get; }

    public long Heartbeat => _loop.Heartbeat;

    /// <summary>Starts the loop thread (IOKit matching on its run loop). The virtual keyboard's state arrives through <see cref="OutputChanged"/>.</summary>
    public void Start()
    {
        _loop.Start();
        ThreadPool.RegisterWaitForSingleObject(_loop.Finished, (_, _) =>
        {
            if (!_disposed) Failed?.Invoke(_loop.Failure ?? new InvalidOperationException("the event loop ended on its own"));
        }, null, Timeout.Infinite, executeOnlyOnce: true);
    }

    /// <summary>Runs <paramref name="work"/> on the loop thread (where IOKit's callbacks run; tests deliver fake callbacks this way).</summary>
    internal void Post(Action work) => _loop.Post(work);

    /// <summary>Any thread (the virtual HID client's): the virtual keyboard's state may have changed.</summary>
    public void OutputChanged()
    {
        var output = _output.Status;
        if (Interlocked.Exchange(ref _loggedOutput, output) is var last && (last?.State != output.State || last.Detail != output.Detail))
        {
            // Once per change: the client reconnects every second while the daemon is away, with the same answer.
            if (output.State == OutputDeviceState.Ready) _log.LogInformation("virtual keyboard: {Detail}", output.Detail);
            else _log.LogWarning("virtual keyboard {State}: {Detail}", output.State, output.Detail);
        }
        if (_output.IsReady && Interlocked.Exchange(ref _readyAnnounced, 1) == 0) _onReady?.Invoke(_output.Status.Kind);
        if (_loop.IsRunning) _loop.Post(() => _manager?.OnOutputChanged());
    }

    private void StartOnLoop()
    {
        var manager = new MacDeviceManager(_engine, _hid, _output, _explainer, _keymap.Model.Devices, _log, _options)
        {
            Recorder = _monitored,
        };
        manager.Changed += Publish;
        _manager = manager;
        _hid.Start(new DeadlineWatch(this, manager));
        Publish();
    }

    /// <summary>Forwards IOKit's callbacks to the manager, and ends the current wait when a key moved the engine's deadline earlier.</summary>
    private sealed class DeadlineWatch(MacBackend backend, MacDeviceManager manager) : IHidEventSink
    {
        public void OnMatched(HidDeviceProperties properties) => manager.OnMatched(properties);

        public void OnRemoved(ulong registryId) => manager.OnRemoved(registryId);

        public void OnInput(ulong registryId, uint page, uint usage, long value, long timeUs)
        {
            manager.OnInput(registryId, page, usage, value, timeUs);
            if (backend._engine.NextDeadlineUs < backend._armedDeadlineUs) backend._loop.DeadlineChanged();
            if (backend._engine.IsPaused != backend._publishedPaused) backend.Publish();
        }
    }

    private int TimeoutMs()
    {
        long nowUs = MacClock.NowUs();
        long deadline = _engine.NextDeadlineUs;
        _armedDeadlineUs = deadline;
        long timeout = MacEventLoop.MaxSleepMs;
        if (deadline != long.MaxValue) timeout = Math.Min(timeout, Math.Max(0, (deadline - nowUs + 999) / 1000));
        if (_manager is { NextReprobeMs: var reprobe } && reprobe != long.MaxValue)
            timeout = Math.Min(timeout, Math.Max(0, reprobe - Environment.TickCount64));
        return (int)timeout;
    }

    private void Turn()
    {
        long now = MacClock.NowUs();
        if (_engine.NextDeadlineUs <= now) _engine.Advance(now);
        _manager?.Tick();
        if (_engine.IsPaused != _publishedPaused) Publish();
    }

    private void StopOnLoop()
    {
        _manager?.ReleaseAll();
        _hid.Dispose();
    }

    private void Publish()
    {
        var manager = _manager;
        _publishedPaused = _engine.IsPaused;
        var status = new BackendStatus(
            _output.Status,
            manager?.Keyboards ?? [],
            _publishedPaused,
            _engine.ActiveLayers,
            new BackendCounters(_monitored.EventsIn, _monitored.EventsOut),
            manager?.Note);
        _status = status;
        StatusChanged?.Invoke(status);
    }

    public Task ApplyKeymapAsync(CompiledKeymap keymap, CancellationToken cancellation = default) =>
        OnLoop(() =>
        {
            _keymap = keymap;
            _engine.ReplaceKeymap(keymap);
            _manager?.ApplyDeviceBlocks(keymap.Model.Devices);
            return true;
        }, cancellation);

    public Task SetPausedAsync(bool paused, CancellationToken cancellation = default) =>
        OnLoop(() =>
        {
            _engine.SetPaused(paused);
            return true;
        }, cancellation);

    public Task<bool> SetVariableAsync(string name, int value, CancellationToken cancellation = default) =>
        OnLoop(() => _engine.SetVariable(name, value), cancellation);

    public Task<bool> SetBaseLayerAsync(string layer, CancellationToken cancellation = default) =>
        OnLoop(() => _engine.SetBaseLayer(layer), cancellation);

    /// <summary>Runs a change on the loop thread; the task completes there after the change (and the status shows it), or faults.</summary>
    private Task<bool> OnLoop(Func<bool> change, CancellationToken cancellation)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_loop.IsRunning)
        {
            done.SetException(new InvalidOperationException("the macOS event loop is not running"));
            return done.Task;
        }
        _loop.Post(() =>
        {
            if (_loop.Stopped)
            {
                done.TrySetException(new InvalidOperationException("the macOS event loop stopped before the change was applied"));
                return;
            }
            try
            {
                bool result = change();
                Publish();
                done.TrySetResult(result);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task.WaitAsync(cancellation);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _loop.Dispose();
        (_output as IDisposable)?.Dispose();
    }
}
