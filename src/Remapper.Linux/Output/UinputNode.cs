using Remapper.Core.Devices;
using Remapper.Linux.Input;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Output;

/// <summary>
/// Creating and destroying a device on <c>/dev/uinput</c>: open, enable the event types and codes the device has
/// (the caller's part), name it with our ids, create; destroy and close. The uinput keyboard and pointer share it.
/// </summary>
internal static unsafe class UinputNode
{
    /// <summary>The created device's fd, or -1 with the errno when <paramref name="node"/> cannot be opened or set up.</summary>
    public static int Create(string node, Func<int, bool> enableCodes, string name, ushort vendor, ushort product, out int errno)
    {
        int fd = Libc.Open(node, OpenFlags.ReadWrite | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0)
        {
            errno = Libc.LastErrno;
            return -1;
        }
        if (!enableCodes(fd) || !Setup(fd, name, vendor, product))
        {
            errno = Libc.LastErrno;
            Libc.Close(fd);
            return -1;
        }
        errno = 0;
        return fd;
    }

    /// <summary>Destroying the device makes the input core release whatever it still reports as held.</summary>
    public static void Destroy(int fd)
    {
        Libc.Ioctl(fd, Ioctl.UiDevDestroy, null);
        Libc.Close(fd);
    }

    private static bool Setup(int fd, string name, ushort vendor, ushort product)
    {
        var setup = new UinputSetup
        {
            Id = new InputId { BusType = (ushort)DeviceBus.Virtual, Vendor = vendor, Product = product, Version = 1 },
        };
        System.Text.Unicode.Utf8.FromUtf16(name, new Span<byte>(setup.Name, UinputSetup.NameSize - 1), out _, out _);
        if (Libc.Ioctl(fd, Ioctl.UiDevSetup, &setup) != 0) return false;
        return Libc.Ioctl(fd, Ioctl.UiDevCreate, null) == 0;
    }
}
