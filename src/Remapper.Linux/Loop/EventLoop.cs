using System.Collections.Concurrent;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Linux.Discovery;
using Remapper.Linux.Input;
using Remapper.Linux.Interop;
using Remapper.Linux.Output;
using Remapper.Linux.Probe;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Loop;

public sealed record EventLoopOptions
{
    /// <summary>How long to wait for held keys to be released before grabbing anyway.</summary>
    public TimeSpan WaitForRelease { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often to look again while a keyboard is denied or busy (besides inotify changes).</summary>
    public TimeSpan ReprobeInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often to retry a busy keyboard. Nothing in /dev/input changes when the other program lets go, so this is
    /// polled; a grab attempt is cheap, and the user expects the keyboard back within moments.
    /// </summary>
    public TimeSpan BusyReprobeInterval { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The one thread that does the work: epoll over every seized keyboard, the virtual keyboard (LED reports), an
/// inotify watch on /dev/input (hotplug and permission changes), a timerfd at the engine's next deadline and an
/// eventfd for control. Read → key code to usage → engine → virtual keyboard, all on this thread with no
/// allocation per event.
/// </summary>
public sealed unsafe class EventLoop : IDisposable
{
    private const ulong TagDevice = 1UL << 32, TagInotify = 2UL << 32, TagTimer = 3UL << 32, TagControl = 4UL << 32, TagOutput = 5UL << 32;
    private const int MaxEpollEvents = 32;
    private const int EventBatch = 64;
    private const int AwaitReleasePollMs = 10;

    private readonly ProbeEnvironment _env;
    private readonly RemapEngine _engine;
    private readonly IVirtualKeyboard _output;
    private readonly OutputStatus _outputStatus;
    private readonly LedMirror _leds;
    private IReadOnlyList<DeviceBlock> _deviceBlocks;
    private readonly IBackendLog _log;
    private readonly EventLoopOptions _options;
    private readonly InputDeviceScanner _scanner;
    private readonly AccessExplainer _explainer;

    private readonly Dictionary<int, EvdevKeyboard> _byFd = [];
    private readonly List<(EvdevKeyboard Keyboard, long DeadlineMs)> _awaitingRelease = [];
    private readonly Dictionary<string, KeyboardStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ControlMessage> _control = new();
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly InputEvent[] _events = new InputEvent[EventBatch];
    private readonly KeyChange[] _changes = new KeyChange[InputCodes.KeyMax + 1];
    private readonly byte[] _keyScratch = new byte[KeyBitmap.Bytes];
    private readonly byte[] _inotifyBuffer = new byte[4096];

    private int _epoll = -1, _inotify = -1, _timer = -1, _eventFd = -1;
    private int _devInputWatch = -1;
    private long _armedDeadline = long.MaxValue;
    private long _lastTimeUs;
    private bool _rescanPending;
    private bool _stopping;
    private long _nextReprobeMs = long.MaxValue;
    private string? _inputNote;
    private Thread? _thread;
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _finished = new();

    /// <summary>Set when the loop thread has ended, after a <see cref="Stop"/> or because it failed (logged).</summary>
    public WaitHandle Finished => _finished.WaitHandle;

    private enum ControlMessage { Shutdown, Reprobe, Work }

    /// <summary>The longest the loop sleeps, so <see cref="Heartbeat"/> keeps moving while idle (the systemd watchdog reads it).</summary>
    private const int MaxSleepMs = 1000;

    private long _heartbeat;
    private bool _publishedPaused;

    public EventLoop(ProbeEnvironment env, RemapEngine engine, IVirtualKeyboard output, OutputStatus outputStatus, LedMirror leds,
        IReadOnlyList<DeviceBlock> deviceBlocks, IBackendLog log, EventLoopOptions? options = null)
    {
        _env = env;
        _engine = engine;
        _output = output;
        _outputStatus = outputStatus;
        _leds = leds;
        _deviceBlocks = deviceBlocks;
        _log = log;
        _options = options ?? new EventLoopOptions();
        _scanner = new InputDeviceScanner(env.SysRoot, env.DevRoot);
        _explainer = new AccessExplainer(env);
        Status = new StatusSnapshot(outputStatus, [], null);
    }

    /// <summary>The latest state of every keyboard; replaced (never mutated) on each change, safe to read from any thread.</summary>
    public StatusSnapshot Status { get; private set; }

    /// <summary>Raised on the loop thread after <see cref="Status"/> changed.</summary>
    public event Action<StatusSnapshot>? StatusChanged;

    /// <summary>Starts the thread and waits until the first scan has seized what it can.</summary>
    public void Start()
    {
        _epoll = Check(Libc.EpollCreate1(Epoll.CloseOnExec), "epoll_create1");
        _eventFd = Check(Libc.Eventfd(0, EventFd.NonBlock | EventFd.CloseOnExec), "eventfd");
        _timer = Check(Libc.TimerfdCreate(InputCodes.ClockMonotonic, TimerFd.NonBlock | TimerFd.CloseOnExec), "timerfd_create");
        _inotify = Check(Libc.InotifyInit1(Inotify.NonBlock | Inotify.CloseOnExec), "inotify_init1");
        Epoll.Add(_epoll, _eventFd, Epoll.In, TagControl);
        Epoll.Add(_epoll, _timer, Epoll.In, TagTimer);
        Epoll.Add(_epoll, _inotify, Epoll.In, TagInotify);
        Epoll.Add(_epoll, _output.Fd, Epoll.In, TagOutput);
        WatchDevInput();

        _thread = new Thread(Run) { Name = "remapper-event-loop", IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        _ready.Wait();
    }

    /// <summary>Asks the loop to look at the devices again (e.g. after a permission fix).</summary>
    public void RequestReprobe() => Post(ControlMessage.Reprobe);

    /// <summary>Sees every key event before the engine does; set before <see cref="Start"/>.</summary>
    public IInputTap? InputTap { get; init; }

    /// <summary>Bumped on every turn of the loop, at least once a second: a value that stops moving means a wedged loop.</summary>
    public long Heartbeat => Volatile.Read(ref _heartbeat);

    /// <summary>
    /// Runs <paramref name="work"/> on the loop thread (the only thread that may touch the engine) and returns at
    /// once. For control operations — keymap swap, pause, variables — not for anything per key.
    /// </summary>
    public void Post(Action work)
    {
        _work.Enqueue(work);
        Post(ControlMessage.Work);
    }

    /// <summary>
    /// On the loop thread, after a keymap swap: keyboards a <c>[[device]]</c> block now ignores are let go, and ones
    /// no longer ignored are seized on the rescan that follows.
    /// </summary>
    public void ApplyDeviceBlocks(IReadOnlyList<DeviceBlock> deviceBlocks)
    {
        bool sameRules = SameDeviceRules(_deviceBlocks, deviceBlocks);
        _deviceBlocks = deviceBlocks;
        // Most reloads change remaps, not which keyboards to leave alone. A rescan reads sysfs on this thread, and
        // while it does no key is read: skip it unless the [[device]] matches or ignore flags changed.
        if (sameRules) return;
        foreach (var keyboard in _byFd.Values.ToArray())
        {
            if (DeviceRules.IgnoringBlock(deviceBlocks, keyboard.Info.Identity) is null) continue;
            LetGo(keyboard);
            _statuses.Remove(keyboard.Info.EventName);
        }
        foreach (var (eventName, status) in _statuses.ToArray())
            if (status.State == KeyboardState.Ignored) _statuses.Remove(eventName);
        _rescanPending = true;
    }

    /// <summary>Releases every keyboard and stops the thread. The virtual keyboard stays the caller's to dispose.</summary>
    public void Stop()
    {
        if (_thread is null) return;
        Post(ControlMessage.Shutdown);
        _thread.Join();
        _thread = null;
    }

    /// <summary>Same blocks in the same order with the same matches and ignore flags (first match wins, so order counts).</summary>
    private static bool SameDeviceRules(IReadOnlyList<DeviceBlock> a, IReadOnlyList<DeviceBlock> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (a[i].Match != b[i].Match || a[i].Ignore != b[i].Ignore) return false;
        return true;
    }

    private void Post(ControlMessage message)
    {
        _control.Enqueue(message);
        ulong one = 1;
        Libc.Write(_eventFd, &one, 8);
    }

    private void WatchDevInput()
    {
        _devInputWatch = Libc.InotifyAddWatch(_inotify, _env.DevInput, Inotify.Create | Inotify.Attrib | Inotify.Delete);
        if (_devInputWatch < 0)
        {
            // No /dev/input yet (evdev not loaded): watch /dev for it to appear.
            Libc.InotifyAddWatch(_inotify, _env.DevRoot, Inotify.Create);
            var advice = new KernelSupport(_env).Explain("evdev", _env.DevInput, "CONFIG_INPUT_EVDEV");
            _inputNote = $"{advice.Detail}; fix: {advice.Fix}";
        }
        else _inputNote = null;
    }

    private void Run()
    {
        try
        {
            Rescan();
            _ready.Set();
            byte* events = stackalloc byte[MaxEpollEvents * 16];
            while (!_stopping)
            {
                Interlocked.Increment(ref _heartbeat);
                int timeout = TimeoutMs();
                if (timeout < 0 || timeout > MaxSleepMs) timeout = MaxSleepMs;
                int n = Libc.EpollWait(_epoll, events, MaxEpollEvents, timeout);
                if (n < 0)
                {
                    if (Libc.LastErrno == Errno.EINTR) continue;
                    _log.Error($"epoll_wait failed: {Errno.Name(Libc.LastErrno)}; stopping");
                    break;
                }
                for (int i = 0; i < n; i++) Dispatch(Epoll.DataAt(events, i), Epoll.EventsAt(events, i));
                if (_awaitingRelease.Count > 0) PollAwaitingRelease();

                if (_rescanPending || Environment.TickCount64 >= _nextReprobeMs)
                {
                    _rescanPending = false;
                    Rescan();
                }
                ArmTimer();
            }
        }
        catch (Exception e)
        {
            _log.Error($"event loop failed: {e}");
        }
        finally
        {
            ReleaseEverything();
            _ready.Set();
            _finished.Set();
        }
    }

    private int TimeoutMs()
    {
        if (_awaitingRelease.Count > 0) return AwaitReleasePollMs;
        if (_nextReprobeMs == long.MaxValue) return -1;
        return (int)Math.Clamp(_nextReprobeMs - Environment.TickCount64, 0, int.MaxValue);
    }

    private void Dispatch(ulong data, uint events)
    {
        switch (data & 0xFFFF_FFFF_0000_0000UL)
        {
            case TagDevice:
                if (_byFd.TryGetValue((int)(uint)data, out var keyboard)) ReadDevice(keyboard);
                break;
            case TagOutput:
                _output.OnReadable();
                break;
            case TagTimer:
                ulong expirations;
                Libc.Read(_timer, &expirations, 8);
                _armedDeadline = long.MaxValue;
                _engine.Advance(Now());
                break;
            case TagInotify:
                DrainInotify();
                break;
            case TagControl:
                ulong count;
                Libc.Read(_eventFd, &count, 8);
                while (_control.TryDequeue(out var message))
                {
                    if (message == ControlMessage.Shutdown) _stopping = true;
                    else if (message == ControlMessage.Reprobe) _rescanPending = true;
                }
                while (_work.TryDequeue(out var work))
                {
                    try
                    {
                        work();
                    }
                    catch (Exception e)
                    {
                        // A failed control operation must not take the keyboards down with it.
                        _log.Error($"control operation failed: {e}");
                    }
                }
                if (_engine.IsPaused != _publishedPaused) PublishStatus();
                break;
        }
    }

    private long Now()
    {
        long t = Monotonic.NowUs();
        if (t < _lastTimeUs) t = _lastTimeUs;
        _lastTimeUs = t;
        return t;
    }

    private void ReadDevice(EvdevKeyboard keyboard)
    {
        while (true)
        {
            int n = keyboard.Read(_events);
            if (n < 0)
            {
                Lose(keyboard, -n);
                return;
            }
            for (int i = 0; i < n; i++) Handle(keyboard, ref _events[i]);
            if (n < _events.Length) return;
        }
    }

    private void Handle(EvdevKeyboard keyboard, ref InputEvent e)
    {
        switch (keyboard.Keys.Accept(e.Type, e.Code, e.Value))
        {
            case TrackResult.Key:
                long t = keyboard.EventTimesAreMonotonic ? e.TimeUs : Monotonic.NowUs();
                if (t < _lastTimeUs) t = _lastTimeUs;
                _lastTimeUs = t;
                Feed(keyboard, e.Code, e.Value != 0, t);
                break;
            case TrackResult.Resync:
                Resync(keyboard);
                break;
        }
    }

    private void Feed(EvdevKeyboard keyboard, ushort code, bool down, long timeUs)
    {
        if (!LinuxKeyCodes.TryToUsage(code, out var usage)) return;
        InputTap?.OnInput(keyboard.Slot, usage, down, timeUs);
        if (_engine.NextDeadlineUs <= timeUs) _engine.Advance(timeUs);
        _engine.Process(new KeyEvent(keyboard.Slot, usage, down, timeUs));
        // The emergency sequence pauses inside the engine; status shows it (a rare change, so the snapshot's cost is fine).
        if (_engine.IsPaused != _publishedPaused) PublishStatus();
        if (_log.IsDebugEnabled) _log.Debug($"{keyboard.Info.EventName} {usage} {(down ? "down" : "up")}");
    }

    /// <summary>After SYN_DROPPED: ask the kernel what is held and tell the engine the difference, so nothing sticks.</summary>
    private void Resync(EvdevKeyboard keyboard)
    {
        if (!keyboard.ReadKernelKeyState(_keyScratch, out var errno))
        {
            Lose(keyboard, errno);
            return;
        }
        int n = keyboard.Keys.Resync(_keyScratch, _changes);
        long t = Now();
        for (int i = 0; i < n; i++) Feed(keyboard, _changes[i].Code, _changes[i].Down, t);
        _log.Warning($"{keyboard.Info.Name} ({keyboard.Info.EventName}): events dropped by the kernel; resynchronised {n} key(s)");
    }

    /// <summary>Stops reading a seized keyboard and closes it (ungrabbing it); the engine releases whatever it held.</summary>
    private void LetGo(EvdevKeyboard keyboard)
    {
        Epoll.Remove(_epoll, keyboard.Fd);
        _byFd.Remove(keyboard.Fd);
        _leds.Remove(keyboard);
        _engine.DetachDevice(keyboard.Slot, Now());
        keyboard.Dispose();
    }

    /// <summary>The keyboard vanished (or broke): whatever it held is released through the engine.</summary>
    private void Lose(EvdevKeyboard keyboard, int errno)
    {
        LetGo(keyboard);
        var info = keyboard.Info;
        SetStatus(info.EventName, new KeyboardStatus(info.Identity, info.DevNode, info.Kind, KeyboardState.Gone,
            $"{info.DevNode} went away ({Errno.Name(errno)}); its held keys were released", Errno: errno));
        PublishStatus();
    }

    private void DrainInotify()
    {
        while (true)
        {
            nint n;
            fixed (byte* p = _inotifyBuffer) n = Libc.Read(_inotify, p, (nuint)_inotifyBuffer.Length);
            if (n <= 0) return;
            // Any create/attrib/delete under /dev/input (or /dev/input itself appearing) is worth a rescan;
            // a rescan costs a few sysfs reads, so the names are not inspected.
            _rescanPending = true;
        }
    }

    private void Rescan()
    {
        if (_devInputWatch < 0) WatchDevInput();

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in _scanner.Scan())
        {
            if (!device.IsCandidate) continue;
            present.Add(device.EventName);
            if (IsSeized(device)) continue;

            var ignoredBy = DeviceRules.IgnoringBlock(_deviceBlocks, device.Identity);
            if (ignoredBy is not null)
            {
                var rule = DeviceRules.Describe(ignoredBy);
                SetStatus(device.EventName, new KeyboardStatus(device.Identity, device.DevNode, device.Kind, KeyboardState.Ignored,
                    $"ignored by {rule}", IgnoredBy: rule));
                continue;
            }
            Seize(device);
        }

        foreach (var (eventName, status) in _statuses.ToArray())
        {
            if (present.Contains(eventName)) continue;
            if (status.State == KeyboardState.Gone) _statuses.Remove(eventName);
            else if (status.State != KeyboardState.Seized)
                SetStatus(eventName, status with { State = KeyboardState.Gone, Detail = $"{status.DevNode} went away", Fix = null });
        }

        var interval = _statuses.Values.Any(s => s.State == KeyboardState.Busy) ? _options.BusyReprobeInterval
            : _statuses.Values.Any(s => s.IsProblem) ? _options.ReprobeInterval
            : Timeout.InfiniteTimeSpan;
        _nextReprobeMs = interval == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)interval.TotalMilliseconds;
        PublishStatus();
    }

    private bool IsSeized(InputDeviceInfo device)
    {
        foreach (var keyboard in _byFd.Values)
            if (keyboard.Info.EventName == device.EventName && keyboard.Info.Identity.Id == device.Identity.Id) return true;
        return false;
    }

    private void Seize(InputDeviceInfo device)
    {
        foreach (var waiting in _awaitingRelease)
            if (waiting.Keyboard.Info.EventName == device.EventName) return;
        var keyboard = EvdevKeyboard.Open(device, out var errno, out var operation);
        if (keyboard is null)
        {
            SetStatus(device.EventName, _explainer.Explain(device, operation, errno));
            return;
        }
        if (keyboard.AnyKeyHeld)
        {
            // Grab once the user lets go, without holding up the other keyboards meanwhile.
            _awaitingRelease.Add((keyboard, Environment.TickCount64 + (long)_options.WaitForRelease.TotalMilliseconds));
            return;
        }
        Grab(keyboard);
    }

    /// <summary>Keyboards opened with a key held: grab each as soon as nothing is held, or when the wait runs out.</summary>
    private void PollAwaitingRelease()
    {
        for (int i = _awaitingRelease.Count - 1; i >= 0; i--)
        {
            var (keyboard, deadline) = _awaitingRelease[i];
            if (!keyboard.RefreshHeldKeys(out var errno))
            {
                _awaitingRelease.RemoveAt(i);
                keyboard.Dispose();
                _rescanPending = true;
                continue;
            }
            if (keyboard.AnyKeyHeld && Environment.TickCount64 < deadline) continue;
            _awaitingRelease.RemoveAt(i);
            Grab(keyboard);
            PublishStatus();
        }
    }

    private void Grab(EvdevKeyboard keyboard)
    {
        var device = keyboard.Info;
        if (!keyboard.TryGrab(out var errno))
        {
            keyboard.Dispose();
            SetStatus(device.EventName, _explainer.Explain(device, "EVIOCGRAB on", errno));
            return;
        }
        keyboard.Slot = _engine.AttachDevice(device.Identity);
        _byFd[keyboard.Fd] = keyboard;
        Epoll.Add(_epoll, keyboard.Fd, Epoll.In, TagDevice | (uint)keyboard.Fd);
        _leds.Add(keyboard);
        var stuck = keyboard.Keys.HeldBeforeGrab.IsEmpty ? "" : " (some keys were still held after waiting; their releases are ignored)";
        SetStatus(device.EventName, new KeyboardStatus(device.Identity, device.DevNode, device.Kind, KeyboardState.Seized,
            $"seized {device.DevNode} ({(device.IsBuiltIn ? "built-in" : "external")}, {device.Bus.ToString().ToLowerInvariant()}){stuck}"));
    }

    private void SetStatus(string eventName, KeyboardStatus status)
    {
        _statuses.TryGetValue(eventName, out var previous);
        _statuses[eventName] = status;
        if (status.SameAs(previous)) return;

        var name = $"{status.Identity.Name} [{status.Identity.Id}]";
        switch (status.State)
        {
            case KeyboardState.AccessDenied or KeyboardState.Busy or KeyboardState.Failed:
                _log.Warning($"{name}: {status.State}: {status.Detail}{(status.Fix is null ? "" : "; fix: " + status.Fix)}");
                break;
            default:
                _log.Info($"{name}: {status.State}: {status.Detail}");
                break;
        }
    }

    private void PublishStatus()
    {
        var keyboards = _statuses.Values.OrderBy(s => s.DevNode, StringComparer.Ordinal).ToArray();
        _publishedPaused = _engine.IsPaused;
        var snapshot = new StatusSnapshot(_outputStatus, keyboards, _inputNote)
        {
            Paused = _publishedPaused,
            ActiveLayers = _engine.ActiveLayers,
        };
        Status = snapshot;
        StatusChanged?.Invoke(snapshot);
    }

    private void ArmTimer()
    {
        long deadline = _engine.NextDeadlineUs;
        if (deadline == _armedDeadline) return;
        _armedDeadline = deadline;
        Itimerspec spec = default;
        if (deadline != long.MaxValue)
        {
            // An absolute CLOCK_MONOTONIC time; a zero value would disarm, so a deadline at 0 becomes 1 ns.
            spec.Value.Seconds = deadline / 1_000_000;
            spec.Value.Nanoseconds = deadline % 1_000_000 * 1000;
            if (spec.Value.Seconds == 0 && spec.Value.Nanoseconds == 0) spec.Value.Nanoseconds = 1;
        }
        Libc.TimerfdSettime(_timer, TimerFd.AbsoluteTime, &spec, null);
    }

    private void ReleaseEverything()
    {
        foreach (var (keyboard, _) in _awaitingRelease) keyboard.Dispose();
        _awaitingRelease.Clear();
        long now = Now();
        foreach (var keyboard in _byFd.Values)
        {
            _engine.DetachDevice(keyboard.Slot, now);
            keyboard.Dispose();
        }
        _byFd.Clear();
    }

    private static int Check(int fd, string call) =>
        fd >= 0 ? fd : throw new IOException($"{call} failed: {Errno.Name(Libc.LastErrno)} ({Libc.Describe(Libc.LastErrno)})");

    public void Dispose()
    {
        Stop();
        foreach (var fd in new[] { _epoll, _inotify, _timer, _eventFd })
            if (fd >= 0) Libc.Close(fd);
        _epoll = _inotify = _timer = _eventFd = -1;
        _ready.Dispose();
        _finished.Dispose();
    }
}
