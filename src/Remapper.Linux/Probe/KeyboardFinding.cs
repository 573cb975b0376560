using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Linux.Discovery;

namespace Remapper.Linux.Probe;

/// <summary>A process that has the node open (the likely holder of a grab).</summary>
public sealed record HolderProcess(int Pid, string Name, string CommandLine);

/// <summary>Who may open a device node, and where the running user stands.</summary>
/// <param name="Mode">Permission bits, e.g. 0x1B0 (octal 660).</param>
/// <param name="UserInGroup">The daemon's process has the node's group now.</param>
/// <param name="UserListedInGroup">/etc/group lists the user in the node's group (maybe not effective until the next login).</param>
public sealed record NodeAccess(
    string Path,
    uint OwnerUid,
    string Owner,
    uint GroupGid,
    string Group,
    uint Mode,
    bool HasAcl,
    string User,
    bool UserInGroup,
    bool UserListedInGroup)
{
    public string ModeText => FormatMode(Mode);

    public static string FormatMode(uint mode)
    {
        Span<char> s = stackalloc char[9];
        const string Letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) s[i] = (mode & (1u << (8 - i))) != 0 ? Letters[i] : '-';
        return new string(s);
    }
}

/// <summary>
/// What the Linux probe found out about one candidate keyboard, with everything needed to explain it: what went wrong
/// (<see cref="Detail"/>), what to do (<see cref="Fix"/>), the node's permissions and who holds it. The state is the one
/// <see cref="KeyboardState"/> of the backend model; <see cref="ToStatus"/> is the only way it becomes a
/// <see cref="KeyboardStatus"/> for status, CLI and tray.
/// </summary>
public sealed record KeyboardFinding(
    KeyboardIdentity Identity,
    string DevNode,
    DeviceKind Kind,
    KeyboardState State,
    string Detail,
    string? Fix = null,
    int Errno = 0,
    NodeAccess? Access = null,
    IReadOnlyList<HolderProcess>? Holders = null,
    string? IgnoredBy = null)
{
    /// <summary>Something the user should act on (<see cref="StatusRules.IsProblem(KeyboardState)"/>).</summary>
    public bool IsProblem => State.IsProblem();

    /// <summary>Same state and explanation: used to log a change once instead of on every retry.</summary>
    public bool SameAs(KeyboardFinding? other) =>
        other is not null && other.State == State && other.Detail == Detail && other.Fix == Fix;

    /// <summary>This finding in the platform-neutral status model.</summary>
    public KeyboardStatus ToStatus()
    {
        var holder = Holders is { Count: > 0 } holders ? holders[0] : null;
        return new KeyboardStatus(Identity.Id, Identity.Name, Identity.Bus.KeymapName(), Identity.IsBuiltIn, State,
            Cause: State == KeyboardState.Seized ? null : Detail,
            Fix: Fix,
            HolderPid: holder?.Pid,
            HolderCommand: holder?.CommandLine,
            Path: DevNode);
    }
}
