using Remapper.Backend.Monitor;
using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;

namespace Remapper.MacOS.Manager;

/// <summary>
/// Decides, for every HID device IOKit reports, whether to seize it, and keeps each keyboard's state with its cause
/// and fix. Runs on the loop thread only (it drives the engine). Keyboards are seized only while the virtual
/// keyboard is ready — a seized key with nowhere to go is a dead keyboard — and let go when it goes away; a
/// refused keyboard never stops the others.
/// </summary>
public sealed class MacDeviceManager : IHidEventSink
{
    private sealed class Entry(MacDeviceInfo info)
    {
        public MacDeviceInfo Info { get; } = info;
        public int Slot = -1;
        public KeyboardStatus? Status;
        public bool Seized => Slot >= 0;
    }

    private readonly RemapEngine _engine;
    private readonly IHidDevicePort _hid;
    private readonly IVirtualKeyboard _output;
    private readonly OpenRefusalExplainer _explainer;
    private readonly ILogger _log;
    private readonly MacManagerOptions _options;
    private readonly Func<long> _nowMs;
    private readonly Dictionary<ulong, Entry> _devices = [];
    private DeviceRules _rules;
    private InputMonitoringAccess _access;
    private bool _accessRequested;
    private bool _outputWasReady;
    private bool? _capsLock;
    private long _nextReprobeMs = long.MaxValue;
    private long _lastLedCheckMs = long.MinValue / 2;
    private long _lastChangeReprobeMs = long.MinValue / 2;
    private const long LedCheckIntervalMs = 250;

    public MacDeviceManager(RemapEngine engine, IHidDevicePort hid, IVirtualKeyboard output, OpenRefusalExplainer explainer,
        IReadOnlyList<DeviceBlock> blocks, ILogger log, MacManagerOptions? options = null, Func<long>? nowMs = null)
    {
        _engine = engine;
        _hid = hid;
        _output = output;
        _explainer = explainer;
        _rules = new DeviceRules(blocks);
        _log = log;
        _options = options ?? new MacManagerOptions();
        _nowMs = nowMs ?? (() => Environment.TickCount64);
        _access = hid.CheckAccess();
        _outputWasReady = output.IsReady;
    }

    /// <summary>Sees every key event before the engine; set before the first device is matched.</summary>
    public IInputTap? Recorder { get; set; }

    /// <summary>Raised (loop thread) when a keyboard's state, the output or the note changed.</summary>
    public event Action? Changed;

    /// <summary>Every keyboard known, seized or not, ordered by name.</summary>
    public IReadOnlyList<KeyboardStatus> Keyboards { get; private set; } = [];

    /// <summary>A machine-wide problem (Input Monitoring, the virtual keyboard) in a sentence with its fix; null when none.</summary>
    public string? Note { get; private set; }

    /// <summary>When <see cref="Tick"/> next has work (a re-probe); <see cref="long.MaxValue"/> when nothing is refused.</summary>
    public long NextReprobeMs => _nextReprobeMs;

    /// <summary>IOKit matched a device (at start for every present one, then on every plug-in).</summary>
    public void OnMatched(HidDeviceProperties properties)
    {
        var info = MacKeyboardClassifier.Classify(properties);
        if (info.Kind == MacDeviceKind.NotKeyboard) return;
        if (_devices.ContainsKey(info.RegistryId)) return;
        // A device change is a moment to look at refused keyboards again (a permission prompt may have been answered) —
        // once a second at most, or the start-up burst of matches would open a refused keyboard once per device.
        if (_nowMs() - _lastChangeReprobeMs >= 1000)
        {
            _lastChangeReprobeMs = _nowMs();
            Reprobe(onlyRefused: true);
        }
        var entry = new Entry(info);
        _devices[info.RegistryId] = entry;
        if (info.Kind == MacDeviceKind.VirtualOutput)
        {
            if (_output.RegistryId == 0) _output.RegistryId = info.RegistryId;
            SetStatus(entry, Status(info, KeyboardState.Ignored, "a virtual keyboard of the Karabiner DriverKit driver (what Remapper types through); never seized"));
        }
        else Consider(entry);
        ScheduleReprobe();
        Publish();
    }

    /// <summary>IOKit says the device is gone: whatever it held is released through the engine.</summary>
    public void OnRemoved(ulong registryId)
    {
        if (!_devices.Remove(registryId, out var entry)) return;
        if (_output.RegistryId == registryId) _output.RegistryId = 0;
        if (entry.Seized)
        {
            _engine.DetachDevice(entry.Slot, NowUs());
            entry.Slot = -1;
            _log.LogInformation("{Name} [{Id}]: unplugged; its held keys were released", entry.Info.Identity.Name, entry.Info.Identity.Id);
        }
        else if (entry.Status is { State: not KeyboardState.Ignored })
            _log.LogInformation("{Name} [{Id}]: unplugged", entry.Info.Identity.Name, entry.Info.Identity.Id);
        ScheduleReprobe();
        Publish();
    }

