using Remapper.Backend.Monitor;
using System.Collections.Concurrent;
using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Linux.Interop;
using Remapper.Linux.Keyboards;
using Remapper.Linux.Output;
using Remapper.Linux.Probe;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Loop;

/// <summary>
/// The one thread that does the work, composed of three parts: the <see cref="Reactor"/> (what woke us), the
/// <see cref="KeyboardManager{THandle}"/> (which keyboards we hold, and why not the others) and the
/// <see cref="KeyPipeline"/> (read → usage → engine → virtual keyboard, the only hot path). Device discovery runs on
/// the <see cref="ScanWorker"/>'s thread; this one only opens, grabs and reads. Control operations are posted here
/// and acknowledged once applied.
/// </summary>
public sealed class EventLoop : IDisposable
{
    /// <summary>Layers moving on their own (a momentary layer key) republish status at most this often.</summary>
    private const long LayerPublishIntervalMs = 200;

    private readonly ProbeEnvironment _env;
    private readonly RemapEngine _engine;
    private readonly IVirtualKeyboard _output;
    private readonly OutputDeviceStatus _outputReady;
    private readonly LedMirror _leds;
    private readonly IBackendLog _log;
    private readonly KeyboardManagerOptions _options;
    private readonly IInputTap? _tap;
    private readonly ConcurrentQueue<ControlOperation> _control = new();
    private readonly Queue<Action> _acks = new();
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _finished = new();
    private readonly DeviceRules _initialRules;
    private readonly bool _realtime;

    private Reactor? _reactor;
    private KeyPipeline? _pipeline;
    private KeyboardManager<EvdevKeyboard>? _manager;
    private ScanWorker? _scans;
    private Thread? _thread;
    private volatile bool _stopping;
    private volatile Exception? _failure;
    private long _heartbeat;
    private long _loopAllocatedBytes;
    private string? _inputNote;

    // What the published status showed, to notice a change without building a new one.
    private bool _publishedPaused;
    private long _publishedLayers;
    private int _publishedManager = -1;
    private int _publishedWriteErrno;
    private long _layersPublishedAtMs;
    private bool _layersPending;

    public EventLoop(ProbeEnvironment env, RemapEngine engine, IVirtualKeyboard output, OutputDeviceStatus outputReady, LedMirror leds,
        DeviceRules rules, IBackendLog log, KeyboardManagerOptions? options = null, IInputTap? tap = null, bool realtime = false)
    {
        _realtime = realtime;
        _env = env;
        _engine = engine;
        _output = output;
        _outputReady = outputReady;
        _leds = leds;
        _initialRules = rules;
        _log = log;
        _options = options ?? new KeyboardManagerOptions();
        _tap = tap;
        Status = BackendStatus.Starting with { Output = outputReady };
    }

    /// <summary>Mouse keys' output device, drained on the loop like the virtual keyboard (null: none could be created).</summary>
    public IVirtualPointer? Pointer { get; init; }

    /// <summary>The latest status; replaced (never mutated) on each change, safe to read from any thread. Counters are not filled in here.</summary>
    public BackendStatus Status { get; private set; }

    /// <summary>Raised on the loop thread after <see cref="Status"/> changed.</summary>
    public event Action<BackendStatus>? StatusChanged;

    /// <summary>Set when the loop thread has ended, after a <see cref="Stop"/> or because it failed (see <see cref="Failure"/>).</summary>
    public WaitHandle Finished => _finished.WaitHandle;

    /// <summary>Why the loop died on its own; null while it runs or after a clean stop.</summary>
    public Exception? Failure => _failure;

    /// <summary>Bumped on every turn of the loop, at least once a second: a value that stops moving means a wedged loop.</summary>
    public long Heartbeat => Volatile.Read(ref _heartbeat);

    /// <summary>Bytes the loop thread has allocated since it started (the hot path must keep this flat while keys flow).</summary>
    public long LoopAllocatedBytes => Volatile.Read(ref _loopAllocatedBytes);

    /// <summary>Key presses the virtual keyboard could not express (a 64-bit counter the loop alone writes: a plain read is whole).</summary>
    public long UnsentKeys => _output.UnsentKeys;

