using Remapper.Linux.Interop;
using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class KernelSupportTests : IDisposable
{
    private readonly FakeSystem _sys = new();
    public void Dispose() => _sys.Dispose();

    private OutputNodeStatus Uhid() => new OutputProbe(_sys.Env(), _ => Errno.ENOENT).CheckNode(_sys.Env().Uhid, "uhid", "CONFIG_UHID");

    [Fact]
    public void A_kernel_without_module_support_is_explained_as_such()
    {
        var s = Uhid();
        Assert.Equal(OutputNodeState.Absent, s.State);
        Assert.Contains("cannot load modules", s.Detail);
        Assert.Contains("6.1.0-test", s.Detail);
        Assert.Contains("CONFIG_UHID", s.Fix);
    }

    [Fact]
    public void A_shipped_but_unloaded_module_gets_modprobe()
    {
        File.WriteAllText(Path.Combine(_sys.Proc, "modules"), "");
        Directory.CreateDirectory(Path.Combine(_sys.Modules, "6.1.0-test"));
        File.WriteAllText(Path.Combine(_sys.Modules, "6.1.0-test", "modules.dep"), "kernel/drivers/hid/uhid.ko: kernel/drivers/hid/hid.ko\n");
        var s = Uhid();
        Assert.Contains("not loaded", s.Detail);
        Assert.StartsWith("sudo modprobe uhid", s.Fix);
    }

    [Fact]
    public void A_module_missing_from_the_kernel_says_which_kernel()
    {
        File.WriteAllText(Path.Combine(_sys.Proc, "modules"), "");
        var s = Uhid();
        Assert.Contains("kernel 6.1.0-test has no uhid module", s.Detail);
    }

    [Fact]
    public void A_loaded_module_without_a_node_points_at_dev()
    {
        Directory.CreateDirectory(Path.Combine(_sys.Sysfs.Sys, "module", "uhid"));
        Assert.Contains("loaded but", Uhid().Detail);
    }
}
