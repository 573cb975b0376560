using System.Runtime.InteropServices;

namespace Remapper.Daemon.Ipc;

/// <summary>The few libc calls the IPC server needs (source-generated, AOT-safe).</summary>
internal static partial class Native
{
    public const int SolSocket = 1;
    public const int SoPeerCred = 17;
    public const int SoPeerGroups = 59;
    public const int ERANGE = 34;

    [StructLayout(LayoutKind.Sequential)]
    public struct UCred
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial int getsockopt(nint socket, int level, int name, void* value, ref uint length);

    [LibraryImport("libc")]
    public static partial uint geteuid();

    [LibraryImport("libc")]
    public static partial uint getegid();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chown(string path, uint owner, uint group);

    /// <summary>Returns a pointer to a static <c>struct group</c> or null. Only called at startup, from one thread.</summary>
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint getgrnam(string name);

    /// <summary><c>struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; }</c>: gr_gid follows two pointers.</summary>
    public static uint? GroupId(string name)
    {
        var group = getgrnam(name);
        return group == 0 ? null : (uint)Marshal.ReadInt32(group, 2 * IntPtr.Size);
    }
}
