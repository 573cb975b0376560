using Remapper.Linux.Interop;

namespace Remapper.Linux.Loop;

/// <summary>
/// What <c>remapper run --realtime</c> asks of the kernel, as keyd does: the event loop thread under SCHED_FIFO (a key
/// is handled as soon as it arrives, ahead of whatever else the desktop runs) and the process's pages locked in memory
/// (no page fault to disk on the way from read to write). Only the loop thread is real-time: the runtime's other threads
/// (GC, thread pool, socket) stay at normal priority, so nothing of ours that spins can starve the machine. Either
/// may be refused; the daemon then runs as before and says so in one log line.
/// </summary>
public static class RealtimeScheduling
{
    /// <summary>keyd's priority: above ordinary real-time helpers, below the kernel's own (50 and up for threaded IRQs).</summary>
    public const int Priority = 49;

    /// <summary>Applies both to the calling thread and the process; logs one line saying what was granted and what not.</summary>
    public static unsafe RealtimeResult ApplyToCurrentThread(IBackendLog log)
    {
        int priority = Priority;
        int schedulingErrno = Libc.SchedSetscheduler(0, Libc.SchedFifo, &priority) == 0 ? 0 : Libc.LastErrno;
        // Only once touched: MCL_FUTURE alone would fault in every thread stack and the GC's reservations in full.
        int memoryErrno = Libc.Mlockall(Libc.McCurrent | Libc.McFuture | Libc.McOnFault) == 0 ? 0 : Libc.LastErrno;
        var result = new RealtimeResult(schedulingErrno, memoryErrno);
        if (result.Granted) log.Info(result.Describe());
        else log.Warning(result.Describe());
        return result;
    }
}

/// <summary>What the kernel granted (errno 0) or refused, and the one log line that says so.</summary>
public readonly record struct RealtimeResult(int SchedulingErrno, int MemoryErrno)
{
    public bool Granted => SchedulingErrno == 0 && MemoryErrno == 0;

    public string Describe()
    {
        string scheduling = SchedulingErrno == 0
            ? $"event loop thread under SCHED_FIFO {RealtimeScheduling.Priority}"
            : $"SCHED_FIFO {RealtimeScheduling.Priority} not allowed ({Errno.Name(SchedulingErrno)}; needs CAP_SYS_NICE or RLIMIT_RTPRIO " +
              $"of at least {RealtimeScheduling.Priority}: LimitRTPRIO= in a systemd unit, rtprio in limits.conf)";
        string memory = MemoryErrno == 0
            ? "memory locked"
            : $"locking memory not allowed ({Errno.Name(MemoryErrno)}; needs CAP_IPC_LOCK or LimitMEMLOCK=infinity)";
        return $"Real-time: {scheduling}; {memory}" + (Granted ? "" : "; the rest runs as without --realtime");
    }
}
