using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Backend;
using Remapper.Backend.Monitor;
using Remapper.Core.Hid;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Loop;
using Remapper.MacOS.Output;
using Remapper.MacOS.Output.DriverKit;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Backend;

/// <summary>
/// The whole macOS backend on its loop thread — engine, device manager, DriverKit client — with IOKit faked (callbacks
/// delivered as posted work, as the managed run loop does) and the driver's daemon faked over a real socket.
/// </summary>
public sealed class MacBackendTests : IDisposable
{
    private static readonly Usage CapsLock = Usage.Key(0x39), Escape = Usage.Key(0x29), A = Usage.Key(0x04), LeftControl = Usage.Key(0xE0);

    private readonly FakeHidPort _hid = new();
    private readonly FakeVirtualKeyboard _output = new() { Ready = true };
    private readonly List<IDisposable> _owned = [];
    private readonly TempDirectory _dir = new();
    private MacBackend _backend = null!;

    private MacBackend Start(string? toml = null, Remapper.MacOS.Manager.IVirtualKeyboard? output = null)
    {
        _hid.Present.Add(PropertyFixtures.Load("usb-keyboard"));
        var keymap = toml is null ? Keymaps.CapsToEscape() : Keymaps.Compile(toml);
        _backend = new MacBackend(keymap, output ?? _output, _hid, new ManagedRunLoopDriver(),
            new OpenRefusalExplainer(new FakeProcessTable(), "remapper"), NullLogger.Instance);
        _owned.Insert(0, _backend);
        _backend.Start();
        return _backend;
    }

    private const ulong Usb = 4294971234;

    private void Key(Usage usage, bool down) =>
        _backend.Post(() => _hid.Sink!.OnInput(Usb, usage.Page, usage.Id, down ? 1 : 0, Remapper.MacOS.Manager.MacClock.NowUs()));

    [Fact]
    public void Keys_typed_on_a_seized_keyboard_come_out_remapped_and_show_in_the_monitor()
    {
        Start();
        Eventually.True(() => _backend.Status.Keyboards.Any(k => k.State == KeyboardState.Seized), "the USB keyboard is seized");
        var cursor = _backend.Monitor.OpenCursor();
        Key(CapsLock, true);
        Key(CapsLock, false);
        Eventually.True(() => _output.Sent.Count == 2, "escape down and up");
        Assert.Equal([(Escape, true), (Escape, false)], _output.Sent);

        var events = new MonitorEvent[16];
        int n = cursor.Poll(events, out long dropped);
        Assert.Equal(0, dropped);
        Assert.Equal(4, n);
        Assert.Equal(2, events[..n].Count(e => e.Direction == MonitorDirection.Input && e.Usage == CapsLock));
        Assert.Equal(2, events[..n].Count(e => e.Direction == MonitorDirection.Output && e.Usage == Escape));
        Assert.Equal(2, _backend.Status.Counters.EventsIn);
        Assert.Equal(2, _backend.Status.Counters.EventsOut);
    }

    [Fact]
    public void A_tap_hold_decides_hold_on_its_own_when_the_term_runs_out()
    {
        Start("""
            version = 1
            [settings]
            tapping_term_ms = 50
            [remap]
            caps_lock = { tap = "escape", hold = "left_control" }
            """);
        Eventually.True(() => _backend.Status.Keyboards.Any(k => k.State == KeyboardState.Seized), "seized");
        Key(CapsLock, true);
        // No further event: only the loop's deadline can turn the press into a hold.
        Eventually.True(() => _output.IsDown(LeftControl), "left control goes down when the term runs out");
        Key(CapsLock, false);
        Eventually.True(() => _output.DownCount == 0, "released");
        Assert.DoesNotContain(_output.Sent, s => s.Usage == Escape);
    }

    [Fact]
    public async Task Control_operations_complete_after_the_loop_applied_them()
    {
        Start("""
            version = 1
            [remap]
            caps_lock = "escape"
            right_alt = "layer(nav)"
            right_control = "set(mode, 1)"
            [layer.nav]
            h = "left_arrow"
            """);
        await _backend.SetPausedAsync(true);
        Assert.True(_backend.Status.Paused);
        await _backend.SetPausedAsync(false);
        Assert.False(_backend.Status.Paused);

        Assert.False(await _backend.SetBaseLayerAsync("nope"));
        Assert.True(await _backend.SetBaseLayerAsync("nav"));
        Assert.Equal("nav", _backend.Status.ActiveLayers[0]);
        Assert.False(await _backend.SetVariableAsync("nope", 1));
        Assert.True(await _backend.SetVariableAsync("mode", 1));

        await _backend.ApplyKeymapAsync(Keymaps.Compile("""
            version = 1
            [remap]
            caps_lock = "a"
            """));
        Eventually.True(() => _backend.Status.Keyboards.Any(k => k.State == KeyboardState.Seized), "seized");
        Key(CapsLock, true);
        Key(CapsLock, false);
        Eventually.True(() => _output.Sent.Count == 2, "the new keymap types a");
        Assert.Equal([(A, true), (A, false)], _output.Sent);
    }

