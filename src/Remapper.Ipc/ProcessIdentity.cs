using System.Runtime.InteropServices;

namespace Remapper.Ipc;

/// <summary>Who this process runs as: the user socket lives in that user's runtime directory.</summary>
internal static partial class ProcessIdentity
{
    [LibraryImport("libc")]
    public static partial uint geteuid();
}
