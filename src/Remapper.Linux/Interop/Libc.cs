using System.Runtime.InteropServices;

namespace Remapper.Linux.Interop;

/// <summary>
/// The libc calls the backend needs, source-generated (AOT-safe). Every call sets errno for
/// <see cref="Marshal.GetLastPInvokeError"/>; callers turn it into a state, never an exception on the hot path.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    /// <summary>ioctls whose argument is an int passed by value (EVIOCGRAB, UI_SET_EVBIT...).</summary>
    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlInt(int fd, nuint request, nint value);

    [LibraryImport(Lib, EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport(Lib, EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epfd, int op, int fd, void* ev);

    [LibraryImport(Lib, EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epfd, void* events, int maxEvents, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "inotify_init1", SetLastError = true)]
    public static partial int InotifyInit1(int flags);

    [LibraryImport(Lib, EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int InotifyAddWatch(int fd, string path, uint mask);

    [LibraryImport(Lib, EntryPoint = "timerfd_create", SetLastError = true)]
    public static partial int TimerfdCreate(int clockId, int flags);

    [LibraryImport(Lib, EntryPoint = "timerfd_settime", SetLastError = true)]
    public static partial int TimerfdSettime(int fd, int flags, Itimerspec* newValue, Itimerspec* oldValue);

    [LibraryImport(Lib, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int Eventfd(uint initval, int flags);

    [LibraryImport(Lib, EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGettime(int clockId, Timespec* tp);

    [LibraryImport(Lib, EntryPoint = "getxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Getxattr(string path, string name, void* value, nuint size);

    [LibraryImport(Lib, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(Lib, EntryPoint = "getuid")]
    public static partial uint Getuid();

    [LibraryImport(Lib, EntryPoint = "getgid")]
    public static partial uint Getgid();

    [LibraryImport(Lib, EntryPoint = "getgroups", SetLastError = true)]
    public static partial int Getgroups(int size, uint* list);

    [LibraryImport(Lib, EntryPoint = "getpid")]
    public static partial int Getpid();

    public static int LastErrno => Marshal.GetLastPInvokeError();

    /// <summary>The kernel's text for an errno ("Permission denied"), for messages.</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}

[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;
}

[StructLayout(LayoutKind.Sequential)]
internal struct Itimerspec
{
    public Timespec Interval;
    public Timespec Value;
}
