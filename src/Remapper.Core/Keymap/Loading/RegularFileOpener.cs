using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Opens a path for reading only if it is a regular file, without ever blocking. A plain <c>open()</c> of a FIFO
/// waits for a writer forever (and /dev/stdin on a pipe or a terminal waits for input): in the daemon that wedged
/// every later reload. Here the open is <c>O_NONBLOCK</c> and <c>fstat</c> decides on the opened descriptor, so a
/// file swapped for a FIFO between a check and the open cannot slip through either.
/// </summary>
internal static partial class RegularFileOpener
{
    private const int SFmt = 0xF000, SReg = 0x8000, SDir = 0x4000, SChr = 0x2000, SBlk = 0x6000, SFifo = 0x1000, SSock = 0xC000;

    /// <summary>The open handle, or null with <paramref name="error"/> saying why (the file's kind, or errno's words).</summary>
    public static SafeFileHandle? Open(string path, out string error)
    {
        error = "";
        if (!NativeSupported)
        {
            // Windows has no FIFOs at a path; .NET's own open is fine there.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        var fd = open(path, OpenFlags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            error = errno switch
            {
                2 => "file not found",
                13 or 1 => "permission denied: cannot read this file (check its owner and mode)",
                20 => "a part of this path is not a folder",
                21 => "this is a directory, not a keymap file",
                _ => $"cannot open this file: {Marshal.GetPInvokeErrorMessage(errno)}",
            };
            return null;
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var kind = FileKind(fd);
        if (kind is null or SReg) return handle;
        handle.Dispose();
        error = kind switch
        {
            SDir => "this is a directory, not a keymap file",
            SFifo => "this is a FIFO (named pipe), not a regular file; only regular files are read",
            SChr => "this is a character device, not a regular file; only regular files are read",
            SBlk => "this is a block device, not a regular file; only regular files are read",
            SSock => "this is a socket, not a regular file; only regular files are read",
            _ => "this is not a regular file; only regular files are read",
        };
        return null;
    }

    private static bool NativeSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    private static int OpenFlags => OperatingSystem.IsLinux()
        ? 0x800 | 0x80000 | 0x100 // O_NONBLOCK | O_CLOEXEC | O_NOCTTY (O_RDONLY = 0)
        : 0x4 | 0x1000000 | 0x20000; // the BSD values (macOS)

    /// <summary>st_mode &amp; S_IFMT, or null where the layout of struct stat is not known here (then only O_NONBLOCK protects).</summary>
    private static int? FileKind(int fd)
    {
        Span<byte> stat = stackalloc byte[512]; // larger than struct stat on every platform
        var arch = RuntimeInformation.ProcessArchitecture;
        int? modeOffset = null;
        var modeIs16Bit = false;
        int rc;
        if (OperatingSystem.IsLinux() && arch is Architecture.X64)
            (rc, modeOffset) = (fstat(fd, stat), 24); // dev, ino, nlink (8 bytes each), then mode
        else if (OperatingSystem.IsLinux() && arch is Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64)
            (rc, modeOffset) = (fstat(fd, stat), 16); // the generic layout: dev, ino, then mode
        else if (OperatingSystem.IsMacOS() && arch is Architecture.Arm64)
            (rc, modeOffset, modeIs16Bit) = (fstat(fd, stat), 4, true); // dev (4), then a 16-bit mode
        else if (OperatingSystem.IsMacOS() && arch is Architecture.X64)
            (rc, modeOffset, modeIs16Bit) = (fstat64(fd, stat), 4, true);
        else
            return null;
        if (rc != 0) return null;
        var mode = modeIs16Bit
            ? BitConverter.ToUInt16(stat.Slice(modeOffset.Value, 2))
            : (int)BitConverter.ToUInt32(stat.Slice(modeOffset.Value, 4));
        return mode & SFmt;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fstat")]
    private static partial int fstat(int fd, Span<byte> stat);

    [LibraryImport("libc", EntryPoint = "fstat$INODE64")]
    private static partial int fstat64(int fd, Span<byte> stat);
}
