namespace Remapper.Linux.Interop;

/// <summary>The errno values the backend tells apart (asm-generic numbers, shared by x86-64 and arm64).</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int EROFS = 30;
    public const int ENODATA = 61;
    public const int EOPNOTSUPP = 95;

    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM",
        ENOENT => "ENOENT",
        EINTR => "EINTR",
        EIO => "EIO",
        ENXIO => "ENXIO",
        EBADF => "EBADF",
        EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM",
        EACCES => "EACCES",
        EBUSY => "EBUSY",
        ENODEV => "ENODEV",
        EINVAL => "EINVAL",
        EROFS => "EROFS",
        ENODATA => "ENODATA",
        EOPNOTSUPP => "EOPNOTSUPP",
        _ => $"errno {errno}",
    };
}

/// <summary>open(2) flags and other constants from the generic Linux ABI.</summary>
internal static class OpenFlags
{
    public const int ReadOnly = 0x0;
    public const int WriteOnly = 0x1;
    public const int ReadWrite = 0x2;
    public const int NonBlock = 0x800;
    public const int CloseOnExec = 0x80000;
}
