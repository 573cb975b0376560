using Remapper.Linux.Interop;
using Remapper.Linux.Loop;

namespace Remapper.Linux.Tests.Loop;

/// <summary>
/// <c>--realtime</c> on whatever this machine grants: the one log line must tell the truth about the thread it ran on
/// (the kernel is asked back), and a refusal must name the limit to raise. Runs on a thread of its own, which ends, so
/// the test host keeps its normal scheduling; locked memory is unlocked again.
/// </summary>
public sealed class RealtimeSchedulingTests
{
    [Fact]
    public void The_log_line_says_what_the_kernel_granted_the_loop_thread()
    {
        var log = new RecordingLog();
        RealtimeResult result = default;
        int policy = -1;
        var thread = new Thread(() =>
        {
            result = RealtimeScheduling.ApplyToCurrentThread(log);
            policy = Libc.SchedGetscheduler(0);
        });
        thread.Start();
        thread.Join();
        Libc.Munlockall();

        Assert.Equal(result.SchedulingErrno == 0, policy == Libc.SchedFifo);
        string line = Assert.Single(log.Infos.Concat(log.Warnings));
        Assert.StartsWith("Real-time: ", line, StringComparison.Ordinal);
        if (result.SchedulingErrno == 0) Assert.Contains("event loop thread under SCHED_FIFO 49", line, StringComparison.Ordinal);
        else Assert.Contains("LimitRTPRIO=", line, StringComparison.Ordinal);
        if (result.MemoryErrno == 0) Assert.Contains("memory locked", line, StringComparison.Ordinal);
        else Assert.Contains("LimitMEMLOCK=infinity", line, StringComparison.Ordinal);
        Assert.Equal(result.Granted ? log.Infos : log.Warnings, [line]);
    }

    [Fact]
    public void A_refusal_is_a_warning_that_names_the_errno_and_the_fix()
    {
        string line = new RealtimeResult(Errno.EPERM, Errno.ENOMEM).Describe();
        Assert.Equal("Real-time: SCHED_FIFO 49 not allowed (EPERM; needs CAP_SYS_NICE or RLIMIT_RTPRIO of at least 49: LimitRTPRIO= in a systemd unit, " +
                     "rtprio in limits.conf); locking memory not allowed (ENOMEM; needs CAP_IPC_LOCK or LimitMEMLOCK=infinity); the rest runs as without --realtime",
            line);
    }

    private sealed class RecordingLog : IBackendLog
    {
        public List<string> Infos { get; } = [];
        public List<string> Warnings { get; } = [];
        public bool IsDebugEnabled => false;
        public void Debug(string message) { }
        public void Info(string message) => Infos.Add(message);
        public void Warning(string message) => Warnings.Add(message);
        public void Error(string message) => Warnings.Add(message);
    }
}
