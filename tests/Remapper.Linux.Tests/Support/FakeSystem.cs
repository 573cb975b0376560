using Remapper.Linux.Probe;

namespace Remapper.Linux.Tests.Support;

/// <summary>Fake /sys, /dev, /proc, /etc and /lib/modules under one temp dir, plus a fake node inspector.</summary>
public sealed class FakeSystem : IDisposable
{
    public FakeSysfs Sysfs { get; } = new();
    public string Root => Sysfs.Root;
    public string Proc => Path.Combine(Root, "proc");
    public string Etc => Path.Combine(Root, "etc");
    public string Modules => Path.Combine(Root, "lib", "modules");
    public FakeInspector Inspector { get; } = new();

    public FakeSystem()
    {
        Directory.CreateDirectory(Path.Combine(Proc, "sys", "kernel"));
        File.WriteAllText(Path.Combine(Proc, "sys", "kernel", "osrelease"), "6.1.0-test\n");
        Directory.CreateDirectory(Etc);
        File.WriteAllText(Path.Combine(Etc, "passwd"), "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/sh\n");
        File.WriteAllText(Path.Combine(Etc, "group"), "root:x:0:\ninput:x:104:bob\nalice:x:1000:\nbob:x:1001:\nuinput:x:105:\n");
    }

    public ProbeEnvironment Env(uint uid = 1000, uint gid = 1000, params uint[] groups) =>
        new(Sysfs.Sys, Sysfs.Dev, Proc, Etc, Modules, Inspector, new ProcessCredentials(uid, gid, groups), OwnPid: 4242);

    public void AddProcess(int pid, string comm, string cmdline, params string[] openFiles)
    {
        var dir = Path.Combine(Proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(dir, "fd"));
        File.WriteAllText(Path.Combine(dir, "comm"), comm + "\n");
        File.WriteAllText(Path.Combine(dir, "cmdline"), cmdline.Replace(' ', '\0') + "\0");
        for (int i = 0; i < openFiles.Length; i++)
            File.CreateSymbolicLink(Path.Combine(dir, "fd", (i + 3).ToString(System.Globalization.CultureInfo.InvariantCulture)), openFiles[i]);
    }

    public void Dispose() => Sysfs.Dispose();
}

public sealed class FakeInspector : INodeInspector
{
    public Dictionary<string, NodeStat> Nodes { get; } = [];
    public NodeStat? Stat(string path) => Nodes.TryGetValue(path, out var s) ? s : null;
}