    /// <summary>Starts the thread and waits until the first scan has seized what it can.</summary>
    public void Start()
    {
        var ports = new EvdevPorts(_env);
        _reactor = new Reactor(_env.DevInput, _env.DevRoot, _output.Fd);
        if (Pointer is { Fd: >= 0 } pointer) _reactor.AddPointer(pointer.Fd);
        _pipeline = new KeyPipeline(_engine, _reactor, _leds, _tap, _log);
        // Why a keyboard was refused is found out on the thread pool; the answer is posted back like a scan's.
        var explanations = new ExplainWorker(new AccessExplainer(_env), answer => Post(new ControlOperation(() =>
            {
                _manager!.OnExplained(answer);
                return null;
            }, null)),
            e => _log.Error($"explaining why a keyboard was refused failed: {e.Message}"));
        _manager = new KeyboardManager<EvdevKeyboard>(_initialRules, ports, ports, ports, explanations, _pipeline, _log, _options);
        _scans = new ScanWorker(ports.ScanWithNote, result => Post(new ControlOperation(() =>
            {
                ApplyScan(result);
                return null;
            }, null)),
            e => _log.Error($"scanning the input devices failed: {e.Message}"));
        var first = ports.ScanWithNote(); // nothing is seized yet, so this scan delays no key
        _thread = new Thread(() => Run(first)) { Name = "remapper-event-loop", IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        _ready.Wait();
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the loop thread (the only thread that may touch the engine) and completes once it
    /// ran, with its result or its exception. Faults at once, or when the loop dies before running it, with the loop's failure.
    /// </summary>
    public Task<T> InvokeAsync<T>(Func<RemapEngine, T> change)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new ControlOperation(() =>
        {
            var result = change(_engine);
            return () => done.TrySetResult(result);
        }, e => done.TrySetException(e)));
        return done.Task;
    }

    /// <summary>Swaps the keymap and applies its <c>[[device]]</c> rules to the keyboards; completes once done.</summary>
    public Task ApplyKeymapAsync(CompiledKeymap keymap) => InvokeAsync(engine =>
    {
        engine.ReplaceKeymap(keymap);
        _manager!.ApplyRules(keymap.DeviceRules);
        return true;
    });

    /// <summary>Releases every keyboard and stops the thread. The virtual keyboard stays the caller's to dispose.</summary>
    public void Stop()
    {
        if (_thread is null) return;
        _stopping = true;
        _reactor?.Wake();
        _thread.Join();
        _thread = null;
    }

    private void Post(ControlOperation operation)
    {
        _control.Enqueue(operation);
        if (_finished.IsSet) FaultPending(); // the loop is gone: nobody else will answer it
        else _reactor?.Wake();
    }

