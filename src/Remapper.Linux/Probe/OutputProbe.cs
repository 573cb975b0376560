using Remapper.Linux.Interop;

namespace Remapper.Linux.Probe;

/// <summary>Checks <c>/dev/uhid</c> and <c>/dev/uinput</c>: present, writable, and if not, why.</summary>
public sealed class OutputProbe(ProbeEnvironment env, Func<string, int>? tryOpenReadWrite = null)
{
    private readonly Func<string, int> _tryOpen = tryOpenReadWrite ?? TryOpenReadWrite;

    public OutputStatus Check()
    {
        var uhid = CheckNode(env.Uhid, "uhid", "CONFIG_UHID");
        var uinput = CheckNode(env.Uinput, "uinput", "CONFIG_INPUT_UINPUT");
        return Choose(uhid, uinput);
    }

    /// <summary>uhid first (a real HID device, LED reports, same model as macOS); uinput when uhid cannot be used.</summary>
    public static OutputStatus Choose(OutputNodeStatus uhid, OutputNodeStatus uinput)
    {
        if (uhid.State == OutputNodeState.Ok)
            return new OutputStatus(OutputKind.Uhid, "uhid is available", uhid, uinput);
        if (uinput.State == OutputNodeState.Ok)
            return new OutputStatus(OutputKind.Uinput, $"falling back to uinput: {uhid.Detail}", uhid, uinput);
        return new OutputStatus(OutputKind.None, $"no virtual keyboard possible: {uhid.Detail}; {uinput.Detail}", uhid, uinput);
    }

    public OutputNodeStatus CheckNode(string node, string module, string config)
    {
        int errno = _tryOpen(node);
        if (errno == 0) return new OutputNodeStatus(node, OutputNodeState.Ok, $"{node} is writable");
        if (errno is Errno.ENOENT or Errno.ENODEV or Errno.ENXIO)
        {
            var advice = new KernelSupport(env).Explain(module, node, config);
            return new OutputNodeStatus(node, OutputNodeState.Absent, advice.Detail, advice.Fix);
        }
        if (errno is Errno.EACCES or Errno.EPERM)
        {
            var access = new AccessExplainer(env).Inspect(node);
            var detail = access is null
                ? $"{node}: {Errno.Name(errno)}"
                : $"{node}: {Errno.Name(errno)} (owner {access.Owner}, group {access.Group}, mode {access.ModeText}{(access.HasAcl ? ", ACL present" : "")})";
            var fix = access is null ? $"allow user to read and write {node}" : AccessClassifier.FixFor(access, errno, needsWrite: true);
            return new OutputNodeStatus(node, OutputNodeState.NoPermission, detail, fix, access);
        }
        return new OutputNodeStatus(node, OutputNodeState.Failed, $"{node}: {Errno.Name(errno)} ({Libc.Describe(errno)})");
    }

    private static int TryOpenReadWrite(string node)
    {
        int fd = Libc.Open(node, OpenFlags.ReadWrite | OpenFlags.NonBlock | OpenFlags.CloseOnExec);
        if (fd < 0) return Libc.LastErrno;
        Libc.Close(fd);
        return 0;
    }
}