    /// <summary>
    /// One value from a device's callback (hot path: no allocation). Values of devices that are not seized are
    /// dropped: IOKit delivers them even when the open failed, and those keys already reached macOS unchanged.
    /// </summary>
    public void OnInput(ulong registryId, uint page, uint usage, long value, long timeUs)
    {
        if (!_devices.TryGetValue(registryId, out var entry) || !entry.Seized) return;
        if (!ToUsage(page, usage, out var u)) return;
        bool down = value != 0;
        Recorder?.OnInput(entry.Slot, u, down, timeUs);
        _engine.Process(new KeyEvent(entry.Slot, u, down, timeUs)); // fires the timers due by timeUs first, in order
    }

    /// <summary>The HID usages the engine takes: keyboard keys and modifiers, consumer keys, system control.</summary>
    public static bool ToUsage(uint page, uint usage, out Usage result)
    {
        result = default;
        switch (page)
        {
            case UsagePages.Keyboard when usage is >= 0x04 and <= 0xE7:
            case UsagePages.Consumer when usage is > 0 and < 0x1000:
            case UsagePages.GenericDesktop when usage is >= 0x81 and <= 0x83:
                result = new Usage((ushort)page, (ushort)usage);
                return true;
            default:
                // Keyboard 0x00–0x03 (no event, rollover errors), 0xFFFFFFFF (IOKit's "not a usage"), vendor pages.
                return false;
        }
    }

    /// <summary>The virtual keyboard became ready or went away (posted by the client's thread).</summary>
    public void OnOutputChanged()
    {
        bool ready = _output.IsReady;
        if (ready == _outputWasReady)
        {
            Publish();
            return;
        }
        _outputWasReady = ready;
        if (ready)
        {
            _log.LogInformation("virtual keyboard ready: {Detail}", _output.Status.Detail);
            foreach (var entry in _devices.Values) Consider(entry);
        }
        else
        {
            _log.LogWarning("virtual keyboard lost ({Detail}); letting go of every keyboard until it is back", _output.Status.Detail);
            long now = NowUs();
            foreach (var entry in _devices.Values)
            {
                if (entry.Info.Kind == MacDeviceKind.VirtualOutput) continue;
                LetGo(entry, now);
                if (entry.Status?.State != KeyboardState.Ignored)
                    SetStatus(entry, Status(entry.Info, KeyboardState.Pending, "waiting for the virtual keyboard (keys typed meanwhile reach macOS unchanged)"));
            }
        }
        ScheduleReprobe();
        Publish();
    }

    /// <summary>Runs due re-probes and mirrors the caps-lock LED. Called by the loop at least once a second.</summary>
    public void Tick()
    {
        MirrorCapsLock();
        if (_nowMs() < _nextReprobeMs) return;
        Reprobe(onlyRefused: true);
        Publish();
    }

    /// <summary>After a keymap swap: keyboards a block now ignores are let go, ones no longer ignored are seized.</summary>
    public void ApplyDeviceBlocks(IReadOnlyList<DeviceBlock> blocks)
    {
        _rules = new DeviceRules(blocks);
        long now = NowUs();
        foreach (var entry in _devices.Values)
        {
            if (entry.Info.Kind == MacDeviceKind.VirtualOutput) continue;
            if (IgnoringBlock(entry.Info.Identity) is not null && entry.Seized) LetGo(entry, now);
            Consider(entry);
        }
        ScheduleReprobe();
        Publish();
    }

    /// <summary>Shutdown: every keyboard is let go, releasing what it held.</summary>
    public void ReleaseAll()
    {
        long now = NowUs();
        foreach (var entry in _devices.Values) LetGo(entry, now);
    }

    private void Reprobe(bool onlyRefused)
    {
        var before = _access;
        _access = _hid.CheckAccess();
        if (_access != before)
            _log.LogInformation("Input Monitoring: {Before} → {After}", before, _access);
        foreach (var entry in _devices.Values)
        {
            if (entry.Info.Kind == MacDeviceKind.VirtualOutput || entry.Seized) continue;
            if (onlyRefused && entry.Status is { State: KeyboardState.Ignored or KeyboardState.Pending }) continue;
            Consider(entry);
        }
        ScheduleReprobe();
    }

