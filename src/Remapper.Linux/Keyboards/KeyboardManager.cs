using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Linux.Discovery;
using Remapper.Linux.Loop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Keyboards;

public sealed record KeyboardManagerOptions
{
    /// <summary>How long to wait for held keys to be released before grabbing anyway.</summary>
    public TimeSpan WaitForRelease { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often to look again while a keyboard is denied or failed (besides inotify changes).</summary>
    public TimeSpan ReprobeInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often to retry a busy keyboard. Nothing in /dev/input changes when the other program lets go, so this is
    /// polled; a grab attempt is cheap, and the user expects the keyboard back within moments.
    /// </summary>
    public TimeSpan BusyReprobeInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often to ask the kernel again whether the keys of a keyboard waiting for release are up.</summary>
    public TimeSpan ReleasePollInterval { get; init; } = TimeSpan.FromMilliseconds(10);
}

/// <summary>
/// The life of every keyboard: discovered → ignored by a <c>[[device]]</c> block, or opened → (pending while a key is
/// held) → grabbed and handed to the key pipeline → lost (unplugged, broken, or ignored by a new keymap). Each step's
/// outcome is a <see cref="KeyboardStatus"/> with the cause and the fix. Pure state over small ports (opener, grabber,
/// clock, explanation requests) and fed scan results, so all of it is unit-tested without devices. Runs on the event loop
/// thread, which it never holds up with file-system work: scans and explanations come back to it as results.
/// </summary>
public sealed class KeyboardManager<THandle> where THandle : class, IKeyboardHandle
{
    private sealed class Entry(InputDeviceInfo device, KeyboardStatus finding)
    {
        public InputDeviceInfo Device = device;
        public KeyboardStatus Finding = finding;
        public THandle? Handle;
        public bool Seized;
        public long ReleaseDeadlineMs;
        public (string Operation, int Errno) LastFailure;
    }

    private readonly IKeyboardOpener<THandle> _opener;
    private readonly IKeyboardGrabber<THandle> _grabber;
    private readonly IManagerClock _clock;
    private readonly IExplanationRequests _explanations;
    private readonly IKeyboardSink<THandle> _sink;
    private readonly IBackendLog _log;
    private readonly KeyboardManagerOptions _options;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private DeviceRules _rules;
    private long _nextScanMs = long.MaxValue;
    private int _waiting;

    public KeyboardManager(DeviceRules rules, IKeyboardOpener<THandle> opener, IKeyboardGrabber<THandle> grabber, IManagerClock clock,
        IExplanationRequests explanations, IKeyboardSink<THandle> sink, IBackendLog log, KeyboardManagerOptions? options = null)
    {
        _rules = rules;
        _opener = opener;
        _grabber = grabber;
        _clock = clock;
        _explanations = explanations;
        _sink = sink;
        _log = log;
        _options = options ?? new KeyboardManagerOptions();
    }

    /// <summary>Bumped whenever a keyboard's finding changed: the loop publishes a new status when it moves.</summary>
    public int Version { get; private set; }

    /// <summary>Set when something happened that only a new scan can settle (a new keymap's rules, a node that broke).</summary>
    public bool ScanWanted { get; private set; }

    /// <summary>When the manager next needs <see cref="Tick"/> (a keyboard waiting for release, a retry); long.MaxValue when never.</summary>
    public long NextWakeMs => _waiting > 0 ? Math.Min(_nextScanMs, _clock.NowMs + (long)_options.ReleasePollInterval.TotalMilliseconds) : _nextScanMs;

    /// <summary>Every keyboard's status, ordered by device node.</summary>
    public IReadOnlyList<KeyboardStatus> Keyboards =>
        [.. _entries.Values.OrderBy(e => e.Device.DevNode, StringComparer.Ordinal).Select(e => e.Finding)];

    /// <summary>The seized keyboards' handles (for shutdown and tests).</summary>
    public IEnumerable<THandle> Seized => _entries.Values.Where(e => e.Seized).Select(e => e.Handle!);

    /// <summary>A scan's result (made off the loop thread): new keyboards are taken, vanished ones marked gone.</summary>
    public void OnScan(IReadOnlyList<InputDeviceInfo> devices)
    {
        ScanWanted = false;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            if (!device.IsCandidate) continue;
            present.Add(device.EventName);
            if (_entries.TryGetValue(device.EventName, out var known))
            {
                if (known.Device.Identity.Id == device.Identity.Id && (known.Seized || known.Handle is not null)) continue;
                // The same eventN with another device behind it: the old one went away between scans.
                if (known.Handle is not null) LetGo(known);
            }
            Take(device);
        }

