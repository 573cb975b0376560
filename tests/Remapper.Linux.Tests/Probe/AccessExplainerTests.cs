using Remapper.Backend;
using Remapper.Linux.Discovery;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class AccessExplainerTests : IDisposable
{
    private readonly FakeSystem _sys = new();
    public void Dispose() => _sys.Dispose();

    private InputDeviceInfo Keyboard()
    {
        _sys.Sysfs.AddDevice(3, "Apple Internal Keyboard / Trackpad", 0x1c, 0x05ac, 0x0340, "spi0");
        return new InputDeviceScanner(_sys.Sysfs.Sys, _sys.Sysfs.Dev).Scan()[0];
    }

    [Fact]
    public void Access_denied_names_node_owner_group_mode_and_membership()
    {
        var kb = Keyboard();
        _sys.Inspector.Nodes[kb.DevNode] = new NodeStat(0, 104, Convert.ToUInt32("660", 8), HasAcl: false);
        var status = new AccessExplainer(_sys.Env()).Explain(kb, "open", Errno.EACCES);

        Assert.Equal(KeyboardState.AccessDenied, status.State);
        Assert.Contains(kb.DevNode, status.Detail);
        Assert.Contains("EACCES", status.Detail);
        Assert.Contains("owner root, group input, mode rw-rw----", status.Detail);
        Assert.Contains("user alice is not in group input", status.Detail);
        Assert.Equal("add user alice to group input (sudo usermod -aG input alice) and log in again", status.Fix);
        Assert.False(status.Access!.UserInGroup);
        Assert.True(status.IsProblem);
    }

    [Fact]
    public void Group_membership_comes_from_the_process_groups_and_etc_group()
    {
        var kb = Keyboard();
        _sys.Inspector.Nodes[kb.DevNode] = new NodeStat(0, 104, Convert.ToUInt32("660", 8), false);

        var holding = new AccessExplainer(_sys.Env(1000, 1000, 104)).Explain(kb, "open", Errno.EACCES);
        Assert.True(holding.Access!.UserInGroup);

        // bob is listed in /etc/group but this process does not hold the group yet.
        var listed = new AccessExplainer(_sys.Env(1001, 1001)).Explain(kb, "open", Errno.EACCES);
        Assert.False(listed.Access!.UserInGroup);
        Assert.True(listed.Access.UserListedInGroup);
        Assert.Contains("log out and in again", listed.Fix);
    }

    [Fact]
    public void Busy_names_the_process_holding_the_node()
    {
        var kb = Keyboard();
        // /proc links name the real node, whatever root the probe runs on.
        _sys.AddProcess(777, "keyd", "/usr/bin/keyd -d", "/dev/null", "/dev/input/event3");
        _sys.AddProcess(778, "bash", "bash", "/dev/pts/0");
        var status = new AccessExplainer(_sys.Env()).Explain(kb, "EVIOCGRAB on", Errno.EBUSY);

        Assert.Equal(KeyboardState.Busy, status.State);
        var holder = Assert.Single(status.Holders!);
        Assert.Equal(777, holder.Pid);
        Assert.Equal("keyd", holder.Name);
        Assert.Equal("/usr/bin/keyd -d", holder.CommandLine);
        Assert.Contains("held by pid 777 (keyd: /usr/bin/keyd -d)", status.Detail);
        Assert.Contains("stop keyd (pid 777)", status.Fix);
    }

    [Fact]
    public void Busy_with_no_readable_holder_says_unknown_holder()
    {
        var status = new AccessExplainer(_sys.Env()).Explain(Keyboard(), "EVIOCGRAB on", Errno.EBUSY);
        Assert.Empty(status.Holders!);
        Assert.Contains("unknown holder", status.Detail);
    }

    [Fact]
    public void Vanished_node_is_gone_not_a_problem()
    {
        var status = new AccessExplainer(_sys.Env()).Explain(Keyboard(), "open", Errno.ENOENT);
        Assert.Equal(KeyboardState.Gone, status.State);
        Assert.False(status.IsProblem);
    }
}
