using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class HolderScannerTests : IDisposable
{
    private readonly FakeSystem _sys = new();
    public void Dispose() => _sys.Dispose();

    [Fact]
    public void Finds_every_process_with_the_node_open_except_ourselves()
    {
        _sys.AddProcess(10, "evtest", "evtest --grab /dev/input/event5", "/dev/input/event5");
        _sys.AddProcess(4242, "remapper", "remapper run", "/dev/input/event5");
        _sys.AddProcess(11, "kanata", "kanata", "/dev/input/event6");
        Directory.CreateDirectory(Path.Combine(_sys.Proc, "self")); // non-numeric entries are skipped

        var holders = new HolderScanner(_sys.Proc, ownPid: 4242).FindHolders("/dev/input/event5");
        var h = Assert.Single(holders);
        Assert.Equal((10, "evtest", "evtest --grab /dev/input/event5"), (h.Pid, h.Name, h.CommandLine));
    }

    [Fact]
    public void A_missing_proc_gives_no_holders()
    {
        Assert.Empty(new HolderScanner(Path.Combine(_sys.Root, "nope")).FindHolders("/dev/input/event5"));
    }
}
