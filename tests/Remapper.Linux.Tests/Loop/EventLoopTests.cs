using Remapper.Backend;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Linux.Interop;
using Remapper.Linux.Loop;
using Remapper.Linux.Output;
using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Loop;

/// <summary>
/// The real event loop thread (epoll, eventfd, timerfd, inotify) on a fake /sys and /dev with no keyboards: control
/// operations are acknowledged after they were applied and published, errors reach the caller, a dead loop answers
/// every pending operation, and write failures on the virtual keyboard show in status once.
/// </summary>
public sealed class EventLoopTests : IDisposable
{
    private const string Keymap = "version = 1\n[remap]\na = \"b\"\n\n[layer.nav]\nh = \"left_arrow\"\n\n[layer.gaming]\nw = \"up_arrow\"\n";

    private readonly FakeSystem _system = new();
    private readonly FakeVirtualKeyboard _output = new();
    private readonly RecordingLog _log = new();
    private readonly EventLoop _loop;

    public EventLoopTests()
    {
        var keymap = Compile(Keymap);
        var engine = new RemapEngine(keymap, _output);
        _loop = new EventLoop(_system.Env(), engine, _output, new OutputDeviceStatus("fake", OutputDeviceState.Ready, "in memory"),
            new LedMirror(), keymap.DeviceRules, _log);
        _loop.Start();
    }

    public void Dispose()
    {
        _loop.Dispose();
        _output.Dispose();
        _system.Dispose();
    }

    private static CompiledKeymap Compile(string text) => CompiledKeymap.Compile(KeymapLoader.Load(text, "test.toml").Model!);

    [Fact]
    public async Task Set_layer_is_acknowledged_only_once_status_shows_the_new_layer()
    {
        Assert.Equal(["base"], _loop.Status.ActiveLayers);
        Assert.True(await _loop.InvokeAsync(engine => engine.SetBaseLayer("gaming")));
        Assert.Equal(["gaming"], _loop.Status.ActiveLayers); // no wait: the reply came after the status was published
        Assert.False(await _loop.InvokeAsync(engine => engine.SetBaseLayer("no-such-layer")));
    }

    [Fact]
    public async Task A_reload_with_the_same_device_rules_still_republishes_layers()
    {
        await _loop.InvokeAsync(engine => engine.SetBaseLayer("nav"));
        Assert.Equal(["nav"], _loop.Status.ActiveLayers);
        await _loop.ApplyKeymapAsync(Compile(Keymap + "\n[layer.extra]\nx = \"y\"\n"));
        Assert.Equal(["base"], _loop.Status.ActiveLayers); // a new keymap starts on its base layer, and status says so
    }

    [Fact]
    public async Task Pause_shows_in_status_when_acknowledged()
    {
        await _loop.InvokeAsync(engine =>
        {
            engine.SetPaused(true);
            return true;
        });
        Assert.True(_loop.Status.Paused);
    }

