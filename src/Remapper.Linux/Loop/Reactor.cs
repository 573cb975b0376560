using System.Runtime.InteropServices;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Loop;

/// <summary>What woke the loop, as <see cref="Reactor.Wait"/> reports it.</summary>
public enum ReactorSource : byte
{
    /// <summary>A seized keyboard has events (<see cref="ReactorEvent.Fd"/>).</summary>
    Keyboard,
    /// <summary>The virtual keyboard has something from the kernel (LED reports).</summary>
    Output,
    /// <summary>The engine's deadline passed.</summary>
    Timer,
    /// <summary>Another thread posted control work.</summary>
    Control,
    /// <summary>Something changed under /dev/input (a node appeared, vanished, or changed permissions).</summary>
    Hotplug,
    /// <summary>The virtual pointer has something from the kernel (uhid's start/open/close).</summary>
    Pointer,
    /// <summary>The once-a-second tick that keeps an idle loop turning (the watchdog's heartbeat); nothing to do.</summary>
    Heartbeat,
}

public readonly record struct ReactorEvent(ReactorSource Source, int Fd);

/// <summary>
/// The loop's kernel plumbing and nothing else: one epoll over the keyboards, the virtual keyboard, a timerfd at the
/// engine's deadline, a once-a-second heartbeat timerfd, an eventfd for control and an inotify watch on /dev/input,
/// turned into typed events. The timers, eventfd and inotify are drained here, so a caller only learns that they
/// fired. Allocation-free per wait.
/// </summary>
public sealed unsafe class Reactor : IDisposable
{
    private const ulong TagKeyboard = 1UL << 32, TagHotplug = 2UL << 32, TagTimer = 3UL << 32, TagControl = 4UL << 32, TagOutput = 5UL << 32, TagPointer = 6UL << 32, TagHeartbeat = 7UL << 32;
    public const int MaxEvents = 32;

    /// <summary>How often <see cref="ReactorSource.Heartbeat"/> fires, so a wait without a timeout still ends at least this often.</summary>
    public const int HeartbeatSeconds = 1;

    private readonly string _devInput;
    private readonly string _devRoot;
    private readonly byte* _epollEvents;
    private readonly byte[] _inotifyBuffer = new byte[4096];
    private int _epoll, _inotify, _timer, _heartbeat, _eventFd;
    private int _devInputWatch = -1;
    private long _armedDeadline = long.MaxValue;

    public Reactor(string devInput, string devRoot, int outputFd)
    {
        _devInput = devInput;
        _devRoot = devRoot;
        _epollEvents = (byte*)NativeMemory.Alloc(MaxEvents * 16);
        _epoll = Check(Libc.EpollCreate1(Epoll.CloseOnExec), "epoll_create1");
        _eventFd = Check(Libc.Eventfd(0, EventFd.NonBlock | EventFd.CloseOnExec), "eventfd");
        _timer = Check(Libc.TimerfdCreate(InputCodes.ClockMonotonic, TimerFd.NonBlock | TimerFd.CloseOnExec), "timerfd_create");
        _heartbeat = Check(Libc.TimerfdCreate(InputCodes.ClockMonotonic, TimerFd.NonBlock | TimerFd.CloseOnExec), "timerfd_create");
        _inotify = Check(Libc.InotifyInit1(Inotify.NonBlock | Inotify.CloseOnExec), "inotify_init1");
        StartHeartbeat();
        Epoll.Add(_epoll, _eventFd, Epoll.In, TagControl);
        Epoll.Add(_epoll, _timer, Epoll.In, TagTimer);
        Epoll.Add(_epoll, _heartbeat, Epoll.In, TagHeartbeat);
        Epoll.Add(_epoll, _inotify, Epoll.In, TagHotplug);
        if (outputFd >= 0) Epoll.Add(_epoll, outputFd, Epoll.In, TagOutput);
        WatchDevInput();
    }

    /// <summary>False while /dev/input does not exist (evdev not loaded): then /dev is watched for it to appear.</summary>
    public bool WatchingDevInput => _devInputWatch >= 0;

    /// <summary>Watches /dev/input for hotplug and permission changes; when it is missing, /dev for its creation.</summary>
    public bool WatchDevInput()
    {
        if (_devInputWatch >= 0) return true;
        _devInputWatch = Libc.InotifyAddWatch(_inotify, _devInput, Inotify.Create | Inotify.Attrib | Inotify.Delete);
        if (_devInputWatch < 0) Libc.InotifyAddWatch(_inotify, _devRoot, Inotify.Create);
        return _devInputWatch >= 0;
    }

    public void AddKeyboard(int fd) => Epoll.Add(_epoll, fd, Epoll.In, TagKeyboard | (uint)fd);

    public void RemoveKeyboard(int fd) => Epoll.Remove(_epoll, fd);