        foreach (var entry in _entries.Values.ToArray())
        {
            if (present.Contains(entry.Device.EventName)) continue;
            if (entry.Seized) continue; // its read fails and reports the loss, with the errno
            if (entry.Finding.State == KeyboardState.Gone)
            {
                _entries.Remove(entry.Device.EventName);
                Version++;
                continue;
            }
            if (entry.Handle is not null) Drop(entry);
            Set(entry, entry.Finding with { State = KeyboardState.Gone, Detail = $"{entry.Device.DevNode} went away", Fix = null });
        }
        ScheduleRetry();
    }

    /// <summary>Grabs keyboards whose keys are now released (or whose wait ran out), and says when a retry scan is due.</summary>
    public void Tick()
    {
        if (_waiting > 0)
        {
            bool changed = false;
            foreach (var entry in _entries.Values.ToArray())
            {
                if (entry.Handle is null || entry.Seized) continue;
                if (!entry.Handle.RefreshHeldKeys(out _))
                {
                    Drop(entry);
                    ScanWanted = true; // unplugged while we waited, most likely: the scan says so
                    continue;
                }
                if (entry.Handle.AnyKeyHeld && _clock.NowMs < entry.ReleaseDeadlineMs) continue;
                Grab(entry);
                changed = true;
            }
            // Only when a grab settled something: polling a held key every few ms must not push a busy retry away.
            if (changed) ScheduleRetry();
        }
        if (_nextScanMs != long.MaxValue && _clock.NowMs >= _nextScanMs) // no clock read per loop turn while no scan is due
        {
            _nextScanMs = long.MaxValue;
            ScanWanted = true;
        }
    }

    /// <summary>The pipeline could not read a seized keyboard any more: it is let go and reported gone.</summary>
    public void OnLost(THandle keyboard, int errno)
    {
        if (!_entries.TryGetValue(keyboard.Info.EventName, out var entry) || entry.Handle != keyboard) return;
        LetGo(entry);
        var info = keyboard.Info;
        Set(entry, info.Status(KeyboardState.Gone, $"{info.DevNode} went away ({Interop.Errno.Name(errno)}); its held keys were released")
            with { Errno = errno });
    }

    /// <summary>
    /// Why a failure happened, in words with a fix (made off the loop thread): it replaces the bare finding <see cref="Fail"/>
    /// recorded, unless the keyboard has moved on since (seized, unplugged, or failing another way).
    /// </summary>
    public void OnExplained(KeyboardExplanation answer)
    {
        if (!_entries.TryGetValue(answer.Device.EventName, out var entry)) return;
        if (entry.Handle is not null || entry.Device.Identity.Id != answer.Device.Identity.Id
            || entry.LastFailure != (answer.Operation, answer.Errno)) return;
        Set(entry, answer.Status);
    }

    /// <summary>
    /// A new keymap's <c>[[device]]</c> rules: keyboards they now ignore are let go at once; ones no longer ignored are
    /// taken on the scan this asks for. The same rules change nothing (most reloads change remaps only).
    /// </summary>
    public void ApplyRules(DeviceRules rules)
    {
        if (rules.SameDecisionsAs(_rules))
        {
            _rules = rules;
            return;
        }
        _rules = rules;
        foreach (var entry in _entries.Values.ToArray())
        {
            if (entry.Handle is not null && rules.IsIgnored(entry.Device.Identity))
            {
                LetGo(entry);
                _entries.Remove(entry.Device.EventName);
                Version++;
            }
            else if (entry.Finding.State == KeyboardState.Ignored)
            {
                _entries.Remove(entry.Device.EventName);
                Version++;
            }
        }
        ScanWanted = true;
    }

    /// <summary>Lets go of every keyboard (shutdown).</summary>
    public void ReleaseAll()
    {
        foreach (var entry in _entries.Values)
            if (entry.Handle is not null) LetGo(entry);
    }

    private void Take(InputDeviceInfo device)
    {
        var entry = _entries.TryGetValue(device.EventName, out var known) ? known : null;
        if (_rules.IgnoringBlock(device.Identity) is { } block)
        {
            var rule = DeviceRules.Describe(block);
            Set(entry, device, device.Status(KeyboardState.Ignored, $"ignored by {rule}") with { IgnoredBy = rule });
            return;
        }
        var handle = _opener.Open(device, out var errno, out var operation);
        if (handle is null)
        {
            Fail(entry, device, operation, errno);
            return;
        }
        var pending = device.Status(KeyboardState.Pending, $"opened {device.DevNode}; waiting for its held keys to be released before taking it");
        if (entry is null)
        {
            // Not logged yet: most keyboards are grabbed right away, and a retry of a busy one must not log twice per try.
            entry = new Entry(device, pending);
            _entries[device.EventName] = entry;
            Version++;
        }
        entry.Device = device;
        entry.Handle = handle;
        _waiting++;
        if (handle.AnyKeyHeld)
        {
            // Grab once the user lets go, without holding up the other keyboards meanwhile.
            entry.ReleaseDeadlineMs = _clock.NowMs + (long)_options.WaitForRelease.TotalMilliseconds;
            Set(entry, pending);
            return;
        }
        Grab(entry);
    }

