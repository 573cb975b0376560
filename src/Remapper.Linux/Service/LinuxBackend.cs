using Remapper.Backend;
using Remapper.Backend.Monitor;
using Remapper.Core.Engine;
using Remapper.Linux.Keyboards;
using Remapper.Linux.Loop;
using Remapper.Linux.Output;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Service;

/// <summary>
/// The Linux <see cref="IRemapBackend"/>: the virtual keyboard plus the <see cref="EventLoop"/>. Everything that touches
/// the engine runs on the loop thread (posted, and acknowledged once applied); this class keeps only what other threads
/// may read. When no virtual keyboard can be created yet, seizing keyboards would only swallow their keys, so the backend
/// reports the probe's findings and looks again every <see cref="RetryInterval"/>; the loop starts as soon as an output
/// device becomes usable (e.g. after <c>modprobe uhid</c> or a udev rule).
/// </summary>
public sealed class LinuxBackend : IRemapBackend, IDisposable
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly ProbeEnvironment _env;
    private readonly OutputChoice _choice;
    private readonly RemapEngine _engine;
    private readonly MonitoredOutput _monitored;
    private readonly PointerRelay _pointerRelay = new();
    private readonly LedMirror _leds = new();
    private readonly IBackendLog _log;
    private readonly KeyboardManagerOptions? _options;
    private readonly Action<string> _onReady;
    private readonly bool _realtime;
    private volatile CompiledKeymap _keymap;
    private EventLoop? _loop;
    private IVirtualKeyboard? _keyboard;
    private IVirtualPointer? _pointer;
    private BackendStatus? _waitingStatus;
    private Timer? _retry;
    private long _idleHeartbeat;
    private volatile bool _disposed;

    public LinuxBackend(CompiledKeymap keymap, ProbeEnvironment env, OutputChoice choice, IBackendLog log, Action<string> onReady,
        KeyboardManagerOptions? options = null, bool realtime = false)
    {
        _realtime = realtime;
        _env = env;
        _choice = choice;
        _log = log;
        _onReady = onReady;
        _options = options;
        _keymap = keymap;
        Monitor = new MonitorRing();
        _monitored = new MonitoredOutput(Monitor, () => _engine!.NowUs); // the engine is set on the next line, before any key
        _engine = new RemapEngine(keymap, _monitored, _pointerRelay);
        _leds.CapsLockChanged = on => _engine.SetCapsLockState(on); // the loop thread reads the LED reports
    }

    public BackendStatus Status => WithCounters(
        _loop?.Status is { } running ? running : _waitingStatus is { } waiting ? Waiting(waiting) : BackendStatus.Starting);

    /// <summary>Without a loop the engine is only changed under the gate, so its state can be read here.</summary>
    private BackendStatus Waiting(BackendStatus probe)
    {
        lock (_gate) return probe with { Paused = _engine.IsPaused, ActiveLayers = _engine.ActiveLayers };
    }

    private BackendStatus WithCounters(BackendStatus status) => status with
    {
        Counters = new BackendCounters(_monitored.EventsIn, _monitored.EventsOut) { LoopAllocatedBytes = _loop?.LoopAllocatedBytes ?? 0, UnsentKeys = _loop?.UnsentKeys ?? 0 },
    };

    /// <summary>Raised if the loop thread dies on its own (it logged why and released the keyboards).</summary>
    public event Action<Exception>? Failed;

    public event Action<BackendStatus>? StatusChanged;

    public MonitorRing Monitor { get; }

    /// <summary>The loop's heartbeat; while waiting for an output device, the retry timer's (nothing can wedge then).</summary>
    public long Heartbeat => _loop?.Heartbeat ?? Interlocked.Increment(ref _idleHeartbeat);

    /// <summary>Creates the virtual keyboard and starts the loop, or (if impossible) starts retrying. Never throws for a missing device.</summary>
    public void Start()
    {
        if (!TryStartLoop())
            _retry = new Timer(_ => TryStartLoop(), null, RetryInterval, RetryInterval);
    }

    private bool TryStartLoop()
    {
        lock (_gate)
        {
            if (_loop is not null || _disposed) return true;
            var keyboard = VirtualKeyboardFactory.Create(_env, _leds, allowUhid: _choice != OutputChoice.Uinput, out var output);
            if (keyboard is not null && _choice == OutputChoice.Uhid && keyboard.Kind != OutputKind.Uhid)
            {
                keyboard.Dispose();
                keyboard = null;
            }
            if (keyboard is null)
            {
                var waiting = new SystemProbe(_env).Run(_keymap.Model.Devices, output).Status;
                _waitingStatus = waiting;
                // The daemon logs the output's state and the input note from this status, once each (not twice here too).
                StatusChanged?.Invoke(WithCounters(Waiting(waiting)));
                return false;
            }

            _keyboard = keyboard;
            _monitored.Inner = keyboard;
            // Mouse keys' device: without it the pointer actions do nothing, typing is unaffected.
            _pointer = VirtualPointerFactory.Create(_env, keyboard.Kind, out var pointerProblem);
            if (pointerProblem is not null) _log.Warning($"{pointerProblem}; mouse keys will not move the pointer");
            _pointerRelay.Inner = _pointer;
            var loop = new EventLoop(_env, _engine, keyboard, output.ToStatus(), _leds, _keymap.DeviceRules, _log, _options, _monitored, _realtime)
            {
                Pointer = _pointer,
            };
            loop.StatusChanged += snapshot => StatusChanged?.Invoke(WithCounters(snapshot));
            loop.Start();
            _loop = loop;
            ThreadPool.RegisterWaitForSingleObject(loop.Finished, (_, _) =>
            {
                if (!_disposed && loop.Failure is { } failure) Failed?.Invoke(failure);
            }, null, Timeout.Infinite, executeOnlyOnce: true);
            _retry?.Dispose();
            _retry = null;
            _onReady(keyboard.Kind.ToString().ToLowerInvariant());
            StatusChanged?.Invoke(Status);
            return true;
        }
    }

    public Task ApplyKeymapAsync(CompiledKeymap keymap, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            _keymap = keymap;
            if (_loop is { } loop) return loop.ApplyKeymapAsync(keymap);
        }
        return OnEngine(engine =>
        {
            engine.ReplaceKeymap(keymap);
            return true;
        });
    }

    public Task SetPausedAsync(bool paused, CancellationToken cancellation = default) =>
        OnEngine(engine =>
        {
            engine.SetPaused(paused);
            return true;
        });

    public Task<bool> SetVariableAsync(string name, int value, CancellationToken cancellation = default) =>
        OnEngine(engine => engine.SetVariable(name, value));

    public Task<bool> SetBaseLayerAsync(string layer, CancellationToken cancellation = default) =>
        OnEngine(engine => engine.SetBaseLayer(layer));

    /// <summary>
    /// Runs a change on the engine's thread: posted to the loop when it runs (the task completes there, after the change,
    /// or faults with its exception or the loop's death), or right here under the gate while no loop exists yet.
    /// </summary>
    private Task<bool> OnEngine(Func<RemapEngine, bool> change)
    {
        Task<bool> done;
        lock (_gate)
        {
            if (_loop is { } loop) return loop.InvokeAsync(change);
            try
            {
                done = Task.FromResult(change(_engine));
            }
            catch (Exception e)
            {
                done = Task.FromException<bool>(e);
            }
        }
        if (_waitingStatus is not null) StatusChanged?.Invoke(Status);
        return done;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _retry?.Dispose();
            _retry = null;
            _loop?.Stop();
            _loop?.Dispose();
            _loop = null;
            _keyboard?.Dispose();
            _keyboard = null;
            _pointerRelay.Inner = null;
            _pointer?.Dispose();
            _pointer = null;
        }
    }
}

/// <summary><c>remapper run --output</c>: which virtual keyboard to create.</summary>
public enum OutputChoice { Auto, Uhid, Uinput }
