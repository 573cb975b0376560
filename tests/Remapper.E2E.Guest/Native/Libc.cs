using System.Runtime.InteropServices;

namespace Remapper.E2E.Guest.Native;

/// <summary>The handful of libc calls the guest tool needs; source-generated marshalling so Native AOT is safe.</summary>
internal static unsafe partial class Libc
{
    public const int O_RDONLY = 0x0;
    public const int O_WRONLY = 0x1;
    public const int O_RDWR = 0x2;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int ENODEV = 19;

    public const short POLLIN = 0x1;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nint count);

    /// <summary>ioctl whose argument is a pointer to a buffer the kernel fills or reads.</summary>
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    /// <summary>ioctl whose argument is a plain integer (EVIOCGRAB takes 1 or 0 by value).</summary>
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlValue(int fd, nuint request, nint value);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MkFifo(string path, int mode);

    public static int LastError => Marshal.GetLastPInvokeError();

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    /// <summary>Opens a path or throws an error that names the path and the errno, for a readable test failure.</summary>
    public static int OpenOrThrow(string path, int flags)
    {
        int fd = Open(path, flags | O_CLOEXEC, 0);
        if (fd < 0)
        {
            throw new GuestToolException($"open {path}: {Describe(LastError)}");
        }
        return fd;
    }

    /// <summary>Writes the whole buffer (device writes are all-or-nothing, but a short write must not pass silently).</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data, string what)
    {
        fixed (byte* p = data)
        {
            nint written;
            do
            {
                written = Write(fd, p, data.Length);
            }
            while (written < 0 && LastError == EINTR);
            if (written != data.Length)
            {
                string why = written < 0 ? Describe(LastError) : $"short write {written}/{data.Length}";
                throw new GuestToolException($"write {what}: {why}");
            }
        }
    }
}
