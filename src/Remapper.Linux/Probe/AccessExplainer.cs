using Remapper.Backend;
using Remapper.Linux.Discovery;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Probe;

/// <summary>
/// Turns a failed open or grab into a <see cref="KeyboardStatus"/> that names the cause and the fix: the node's
/// owner/group/mode/ACL and the user's groups for EACCES, the holding process for EBUSY.
/// </summary>
/// <remarks>
/// Stateless, so the loop's explanations may run on any thread at once. /etc is read again for each explanation: it is
/// rare (once per new failure), and a user just added to a group must be told to log in again, not to join it.
/// </remarks>
public sealed class AccessExplainer(ProbeEnvironment env) : Keyboards.IAccessExplainer
{
    public KeyboardStatus Explain(InputDeviceInfo device, string operation, int errno)
    {
        var state = AccessClassifier.Classify(errno);
        var node = device.DevNode;
        switch (state)
        {
            case KeyboardState.AccessDenied:
                var access = Inspect(node);
                var fix = access is null
                    ? $"check the permissions of {node}"
                    : AccessClassifier.FixFor(access, errno, needsWrite: false);
                var detail = access is null
                    ? $"{operation} {node} failed: {Errno.Name(errno)}"
                    : $"{operation} {node} failed: {Errno.Name(errno)} (owner {access.Owner}, group {access.Group}, mode {access.ModeText}" +
                      $"{(access.HasAcl ? ", ACL present" : "")}; user {access.User} {(access.UserInGroup ? "is" : "is not")} in group {access.Group})";
                return device.Status(state, detail, fix) with { Errno = errno, Access = access };

            case KeyboardState.Busy:
                var holders = new HolderScanner(env.ProcRoot, env.OwnPid).FindHolders(ToRealNode(node));
                // /proc shows who has the node open, not who grabbed it: with several, say it is one of them.
                var list = string.Join(", ", holders.Select(h => $"pid {h.Pid} ({h.Name}{(h.CommandLine.Length > 0 ? ": " + h.CommandLine : "")})"));
                var who = holders.Count switch
                {
                    0 => "unknown holder (no process readable by this user has it open; try `sudo fuser -v " + node + "`)",
                    1 => "held by " + list,
                    _ => "held by one of " + list,
                };
                return device.Status(state,
                    $"another program holds {node} exclusively (EVIOCGRAB: EBUSY): {who}",
                    holders.Count == 0
                        ? "stop the other remapper or input tool that grabs it; Remapper takes the keyboard as soon as it is released"
                        : $"stop {string.Join(", ", holders.Select(h => h.Name).Distinct())} (pid {string.Join(", ", holders.Select(h => h.Pid))}); Remapper takes the keyboard as soon as it is released")
                    with { Errno = errno, Holders = holders };

            case KeyboardState.Gone:
                return device.Status(state, $"{node} is gone ({Errno.Name(errno)})") with { Errno = errno };

            default:
                return device.Status(state, $"{operation} {node} failed: {Errno.Name(errno)} ({Libc.Describe(errno)})") with { Errno = errno };
        }
    }

    /// <summary>Owner, group and mode of <paramref name="node"/>, with where this process's user stands.</summary>
    public NodeAccess? Inspect(string node)
    {
        var stat = env.Inspector.Stat(node);
        if (stat is null) return null;
        var creds = env.Credentials;
        var accounts = new UserAccounts(env.EtcRoot);
        return new NodeAccess(node, stat.Uid, accounts.UserName(stat.Uid), stat.Gid, accounts.GroupName(stat.Gid), stat.Mode, stat.HasAcl,
            accounts.UserName(creds.Uid), creds.HasGroup(stat.Gid), accounts.IsListedInGroup(creds.Uid, stat.Gid));
    }

    // /proc fd links name the node as the kernel sees it (/dev/input/eventN), whatever root the probe runs on.
    private string ToRealNode(string node) =>
        node.StartsWith(env.DevRoot, StringComparison.Ordinal) ? "/dev" + node[env.DevRoot.TrimEnd('/').Length..] : node;
}
