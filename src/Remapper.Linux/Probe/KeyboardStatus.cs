using Remapper.Core.Devices;
using Remapper.Linux.Discovery;

namespace Remapper.Linux.Probe;

/// <summary>Where a keyboard stands with Remapper. One of these per candidate keyboard, shown by the daemon, CLI and tray.</summary>
public enum KeyboardState
{
    /// <summary>Held exclusively; its keys go through the keymap.</summary>
    Seized,
    /// <summary>Could be seized (probe without a running daemon: open and grab both worked).</summary>
    Available,
    /// <summary>Left alone because a <c>[[device]]</c> block says so.</summary>
    Ignored,
    /// <summary>The kernel refused to open it (EACCES/EPERM).</summary>
    AccessDenied,
    /// <summary>Another process holds the grab (EBUSY).</summary>
    Busy,
    /// <summary>It went away (unplugged) or its node vanished.</summary>
    Gone,
    /// <summary>Any other failure, with its errno.</summary>
    Failed,
}

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
/// The state of one candidate keyboard with everything needed to explain it: what went wrong
/// (<see cref="Detail"/>) and what to do (<see cref="Fix"/>).
/// </summary>
public sealed record KeyboardStatus(
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
    /// <summary>Something the user should act on.</summary>
    public bool IsProblem => State is KeyboardState.AccessDenied or KeyboardState.Busy or KeyboardState.Failed;

    /// <summary>Same state and explanation: used to log a change once instead of on every retry.</summary>
    public bool SameAs(KeyboardStatus? other) =>
        other is not null && other.State == State && other.Detail == Detail && other.Fix == Fix;
}
