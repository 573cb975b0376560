using System.Collections.Concurrent;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Backend;
using Remapper.Backend.Monitor;

namespace Remapper.Daemon.Tests.Fakes;

/// <summary>
/// A backend with a real <see cref="RemapEngine"/> on a real loop thread and no devices: the test posts key events,
/// the loop processes them, records them in the monitor ring and bumps its heartbeat every millisecond — so a test
/// can prove nothing the daemon did ever blocked the loop.
/// </summary>
internal sealed class FakeBackend : IRemapBackend, IDisposable
{
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly Thread _thread;
    private readonly RemapEngine _engine;
    private readonly int _keyboard;
    private volatile bool _stop;
    private long _heartbeat;
    private long _eventsIn;
    private long _eventsOut;
    private long _clockUs;
    private long _unsentKeys;
    private BackendStatus _status;

    public FakeBackend(CompiledKeymap keymap)
    {
        Output.Also = (usage, down) =>
        {
            _eventsOut++;
            Monitor.WriteOutput(_clockUs, usage, down);
        };
        _engine = new RemapEngine(keymap, Output);
        var identity = new KeyboardIdentity("usb:1234:5678:test", "Test Keyboard", DeviceBus.Usb, 0x1234, 0x5678);
        _keyboard = _engine.AttachDevice(identity);
        _status = BackendStatus.Starting with
        {
            Output = new OutputDeviceStatus("fake", OutputDeviceState.Ready, "an in-memory recorder"),
            Keyboards = [new KeyboardStatus(identity, null, KeyboardState.Seized, null)],
        };
        _thread = new Thread(Loop) { IsBackground = true, Name = "fake event loop" };
        _thread.Start();
    }

    public RecordingOutput Output { get; } = new();

    /// <summary>What the fake reports about its keyboards from now on (e.g. none seized).</summary>
    public void SetKeyboards(params KeyboardStatus[] keyboards)
    {
        var status = Status with { Keyboards = keyboards };
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);
    }

    /// <summary>What the fake's output could not send from now on (as a full report would refuse a key).</summary>
    public void SetUnsentKeys(long count) => Post(() =>
    {
        Volatile.Write(ref _unsentKeys, count);
        Publish();
    });

    public MonitorRing Monitor { get; } = new(256);

    public BackendStatus Status => Volatile.Read(ref _status);

    public event Action<BackendStatus>? StatusChanged;

    public event Action<Exception>? Failed;

    /// <summary>As if the loop thread died: raises <see cref="Failed"/>.</summary>
    public void Die(Exception failure) => Failed?.Invoke(failure);

    public long Heartbeat => Interlocked.Read(ref _heartbeat);

    public int KeymapsApplied { get; private set; }

    /// <summary>Key events the loop processed (read it after <see cref="Sync"/>).</summary>
    public long EventsIn => Interlocked.Read(ref _eventsIn);

    private volatile bool _wedged;

    /// <summary>When set, the loop stops turning: a wedged loop, for watchdog tests.</summary>
    public bool Wedged { get => _wedged; set => _wedged = value; }

    public Task ApplyKeymapAsync(CompiledKeymap keymap, CancellationToken cancellation = default) => Run(() =>
    {
        _engine.ReplaceKeymap(keymap);
        KeymapsApplied++;
        return true;
    });

    public Task SetPausedAsync(bool paused, CancellationToken cancellation = default) => Run(() =>
    {
        _engine.SetPaused(paused);
        Publish();
        return true;
    });

    public Task<bool> SetVariableAsync(string name, int value, CancellationToken cancellation = default) => Run(() =>
    {
        if (_engine.Keymap.VariableIndex(name) < 0) return false;
        _engine.SetVariable(name, value);
        return true;
    });

    public Task<bool> SetBaseLayerAsync(string layer, CancellationToken cancellation = default) => Run(() =>
    {
        if (_engine.Keymap.LayerIndex(layer) < 0) return false;
        _engine.SetBaseLayer(layer);
        Publish();
        return true;
    });

    /// <summary>When set, the next control operation fails on the loop thread with it (as a real loop's error would).</summary>
    public Exception? FailNextOperation { get; set; }

    /// <summary>Posts work to the fake loop; the task completes after the loop ran it, as the real backend's do.</summary>
    private Task<bool> Run(Func<bool> work)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                if (FailNextOperation is { } failure)
                {
                    FailNextOperation = null;
                    throw failure;
                }
                done.SetResult(work());
            }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    public void Key(Usage usage, bool down) => Post(() =>
    {
        _clockUs += 1000;
        _eventsIn++;
        Monitor.WriteInput(_clockUs, _keyboard, usage, down);
        _engine.Process(new KeyEvent(_keyboard, usage, down, _clockUs));
    });

    /// <summary>Runs <paramref name="action"/> on the loop thread and waits for it: a barrier for tests.</summary>
    public void Sync(Action? action = null)
    {
        using var done = new ManualResetEventSlim();
        Post(() =>
        {
            action?.Invoke();
            done.Set();
        });
        if (!done.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("the fake loop did not run the posted work");
    }

    private void Post(Action action) => _posted.Enqueue(action);

    private void Publish()
    {
        var status = Status with
        {
            Paused = _engine.IsPaused,
            ActiveLayers = _engine.ActiveLayers.ToArray(),
            Counters = new BackendCounters(_eventsIn, _eventsOut) { UnsentKeys = Volatile.Read(ref _unsentKeys) },
        };
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);
    }

    private void Loop()
    {
        while (!_stop)
        {
            if (_wedged)
            {
                Thread.Sleep(1);
                continue;
            }
            while (_posted.TryDequeue(out var action)) action();
            Interlocked.Increment(ref _heartbeat);
            Thread.Sleep(1);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
