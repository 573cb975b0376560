using Remapper.Backend.Monitor;
using Remapper.Core.Engine;
using Remapper.Linux.Input;
using Remapper.Linux.Interop;
using Remapper.Linux.Keyboards;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Loop;

/// <summary>
/// The only hot path: read a seized keyboard's events → evdev code to HID usage → engine → virtual keyboard (the
/// engine's <see cref="IKeyOutput"/>). No allocation, no lock, no logging above Debug per event. Runs on the loop thread.
/// </summary>
public sealed class KeyPipeline(RemapEngine engine, Reactor reactor, LedMirror leds, IInputTap? tap, IBackendLog log) : IKeyboardSink<EvdevKeyboard>
{
    private const int EventBatch = 64;

    // Indexed by file descriptor: fds are small and dense, and the lookup is once per read on the hot path.
    private EvdevKeyboard?[] _byFd = new EvdevKeyboard?[64];
    private readonly InputEvent[] _events = new InputEvent[EventBatch];
    private readonly KeyChange[] _changes = new KeyChange[InputCodes.KeyMax + 1];
    private readonly byte[] _keyScratch = new byte[KeyBitmap.Bytes];
    private long _lastTimeUs;

    public RemapEngine Engine => engine;

    public void Attach(EvdevKeyboard keyboard)
    {
        keyboard.Slot = engine.AttachDevice(keyboard.Info.Identity);
        int fd = keyboard.Fd;
        if (fd >= _byFd.Length) Array.Resize(ref _byFd, Math.Max(fd + 1, _byFd.Length * 2));
        _byFd[fd] = keyboard;
        reactor.AddKeyboard(keyboard.Fd);
        leds.Add(keyboard);
    }

    public void Detach(EvdevKeyboard keyboard)
    {
        reactor.RemoveKeyboard(keyboard.Fd);
        int fd = keyboard.Fd;
        if ((uint)fd < (uint)_byFd.Length && ReferenceEquals(_byFd[fd], keyboard)) _byFd[fd] = null;
        leds.Remove(keyboard);
        engine.DetachDevice(keyboard.Slot, Now());
    }

    /// <summary>The engine's deadline passed.</summary>
    public void OnTimer() => engine.Advance(Now());

    /// <summary>
    /// Reads everything the keyboard behind <paramref name="fd"/> has. Returns the keyboard when it broke or vanished
    /// (with the errno) so the keyboard manager can let it go; null otherwise.
    /// </summary>
    public EvdevKeyboard? OnReadable(int fd, out int errno)
    {
        errno = 0;
        if ((uint)fd >= (uint)_byFd.Length || _byFd[fd] is not { } keyboard) return null;
        while (true)
        {
            int n = keyboard.Read(_events);
            if (n < 0)
            {
                errno = -n;
                return keyboard;
            }
            for (int i = 0; i < n; i++)
            {
                ref var e = ref _events[i];
                switch (keyboard.Keys.Accept(e.Type, e.Code, e.Value))
                {
                    case TrackResult.Key:
                        long t = keyboard.EventTimesAreMonotonic ? e.TimeUs : Monotonic.NowUs();
                        Feed(keyboard, e.Code, e.Value != 0, Monotone(t));
                        break;
                    case TrackResult.Resync:
                        if (!Resync(keyboard, out errno)) return keyboard;
                        break;
                }
            }
            if (n < _events.Length) return null;
        }
    }

    private void Feed(EvdevKeyboard keyboard, ushort code, bool down, long timeUs)
    {
        if (!LinuxKeyCodes.TryToUsage(code, out var usage)) return;
        tap?.OnInput(keyboard.Slot, usage, down, timeUs);
        // Process first lets the timers due by this event's time fire, in order.
        engine.Process(new KeyEvent(keyboard.Slot, usage, down, timeUs));
        if (log.IsDebugEnabled) log.Debug($"{keyboard.Info.EventName} {usage} {(down ? "down" : "up")}");
    }

    /// <summary>After SYN_DROPPED: ask the kernel what is held and tell the engine the difference, so nothing sticks.</summary>
    private bool Resync(EvdevKeyboard keyboard, out int errno)
    {
        if (!keyboard.ReadKernelKeyState(_keyScratch, out errno)) return false;
        int n = keyboard.Keys.Resync(_keyScratch, _changes);
        long t = Now();
        for (int i = 0; i < n; i++) Feed(keyboard, _changes[i].Code, _changes[i].Down, t);
        log.Warning($"{keyboard.Info.Name} ({keyboard.Info.EventName}): events dropped by the kernel; resynchronised {n} key(s)");
        return true;
    }

    /// <summary>Time for the engine: never earlier than what it was last told (event stamps and the clock can disagree).</summary>
    public long Now() => Monotone(Monotonic.NowUs());

    private long Monotone(long t)
    {
        if (t < _lastTimeUs) t = _lastTimeUs;
        _lastTimeUs = t;
        return t;
    }
}