    private void Grab(Entry entry)
    {
        var handle = entry.Handle!;
        _waiting--;
        var device = entry.Device;
        if (!_grabber.TryGrab(handle, out var errno))
        {
            entry.Handle = null;
            handle.Dispose();
            Fail(entry, device, "EVIOCGRAB on", errno);
            return;
        }
        entry.Seized = true;
        entry.LastFailure = default;
        _sink.Attach(handle);
        var stuck = handle.AnyKeyHeld ? " (some keys were still held after waiting; their releases are ignored)" : "";
        Set(entry, device.Status(KeyboardState.Seized,
            $"seized {device.DevNode} ({(device.IsBuiltIn ? "built-in" : "external")}, {device.Bus.ToString().ToLowerInvariant()}){stuck}"));
    }

    private void Fail(Entry? entry, InputDeviceInfo device, string operation, int errno)
    {
        // A busy keyboard is retried every two seconds: explaining it walks /proc, so the same failure keeps its explanation.
        if (entry is not null && entry.Finding.State.IsProblem() && entry.LastFailure == (operation, errno)
            && entry.Device.Identity.Id == device.Identity.Id) return;
        // Status says at once what failed; why (the missing group, who holds the grab) follows from the explainer, off
        // this thread. Only the explained finding is logged, so a failure is logged once, with its fix.
        var failed = device.Status(AccessClassifier.Classify(errno), $"{operation} {device.DevNode} failed: {Interop.Errno.Name(errno)}")
            with { Errno = errno };
        entry = Set(entry, device, failed, log: false);
        entry.LastFailure = (operation, errno);
        _explanations.Request(device, operation, errno);
    }

    /// <summary>Closes a handle that was never given to the pipeline (waiting for release).</summary>
    private void Drop(Entry entry)
    {
        if (entry.Handle is null) return;
        if (!entry.Seized) _waiting--;
        entry.Handle.Dispose();
        entry.Handle = null;
    }

    /// <summary>Stops reading a keyboard and closes it (ungrabbing it); the engine releases whatever it held.</summary>
    private void LetGo(Entry entry)
    {
        if (entry.Handle is null) return;
        if (entry.Seized) _sink.Detach(entry.Handle);
        else _waiting--;
        entry.Handle.Dispose();
        entry.Handle = null;
        entry.Seized = false;
    }

    private void ScheduleRetry()
    {
        var interval = _entries.Values.Any(e => e.Finding.State == KeyboardState.Busy) ? _options.BusyReprobeInterval
            : _entries.Values.Any(e => e.Finding.State.IsProblem()) ? _options.ReprobeInterval
            : Timeout.InfiniteTimeSpan;
        _nextScanMs = interval == Timeout.InfiniteTimeSpan ? long.MaxValue : _clock.NowMs + (long)interval.TotalMilliseconds;
    }

    private Entry Set(Entry? entry, InputDeviceInfo device, KeyboardStatus finding, bool log = true)
    {
        if (entry is null)
        {
            entry = new Entry(device, finding);
            _entries[device.EventName] = entry;
            Version++;
            if (log) Log(null, finding);
            return entry;
        }
        entry.Device = device;
        Set(entry, finding, log);
        return entry;
    }

    private void Set(Entry entry, KeyboardStatus finding, bool log = true)
    {
        var previous = entry.Finding;
        entry.Finding = finding;
        if (finding == previous) return;
        Version++;
        if (log && !finding.SameAs(previous)) Log(previous, finding);
    }

    private void Log(KeyboardStatus? previous, KeyboardStatus finding)
    {
        if (finding.SameAs(previous)) return;
        var name = $"{finding.Identity.Name} [{finding.Identity.Id}]";
        if (finding.State.IsProblem())
            _log.Warning($"{name}: {finding.State}: {finding.Detail}{(finding.Fix is null ? "" : "; fix: " + finding.Fix)}");
        else
            _log.Info($"{name}: {finding.State}: {finding.Detail}");
    }
}
