using Remapper.Linux.Interop;
using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class OutputProbeTests : IDisposable
{
    private readonly FakeSystem _sys = new();
    public void Dispose() => _sys.Dispose();

    private OutputStatus Check(int uhidErrno, int uinputErrno)
    {
        var env = _sys.Env();
        return new OutputProbe(env, node => node == env.Uhid ? uhidErrno : uinputErrno).Check();
    }

    [Fact]
    public void Uhid_is_preferred()
    {
        var s = Check(0, 0);
        Assert.Equal(OutputKind.Uhid, s.Chosen);
        Assert.False(s.IsProblem);
    }

    [Fact]
    public void Uinput_is_the_fallback_and_the_reason_says_why()
    {
        var s = Check(Errno.ENOENT, 0);
        Assert.Equal(OutputKind.Uinput, s.Chosen);
        Assert.StartsWith("falling back to uinput: ", s.Reason);
        Assert.Equal(OutputNodeState.Absent, s.Uhid.State);
    }

    [Fact]
    public void No_permission_on_both_is_a_problem_with_a_fix_for_each()
    {
        var env = _sys.Env();
        _sys.Inspector.Nodes[env.Uhid] = new NodeStat(0, 0, Convert.ToUInt32("600", 8), false);
        _sys.Inspector.Nodes[env.Uinput] = new NodeStat(0, 105, Convert.ToUInt32("660", 8), false);
        var s = Check(Errno.EACCES, Errno.EACCES);
        Assert.Equal(OutputKind.None, s.Chosen);
        Assert.True(s.IsProblem);
        Assert.Equal(OutputNodeState.NoPermission, s.Uhid.State);
        Assert.Contains("no group may read and write", s.Uhid.Fix);
        Assert.Equal("add user alice to group uinput (sudo usermod -aG uinput alice) and log in again", s.Uinput.Fix);
    }
}