    /// <summary>Watches the virtual pointer's fd (uhid queues events for it that must be read).</summary>
    public void AddPointer(int fd) => Epoll.Add(_epoll, fd, Epoll.In, TagPointer);

    /// <summary>Wakes <see cref="Wait"/> from any thread.</summary>
    public void Wake()
    {
        ulong one = 1;
        Libc.Write(_eventFd, &one, 8);
    }

    /// <summary>Arms the timer at an absolute CLOCK_MONOTONIC time in µs (long.MaxValue disarms). Repeating the armed time costs nothing.</summary>
    public void ArmTimer(long deadlineUs)
    {
        if (deadlineUs == _armedDeadline) return;
        _armedDeadline = deadlineUs;
        Itimerspec spec = default;
        if (deadlineUs != long.MaxValue)
        {
            // A zero value would disarm, so a deadline at 0 becomes 1 ns.
            spec.Value.Seconds = deadlineUs / 1_000_000;
            spec.Value.Nanoseconds = deadlineUs % 1_000_000 * 1000;
            if (spec.Value.Seconds == 0 && spec.Value.Nanoseconds == 0) spec.Value.Nanoseconds = 1;
        }
        Libc.TimerfdSettime(_timer, TimerFd.AbsoluteTime, &spec, null);
    }

    /// <summary>
    /// A periodic timer, armed once: the loop can then wait without a timeout (-1), which spares the kernel a clock
    /// read and an hrtimer per wait (an emulated HPET makes that read dear), and still turns once a second.
    /// </summary>
    private void StartHeartbeat()
    {
        Itimerspec spec = default;
        spec.Value.Seconds = HeartbeatSeconds;
        spec.Interval.Seconds = HeartbeatSeconds;
        Check(Libc.TimerfdSettime(_heartbeat, 0, &spec, null), "timerfd_settime");
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (-1: forever) and writes what woke it into <paramref name="events"/> (at
    /// least <see cref="MaxEvents"/> long). Returns the count (0 on timeout or EINTR), or -errno when epoll failed.
    /// </summary>
    public int Wait(Span<ReactorEvent> events, int timeoutMs)
    {
        int n = Libc.EpollWait(_epoll, _epollEvents, MaxEvents, timeoutMs);
        if (n < 0) return Libc.LastErrno == Errno.EINTR ? 0 : -Libc.LastErrno;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            ulong data = Epoll.DataAt(_epollEvents, i);
            switch (data & 0xFFFF_FFFF_0000_0000UL)
            {
                case TagKeyboard:
                    events[count++] = new ReactorEvent(ReactorSource.Keyboard, (int)(uint)data);
                    break;
                case TagOutput:
                    events[count++] = new ReactorEvent(ReactorSource.Output, -1);
                    break;
                case TagPointer:
                    events[count++] = new ReactorEvent(ReactorSource.Pointer, -1);
                    break;
                case TagTimer:
                    ulong expirations;
                    Libc.Read(_timer, &expirations, 8);
                    _armedDeadline = long.MaxValue;
                    events[count++] = new ReactorEvent(ReactorSource.Timer, -1);
                    break;
                case TagHeartbeat:
                    ulong ticks;
                    Libc.Read(_heartbeat, &ticks, 8);
                    events[count++] = new ReactorEvent(ReactorSource.Heartbeat, -1);
                    break;
                case TagControl:
                    ulong posted;
                    Libc.Read(_eventFd, &posted, 8);
                    events[count++] = new ReactorEvent(ReactorSource.Control, -1);
                    break;
                case TagHotplug:
                    DrainInotify();
                    events[count++] = new ReactorEvent(ReactorSource.Hotplug, -1);
                    break;
            }
        }
        return count;
    }

    /// <summary>Any create/attrib/delete is worth a scan; the names are not inspected (a scan reads them all anyway).</summary>
    private void DrainInotify()
    {
        nint n;
        do
        {
            fixed (byte* p = _inotifyBuffer) n = Libc.Read(_inotify, p, (nuint)_inotifyBuffer.Length);
        }
        while (n > 0);
    }

    /// <summary>A call's non-negative result (an fd, or 0), or the IOException naming the call and its errno.</summary>
    private static int Check(int fd, string call) =>
        fd >= 0 ? fd : throw new IOException($"{call} failed: {Errno.Name(Libc.LastErrno)} ({Libc.Describe(Libc.LastErrno)})");

    public void Dispose()
    {
        if (_epoll < 0) return;
        foreach (var fd in new[] { _epoll, _inotify, _timer, _heartbeat, _eventFd })
            if (fd >= 0) Libc.Close(fd);
        _epoll = _inotify = _timer = _heartbeat = _eventFd = -1;
        NativeMemory.Free(_epollEvents);
    }
}
