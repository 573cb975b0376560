using System.Runtime.InteropServices;

namespace Remapper.Linux.Interop;

/// <summary>
/// struct epoll_event is packed on x86-64 (u32 events + u64 data = 12 bytes) but naturally aligned
/// elsewhere (16 bytes, data at offset 8). Events are read from a raw buffer at the right stride.
/// </summary>
internal static unsafe class Epoll
{
    public const int CloseOnExec = 0x80000;
    public const int CtlAdd = 1;
    public const int CtlDel = 2;
    public const int CtlMod = 3;

    public const uint In = 0x001;
    public const uint Err = 0x008;
    public const uint Hup = 0x010;

    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static int Add(int epfd, int fd, uint events, ulong data) => Control(epfd, CtlAdd, fd, events, data);

    public static int Remove(int epfd, int fd) => Control(epfd, CtlDel, fd, 0, 0);

    private static int Control(int epfd, int op, int fd, uint events, ulong data)
    {
        byte* ev = stackalloc byte[16];
        new Span<byte>(ev, 16).Clear();
        *(uint*)ev = events;
        *(ulong*)(ev + DataOffset) = data;
        return Libc.EpollCtl(epfd, op, fd, ev);
    }

    public static uint EventsAt(byte* buffer, int index) => *(uint*)(buffer + index * EventSize);

    public static ulong DataAt(byte* buffer, int index) => *(ulong*)(buffer + index * EventSize + DataOffset);
}

/// <summary>inotify(7) masks and the fixed part of struct inotify_event (wd, mask, cookie, len = 16 bytes).</summary>
internal static class Inotify
{
    public const int NonBlock = 0x800;
    public const int CloseOnExec = 0x80000;
    public const uint Attrib = 0x004;
    public const uint Create = 0x100;
    public const uint Delete = 0x200;
    public const uint HeaderSize = 16;
}

internal static class TimerFd
{
    public const int NonBlock = 0x800;
    public const int CloseOnExec = 0x80000;
    public const int AbsoluteTime = 1;
}

internal static class EventFd
{
    public const int NonBlock = 0x800;
    public const int CloseOnExec = 0x80000;
}
