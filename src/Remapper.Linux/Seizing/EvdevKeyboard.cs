using Remapper.Linux.Discovery;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Seizing;

/// <summary>
/// A keyboard Remapper holds: its fd, the grab, and what the engine has been told is pressed. The syscalls here
/// are thin; what to do with the events is the event loop's business.
/// </summary>
public sealed unsafe class EvdevKeyboard : Keyboards.IKeyboardHandle
{
    public InputDeviceInfo Info { get; }
    public int Fd { get; private set; }

    /// <summary>The engine slot (<c>RemapEngine.AttachDevice</c>).</summary>
    public int Slot { get; set; } = -1;

    /// <summary>Which keys the engine was told about, and the filtering rules for this keyboard's events.</summary>
    public KeyTracker Keys { get; } = new();

    /// <summary>False when EVIOCSCLOCKID failed: event times are then not CLOCK_MONOTONIC and the loop stamps events itself.</summary>
    public bool EventTimesAreMonotonic { get; }

    /// <summary>False when the node could only be opened read-only: LED mirroring then skips this keyboard.</summary>
    public bool CanSetLeds { get; private init; }

    private bool _grabbed;

    private EvdevKeyboard(InputDeviceInfo info, int fd, bool monotonic)
    {
        Info = info;
        Fd = fd;
        EventTimesAreMonotonic = monotonic;
    }

    /// <summary>
    /// Opens the node (not yet grabbed) and reads which keys are held. Returns null with the errno and the failing
    /// operation when refused. The caller grabs with <see cref="TryGrab"/> once no key is held (or it stops waiting),
    /// so no release goes to us whose press went to the desktop.
    /// </summary>
    public static EvdevKeyboard? Open(InputDeviceInfo info, out int errno, out string operation)
    {
        operation = "open";
        // Read-write so lock LEDs can be written back; a node only readable still gets remapped, without LEDs.
        bool writable = true;
        int fd = Libc.Open(info.DevNode, OpenFlags.ReadWrite | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0 && Libc.LastErrno is Errno.EACCES or Errno.EPERM or Errno.EROFS)
        {
            writable = false;
            fd = Libc.Open(info.DevNode, OpenFlags.ReadOnly | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        }
        if (fd < 0)
        {
            errno = Libc.LastErrno;
            return null;
        }

        int clock = InputCodes.ClockMonotonic;
        bool monotonic = Libc.Ioctl(fd, Ioctl.EviocSclockid, &clock) == 0;
        var keyboard = new EvdevKeyboard(info, fd, monotonic) { CanSetLeds = writable };
        operation = "EVIOCGKEY on";
        if (!keyboard.RefreshHeldKeys(out errno))
        {
            keyboard.Dispose();
            return null;
        }
        return keyboard;
    }

    /// <summary>Re-reads which keys the kernel says are held (before the grab). False with the errno if the node broke.</summary>
    public bool RefreshHeldKeys(out int errno) => ReadKernelKeyState(Keys.HeldBeforeGrab.Raw, out errno);

    public bool AnyKeyHeld => !Keys.HeldBeforeGrab.IsEmpty;

    /// <summary>
    /// Takes the exclusive grab. Events queued on our fd while we waited went to the desktop too, so they are
    /// dropped first rather than replayed. Returns false with the errno (EBUSY: someone else holds it).
    /// </summary>
    public bool TryGrab(out int errno)
    {
        Span<InputEvent> stale = stackalloc InputEvent[32];
        while (Read(stale) == stale.Length) { }
        if (Libc.IoctlInt(Fd, Ioctl.EviocGrab, 1) != 0)
        {
            errno = Libc.LastErrno;
            return false;
        }
        _grabbed = true;
        // Not re-read after the grab: a key pressed just after it is ours, and dropping its press would lose it.
        // A key pressed between the last check and the grab sends us only its release, which the loop drops
        // because the engine never saw it go down.
        errno = 0;
        return true;
    }

    /// <summary>
    /// Whether the keyboard could be seized right now, without keeping it: open, and when no key is held, grab and
    /// release at once. Used by `remapper devices`/`doctor` when no daemon runs. Returns 0 or the errno.
    /// </summary>
    public static int Probe(InputDeviceInfo info, out string operation)
    {
        operation = "open";
        int fd = Libc.Open(info.DevNode, OpenFlags.ReadOnly | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0) return Libc.LastErrno;
        try
        {
            var keys = stackalloc byte[KeyBitmap.Bytes];
            if (Libc.Ioctl(fd, Ioctl.EviocGkey(KeyBitmap.Bytes), keys) < 0) return 0;
            if (new ReadOnlySpan<byte>(keys, KeyBitmap.Bytes).IndexOfAnyExcept((byte)0) >= 0) return 0; // a key is down: don't disturb it
            operation = "EVIOCGRAB on";
            if (Libc.IoctlInt(fd, Ioctl.EviocGrab, 1) != 0) return Libc.LastErrno;
            Libc.IoctlInt(fd, Ioctl.EviocGrab, 0);
            return 0;
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    /// <summary>EVIOCGKEY into <paramref name="bitmap"/> (96 bytes).</summary>
    public bool ReadKernelKeyState(Span<byte> bitmap, out int errno)
    {
        fixed (byte* p = bitmap)
        {
            if (Libc.Ioctl(Fd, Ioctl.EviocGkey((uint)bitmap.Length), p) < 0)
            {
                errno = Libc.LastErrno;
                return false;
            }
        }
        errno = 0;
        return true;
    }

    /// <summary>Reads up to <paramref name="events"/>.Length events. Returns the count, 0 when drained (EAGAIN), or -errno.</summary>
    internal int Read(Span<InputEvent> events)
    {
        fixed (InputEvent* p = events)
        {
            nint n = Libc.Read(Fd, p, (nuint)(events.Length * InputEvent.Size));
            if (n < 0)
            {
                int errno = Libc.LastErrno;
                return errno is Errno.EAGAIN or Errno.EINTR ? 0 : -errno;
            }
            return (int)(n / InputEvent.Size);
        }
    }

    /// <summary>Sets the lock LEDs (EV_LED writes to an evdev node go to the device).</summary>
    public void SetLeds(bool numLock, bool capsLock, bool scrollLock)
    {
        if (!CanSetLeds) return;
        var events = stackalloc InputEvent[4];
        events[0] = new InputEvent { Type = InputCodes.EvLed, Code = InputCodes.LedNumLock, Value = numLock ? 1 : 0 };
        events[1] = new InputEvent { Type = InputCodes.EvLed, Code = InputCodes.LedCapsLock, Value = capsLock ? 1 : 0 };
        events[2] = new InputEvent { Type = InputCodes.EvLed, Code = InputCodes.LedScrollLock, Value = scrollLock ? 1 : 0 };
        events[3] = new InputEvent { Type = InputCodes.EvSyn, Code = InputCodes.SynReport };
        Libc.Write(Fd, events, 4 * InputEvent.Size);
    }

    public void Dispose()
    {
        if (Fd < 0) return;
        if (_grabbed) Libc.IoctlInt(Fd, Ioctl.EviocGrab, 0);
        _grabbed = false;
        Libc.Close(Fd);
        Fd = -1;
    }
}