    [Fact]
    public async Task An_error_on_the_loop_thread_reaches_the_caller_and_the_loop_keeps_running()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => _loop.InvokeAsync<bool>(_ => throw new InvalidOperationException("no such thing")));
        Assert.Equal("no such thing", e.Message);
        Assert.True(await _loop.InvokeAsync(engine => engine.SetBaseLayer("nav")));
        Assert.Null(_loop.Failure);
    }

    [Fact]
    public async Task A_loop_that_dies_faults_what_is_pending_and_everything_asked_later()
    {
        _output.ThrowOnReadable = new IOException("uhid went away");
        _output.MakeReadable();
        Assert.True(_loop.Finished.WaitOne(TimeSpan.FromSeconds(10)), "the loop to die");
        Assert.Equal("uhid went away", _loop.Failure?.Message);

        var late = await Assert.ThrowsAsync<InvalidOperationException>(() => _loop.InvokeAsync(engine => engine.SetBaseLayer("nav")));
        Assert.Contains("uhid went away", late.Message);
    }

    [Fact]
    public async Task Write_failures_on_the_virtual_keyboard_show_in_status_and_the_log_once_per_change()
    {
        _output.FailWith(Errno.EIO);
        for (int i = 0; i < 3; i++) await _loop.InvokeAsync(engine => engine.SetBaseLayer("nav")); // three turns of the loop
        Assert.Equal(OutputDeviceState.Failed, _loop.Status.Output.State);
        Assert.Contains("EIO", _loop.Status.Output.Detail);
        Assert.True(_loop.Status.HasProblem());
        Assert.Single(_log.Errors, m => m.Contains("writing to the virtual keyboard fails", StringComparison.Ordinal));

        _output.FailWith(0);
        await _loop.InvokeAsync(engine => engine.SetBaseLayer("base"));
        Assert.Equal(OutputDeviceState.Ready, _loop.Status.Output.State);
        Assert.Single(_log.Infos, m => m.Contains("works again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Why_a_keyboard_failed_is_found_out_off_the_loop_and_reaches_status_and_the_log_once()
    {
        // A node that opens but answers no evdev ioctl (a regular file): the loop's EVIOCGKEY fails with ENOTTY.
        _system.Sysfs.AddDevice(7, "Broken Keyboard", 0x03, 0x046d, 0xc31c, "usb-7");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        KeyboardStatus? keyboard = null;
        while (DateTime.UtcNow < deadline)
        {
            keyboard = _loop.Status.Keyboards.SingleOrDefault(k => k.Identity.Name == "Broken Keyboard");
            if (keyboard?.Detail?.EndsWith(')') == true) break; // the explainer adds the error's description
            await Task.Delay(20);
        }
        Assert.NotNull(keyboard);
        Assert.Equal(KeyboardState.Failed, keyboard.State);
        Assert.Equal($"EVIOCGKEY on {keyboard.Path} failed: {Errno.Name(keyboard.Errno)} ({Libc.Describe(keyboard.Errno)})", keyboard.Detail);
        Assert.Single(_log.Errors, m => m.Contains("Broken Keyboard", StringComparison.Ordinal) && m.Contains(keyboard.Detail!, StringComparison.Ordinal));
    }

    [Fact]
    public void The_loop_thread_allocates_nothing_while_idle()
    {
        long start = _loop.Heartbeat;
        while (_loop.Heartbeat < start + 1) Thread.Sleep(50);
        long before = _loop.LoopAllocatedBytes;
        // Two idle wake-ups (the loop wakes every second for the watchdog) without a byte allocated.
        while (_loop.Heartbeat < start + 3) Thread.Sleep(50);
        Assert.Equal(before, _loop.LoopAllocatedBytes);
    }

    private sealed class FakeVirtualKeyboard : IVirtualKeyboard
    {
        private readonly int _eventFd = Libc.Eventfd(0, EventFd.NonBlock | EventFd.CloseOnExec);

        public OutputKind Kind => OutputKind.Uhid;
        public int Fd => _eventFd;
        public KeyboardLeds Leds => default;
        public long FailedWrites { get; private set; }
        public long UnsentKeys => 0;
        public int LastWriteErrno { get; private set; }
        public Exception? ThrowOnReadable { get; set; }

        public void FailWith(int errno)
        {
            LastWriteErrno = errno;
            if (errno != 0) FailedWrites++;
        }

        public unsafe void MakeReadable()
        {
            ulong one = 1;
            Libc.Write(_eventFd, &one, 8);
        }

        public unsafe void OnReadable()
        {
            ulong count;
            Libc.Read(_eventFd, &count, 8);
            if (ThrowOnReadable is { } e) throw e;
        }

        public void Send(Usage usage, bool down) { }

        public void Dispose() => Libc.Close(_eventFd);
    }

    private sealed class RecordingLog : IBackendLog
    {
        public List<string> Infos { get; } = [];
        public List<string> Errors { get; } = [];
        public bool IsDebugEnabled => false;
        public void Debug(string message) { }
        public void Info(string message) { lock (Infos) Infos.Add(message); }
        public void Warning(string message) { lock (Errors) Errors.Add(message); }
        public void Error(string message) { lock (Errors) Errors.Add(message); }
    }
}
