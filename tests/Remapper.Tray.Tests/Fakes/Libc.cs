using System.Runtime.InteropServices;

namespace Remapper.Tray.Tests.Fakes;

internal static partial class Libc
{
    [LibraryImport("libc")]
    public static partial uint geteuid();
}
