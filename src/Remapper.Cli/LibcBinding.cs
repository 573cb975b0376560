using System.Reflection;
using System.Runtime.InteropServices;

namespace Remapper.Cli;

/// <summary>
/// Binds every <c>[LibraryImport("libc")]</c> of the daemon's assemblies that have one (ours, and hosting's systemd
/// check) to the libc already loaded
/// (<c>libc.so.6</c>) on Linux. Without this the runtime looks for "libc" by name variations (libc.so, liblibc.so,
/// libc, ...) in every directory of the loader's path before one works: about 120 failed opens per start, each a
/// file-system lookup, which the start-up profile in the e2e guest showed as waiting. Elsewhere (macOS) the
/// runtime's own lookup stays.
/// </summary>
internal static class LibcBinding
{
    public static void Register()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assembly[] withLibc =
        [
            typeof(Remapper.Core.Keymap.Loading.KeymapFileReader).Assembly,
            typeof(Remapper.Ipc.SocketLocator).Assembly,
            typeof(Remapper.Daemon.Hosting.RemapperDaemon).Assembly,
            typeof(Remapper.Linux.Service.LinuxBackend).Assembly,
            // Its getppid() tells whether systemd started the daemon.
            typeof(Microsoft.Extensions.Hosting.Systemd.SystemdHelpers).Assembly,
        ];
        foreach (var assembly in withLibc) NativeLibrary.SetDllImportResolver(assembly, Resolve);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == "libc" && NativeLibrary.TryLoad("libc.so.6", out nint handle) ? handle : 0; // 0: the runtime's own lookup
}