    private void Run(ScanResult firstScan)
    {
        var reactor = _reactor!;
        var pipeline = _pipeline!;
        var manager = _manager!;
        try
        {
            // Before the first keyboard is seized: every key this thread handles is handled under the policy.
            if (_realtime) RealtimeScheduling.ApplyToCurrentThread(_log);
            ApplyScan(firstScan);
            Publish();
            _ready.Set();
            Span<ReactorEvent> events = stackalloc ReactorEvent[Reactor.MaxEvents];
            while (!_stopping)
            {
                Interlocked.Increment(ref _heartbeat);
                Volatile.Write(ref _loopAllocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                int n = reactor.Wait(events, TimeoutMs(manager));
                if (n < 0) throw new IOException($"epoll_wait failed: {Errno.Name(-n)}");
                bool controlRan = false;
                for (int i = 0; i < n; i++)
                {
                    var e = events[i];
                    switch (e.Source)
                    {
                        case ReactorSource.Keyboard:
                            if (pipeline.OnReadable(e.Fd, out var errno) is { } lost) manager.OnLost(lost, errno);
                            break;
                        case ReactorSource.Output:
                            _output.OnReadable();
                            break;
                        case ReactorSource.Pointer:
                            Pointer?.OnReadable();
                            break;
                        case ReactorSource.Timer:
                            pipeline.OnTimer();
                            break;
                        case ReactorSource.Control:
                            controlRan = true;
                            RunControl();
                            break;
                        case ReactorSource.Hotplug:
                            _scans!.Request();
                            break;
                        case ReactorSource.Heartbeat:
                            break; // the turn itself is the point: Heartbeat moves while idle (the systemd watchdog reads it)
                    }
                }
                manager.Tick();
                if (manager.ScanWanted) _scans!.Request();
                PublishIfChanged(manager, controlRan);
                // Acknowledged only now: a client told "done" and then asking for status sees the change.
                while (_acks.Count > 0) _acks.Dequeue()();
                reactor.ArmTimer(_engine.NextDeadlineUs);
            }
        }
        catch (Exception e)
        {
            _failure = e;
            _log.Error($"event loop failed: {e}");
        }
        finally
        {
            manager.ReleaseAll();
            while (_acks.Count > 0) _acks.Dequeue()(); // applied before the loop died: they did happen
            _finished.Set();
            _ready.Set();
            FaultPending();
        }
    }

    /// <summary>
    /// How long to wait for the loop's own deadlines (a keyboard retry, a layer publish); -1 when there is none, the usual
    /// case while typing: the engine's deadlines are on the reactor's timerfd and the heartbeat timer ends an idle wait, so
    /// a wait without a timeout costs the kernel no clock read.
    /// </summary>
    private int TimeoutMs(KeyboardManager<EvdevKeyboard> manager)
    {
        long wake = manager.NextWakeMs;
        if (_layersPending) wake = Math.Min(wake, _layersPublishedAtMs + LayerPublishIntervalMs);
        if (wake == long.MaxValue) return -1;
        return (int)Math.Clamp(wake - Environment.TickCount64, 0, Reactor.HeartbeatSeconds * 1000);
    }

    private void RunControl()
    {
        while (_control.TryDequeue(out var operation))
        {
            try
            {
                if (operation.Run() is { } ack) _acks.Enqueue(ack);
            }
            catch (Exception e)
            {
                // A failed control operation must not take the keyboards down with it; its caller gets the error.
                _log.Error($"control operation failed: {e.Message}");
                operation.Fault?.Invoke(e);
            }
        }
    }

    /// <summary>Answers every operation still queued with the loop's failure (or its stop).</summary>
    private void FaultPending()
    {
        var error = _failure is { } f
            ? new InvalidOperationException($"the event loop stopped: {f.Message}", f)
            : new InvalidOperationException("the event loop has stopped");
        while (_control.TryDequeue(out var operation)) operation.Fault?.Invoke(error);
    }

    private void ApplyScan(ScanResult scan)
    {
        if (!_reactor!.WatchingDevInput) _reactor.WatchDevInput();
        if (_inputNote != scan.InputNote)
        {
            _inputNote = scan.InputNote;
            _publishedManager = -1;
        }
        _manager!.OnScan(scan.Devices);
    }

    /// <summary>
    /// Publishes when something status shows changed: keyboards, paused, the output's health, layers. Layers that move by
    /// themselves (holding a layer key) publish at most every <see cref="LayerPublishIntervalMs"/>, so typing on a layer
    /// does not build a snapshot per key; after a control operation everything publishes at once.
    /// </summary>
    private void PublishIfChanged(KeyboardManager<EvdevKeyboard> manager, bool controlRan)
    {
        bool layersMoved = _engine.LayerFingerprint != _publishedLayers;
        bool other = controlRan || manager.Version != _publishedManager || _engine.IsPaused != _publishedPaused
            || _output.LastWriteErrno != _publishedWriteErrno;
        if (!other && !layersMoved)
        {
            _layersPending = false; // moved and moved back before anyone was told
            return;
        }
        if (!other && Environment.TickCount64 - _layersPublishedAtMs < LayerPublishIntervalMs)
        {
            _layersPending = true; // TimeoutMs wakes the loop when the interval is over
            return;
        }
        if (_output.LastWriteErrno != _publishedWriteErrno) LogOutputHealth();
        Publish();
    }

    private void LogOutputHealth()
    {
        if (_output.LastWriteErrno != 0)
            _log.Error($"writing to the virtual keyboard fails: {Errno.Name(_output.LastWriteErrno)} ({_output.FailedWrites} key changes lost so far)");
        else
            _log.Info($"writing to the virtual keyboard works again ({_output.FailedWrites} key changes were lost)");
    }

    private void Publish()
    {
        var manager = _manager!;
        _publishedManager = manager.Version;
        _publishedPaused = _engine.IsPaused;
        _publishedLayers = _engine.LayerFingerprint;
        _publishedWriteErrno = _output.LastWriteErrno;
        _layersPublishedAtMs = Environment.TickCount64;
        _layersPending = false;
        var output = _publishedWriteErrno == 0 ? _outputReady : _outputReady with
        {
            State = OutputDeviceState.Failed,
            Detail = $"writing to it fails: {Errno.Name(_publishedWriteErrno)} ({Libc.Describe(_publishedWriteErrno)}); " +
                $"{_output.FailedWrites} key changes lost so far; {_outputReady.Detail}",
        };
        var status = new BackendStatus(output, manager.Keyboards, _publishedPaused, _engine.ActiveLayers,
            default, _inputNote);
        Status = status;
        StatusChanged?.Invoke(status);
    }

    public void Dispose()
    {
        Stop();
        _reactor?.Dispose();
        _reactor = null;
        _ready.Dispose();
        _finished.Dispose();
    }

    /// <summary>A control operation and how to tell its caller it failed (null: nobody waits for it).</summary>
    /// <param name="Run">Applies the change on the loop thread; returns what completes its caller's task, run after status is published.</param>
    private sealed record ControlOperation(Func<Action?> Run, Action<Exception>? Fault);
}
