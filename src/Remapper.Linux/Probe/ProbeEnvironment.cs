namespace Remapper.Linux.Probe;

/// <summary>
/// Where the probe looks (roots of /sys, /dev, /proc, /etc and /lib/modules) and who is asking. Tests point it
/// at fake trees; production uses <see cref="System"/>.
/// </summary>
public sealed record ProbeEnvironment(
    string SysRoot,
    string DevRoot,
    string ProcRoot,
    string EtcRoot,
    string ModulesRoot,
    INodeInspector Inspector,
    ProcessCredentials Credentials,
    int OwnPid)
{
    public static ProbeEnvironment System() => new(
        "/sys", "/dev", "/proc", "/etc", "/lib/modules", new LinuxNodeInspector(), ProcessCredentials.Current(), Interop.Libc.Getpid());

    public string DevInput => Path.Combine(DevRoot, "input");
    public string Uhid => Path.Combine(DevRoot, "uhid");
    public string Uinput => Path.Combine(DevRoot, "uinput");
}
