using System.Runtime.InteropServices;

namespace Remapper.Linux.Interop;

/// <summary>Scheduling and memory locking, for <see cref="Loop.RealtimeScheduling"/>.</summary>
internal static unsafe partial class Libc
{
    public const int SchedFifo = 1;

    /// <summary>mlockall flags: what is mapped now, what is mapped later, and only once touched (no pre-faulting of reservations and stacks).</summary>
    public const int McCurrent = 1, McFuture = 2, McOnFault = 4;

    /// <summary>pid 0 is the calling thread (Linux schedules threads, not processes).</summary>
    [LibraryImport(Lib, EntryPoint = "sched_setscheduler", SetLastError = true)]
    public static partial int SchedSetscheduler(int pid, int policy, int* priority);

    [LibraryImport(Lib, EntryPoint = "mlockall", SetLastError = true)]
    public static partial int Mlockall(int flags);

    [LibraryImport(Lib, EntryPoint = "sched_getscheduler", SetLastError = true)]
    public static partial int SchedGetscheduler(int pid);

    [LibraryImport(Lib, EntryPoint = "munlockall", SetLastError = true)]
    public static partial int Munlockall();
}