    /// <summary>Seizes the keyboard if it should be and can be; otherwise records why not.</summary>
    private void Consider(Entry entry)
    {
        var info = entry.Info;
        if (entry.Seized || info.Kind == MacDeviceKind.VirtualOutput) return;
        if (IgnoringBlock(info.Identity) is { } block)
        {
            SetStatus(entry, Status(info, KeyboardState.Ignored, $"ignored by the [[device]] block at {block.Location}"));
            return;
        }
        if (!_output.IsReady)
        {
            SetStatus(entry, Status(info, KeyboardState.Pending, "waiting for the virtual keyboard (keys typed meanwhile reach macOS unchanged)"));
            return;
        }
        var result = _hid.Seize(info.RegistryId);
        if (!result.IsSuccess)
        {
            if (result.Value is IOReturnCode.NotPermitted && _access != InputMonitoringAccess.Granted && !_accessRequested)
            {
                // The prompt, once: macOS shows it only to a process that asks.
                _accessRequested = true;
                _hid.RequestAccess();
            }
            SetStatus(entry, _explainer.Explain(info, result, _access));
            return;
        }
        entry.Slot = _engine.AttachDevice(info.Identity);
        SetStatus(entry, Status(info, KeyboardState.Seized, null));
    }

    private void LetGo(Entry entry, long nowUs)
    {
        if (!entry.Seized) return;
        _engine.DetachDevice(entry.Slot, nowUs);
        entry.Slot = -1;
        _hid.Release(entry.Info.RegistryId);
    }

    /// <summary>The one device decision (Core's <see cref="DeviceRules"/>: the first matching block decides), as on Linux.</summary>
    private DeviceBlock? IgnoringBlock(KeyboardIdentity identity) => _rules.IgnoringBlock(identity);

    private void MirrorCapsLock()
    {
        // Reading the LED is a call into IOKit; the loop turns once per key event, so look only a few times a second.
        long now = _nowMs();
        if (_output.RegistryId == 0 || now - _lastLedCheckMs < LedCheckIntervalMs) return;
        _lastLedCheckMs = now;
        var on = _hid.ReadCapsLockLed(_output.RegistryId);
        if (on is null || on == _capsLock) return;
        _capsLock = on;
        _engine.SetCapsLockState(on.Value); // rules with caps_lock in from.modifiers follow the real lock state
        foreach (var entry in _devices.Values)
            if (entry.Seized) _hid.SetCapsLockLed(entry.Info.RegistryId, on.Value);
    }

    private void ScheduleReprobe()
    {
        bool busy = false, refused = false;
        foreach (var entry in _devices.Values)
        {
            if (entry.Status is not { } s || entry.Seized) continue;
            busy |= s.State == KeyboardState.Busy;
            refused |= s.State is KeyboardState.AccessDenied or KeyboardState.Failed;
        }
        var interval = busy ? _options.BusyReprobeInterval : refused ? _options.ReprobeInterval : Timeout.InfiniteTimeSpan;
        _nextReprobeMs = interval == Timeout.InfiniteTimeSpan ? long.MaxValue : _nowMs() + (long)interval.TotalMilliseconds;
    }

    private static KeyboardStatus Status(MacDeviceInfo info, KeyboardState state, string? cause, string? fix = null) =>
        new(info.Identity, info.Path, state, cause, fix) { Kind = KindOf(info) };

    internal static KeyboardKind KindOf(MacDeviceInfo info) => info.Kind == MacDeviceKind.ConsumerKeys ? KeyboardKind.MediaKeys : KeyboardKind.Keyboard;

    /// <summary>Records a keyboard's state; a change is logged once (not on every re-probe that finds the same).</summary>
    private void SetStatus(Entry entry, KeyboardStatus status)
    {
        var previous = entry.Status;
        entry.Status = status;
        if (status.SameAs(previous)) return; // a holder list is a new list on every re-probe: compare what the log says
        var name = $"{status.Identity.Name} [{status.Identity.Id}]";
        if (status.State is KeyboardState.AccessDenied or KeyboardState.Busy or KeyboardState.Failed)
            _log.LogWarning("{Keyboard}: {State}: {Cause}; fix: {Fix}", name, status.State, status.Cause, status.Fix);
        else
            _log.LogInformation("{Keyboard}: {State}{Cause}", name, status.State, status.Cause is null ? "" : ": " + status.Cause);
    }

    private void Publish()
    {
        Keyboards = [.. _devices.Values.Where(e => e.Status is not null).Select(e => e.Status!)
            .OrderBy(s => s.Identity.Name, StringComparer.Ordinal).ThenBy(s => s.Identity.Id, StringComparer.Ordinal)];
        // Only when it costs something: a process macOS lets open keyboards anyway (TCC's answer can lag) needs no fix.
        bool refused = _devices.Values.Any(e => e.Status?.State == KeyboardState.AccessDenied);
        Note = _access == InputMonitoringAccess.Granted || !refused ? null
            : $"{InputMonitoring.Explain(_access)}; fix: {_explainer.InputMonitoringFix}";
        Changed?.Invoke();
    }

    private static long NowUs() => MacClock.NowUs();
}