    [Fact]
    public async Task A_control_operation_after_the_loop_stopped_fails_instead_of_hanging()
    {
        Start();
        _backend.Dispose();
        await Assert.ThrowsAsync<InvalidOperationException>(() => _backend.SetPausedAsync(true));
    }

    [Fact]
    public void The_heartbeat_moves_while_idle()
    {
        Start();
        long first = _backend.Heartbeat;
        Eventually.True(() => _backend.Heartbeat >= first + 2, "the loop turns at least once a second with nothing to do");
    }

    [Fact]
    public void Disposing_lets_go_of_every_keyboard()
    {
        Start();
        Eventually.True(() => _hid.Seized.Count == 1, "seized");
        _backend.Dispose();
        Assert.Empty(_hid.Seized);
        Assert.True(_hid.Disposed);
    }

    [Fact]
    public void Through_the_real_driver_client_keyboards_wait_for_the_daemon_and_reports_reach_it()
    {
        var path = _dir.File("vhid.sock");
        var client = new VirtualHidClient(new VirtualHidClientOptions
        {
            SocketPath = path,
            ReconnectInterval = TimeSpan.FromMilliseconds(50),
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        });
        var keyboard = new DriverKitKeyboard(client, new DriverInstallation(_dir.Path));
        Start(output: keyboard);
        keyboard.StatusChanged += _backend.OutputChanged;
        keyboard.Start();

        Eventually.True(() => _backend.Status.Keyboards.Any(k => k.State == KeyboardState.Pending), "waiting for the virtual keyboard");
        Assert.Empty(_hid.Seized);

        var daemon = new FakeDriverDaemon(path, 7);
        _owned.Add(daemon);
        daemon.Start();
        Eventually.True(() => _backend.Status.Output.State == OutputDeviceState.Ready, "the virtual keyboard is ready");
        Eventually.True(() => _backend.Status.Keyboards.Any(k => k.State == KeyboardState.Seized), "seized once the output is ready");

        Key(CapsLock, true);
        Key(CapsLock, false);
        Eventually.True(() => daemon.Reports(6).Count == 2, "two keyboard reports");
        Assert.Equal(0x29, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(daemon.Reports(6)[0].AsSpan(3)));

        daemon.Stop();
        Eventually.True(() => _backend.Status.Keyboards.Any(k => k.State == KeyboardState.Pending), "let go while the daemon is gone");
        Assert.Empty(_hid.Seized);
        Assert.NotEqual(OutputDeviceState.Ready, _backend.Status.Output.State);
    }

    [Fact]
    public void A_missing_driver_daemon_is_logged_once_however_often_the_client_retries()
    {
        var log = new ListLogger();
        var client = new VirtualHidClient(new VirtualHidClientOptions { SocketPath = _dir.File("none.sock"), ReconnectInterval = TimeSpan.FromMilliseconds(20) });
        var keyboard = new DriverKitKeyboard(client, new DriverInstallation(_dir.Path));
        _hid.Present.Add(PropertyFixtures.Load("usb-keyboard"));
        _backend = new MacBackend(Keymaps.CapsToEscape(), keyboard, _hid, new ManagedRunLoopDriver(),
            new OpenRefusalExplainer(new FakeProcessTable(), "remapper"), log);
        _owned.Insert(0, _backend);
        keyboard.StatusChanged += _backend.OutputChanged;
        _backend.Start();
        keyboard.Start();
        Eventually.True(() => log.Entries.Any(e => e.Message.StartsWith("virtual keyboard")), "the missing daemon is logged");
        Thread.Sleep(300); // a dozen more connection attempts, each with the same answer
        Assert.Single(log.Entries, e => e.Message.StartsWith("virtual keyboard"));
        Assert.Contains("not installed", _backend.Status.Output.Detail);
        Assert.Empty(_hid.Seized);
    }

    public void Dispose()
    {
        foreach (var o in _owned) o.Dispose();
        _dir.Dispose();
    }
}
