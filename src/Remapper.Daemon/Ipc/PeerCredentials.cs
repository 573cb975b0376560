using System.Net.Sockets;

namespace Remapper.Daemon.Ipc;

/// <summary>Who is on the other end of a Unix socket, as the kernel vouches for it (SO_PEERCRED, SO_PEERGROUPS).</summary>
public sealed record PeerCredentials(int Pid, uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    public bool IsInGroup(uint gid) => Gid == gid || Groups.Contains(gid);

    /// <summary>The peer's credentials, or null if the kernel would not say (then nothing mutating is allowed).</summary>
    public static unsafe PeerCredentials? Of(Socket socket)
    {
        var handle = socket.Handle;
        Native.UCred cred;
        uint length = (uint)sizeof(Native.UCred);
        if (Native.getsockopt(handle, Native.SolSocket, Native.SoPeerCred, &cred, ref length) != 0) return null;
        return new PeerCredentials(cred.Pid, cred.Uid, cred.Gid, SupplementaryGroups(handle, cred.Pid));
    }

    /// <summary>Supplementary groups: SO_PEERGROUPS (Linux 4.13+), else the Groups: line of /proc/PID/status.</summary>
    private static unsafe uint[] SupplementaryGroups(nint handle, int pid)
    {
        var groups = new uint[64];
        for (int attempt = 0; attempt < 2; attempt++)
        {
            uint length = (uint)(groups.Length * sizeof(uint));
            int rc;
            fixed (uint* p = groups) rc = Native.getsockopt(handle, Native.SolSocket, Native.SoPeerGroups, p, ref length);
            if (rc == 0) return groups.AsSpan(0, (int)(length / sizeof(uint))).ToArray();
            if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Native.ERANGE) break;
            groups = new uint[length / sizeof(uint) + 1];
        }
        return FromProc(pid);
    }

    private static uint[] FromProc(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("Groups:", StringComparison.Ordinal)) continue;
                return line["Groups:".Length..].Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries)
                    .Select(g => uint.TryParse(g, out var gid) ? gid : uint.MaxValue).Where(g => g != uint.MaxValue).ToArray();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return [];
    }
}

/// <summary>Who may change the daemon (reload, pause, set-*): root, the daemon's own user, or the socket's group.</summary>
/// <param name="TrustedGroup">The group the socket was given (e.g. <c>remapper</c> for the system service); null for a user run.</param>
public sealed record IpcAccessPolicy(uint DaemonUid, uint? TrustedGroup)
{
    public bool MayChange(PeerCredentials? peer) =>
        peer is not null && (peer.Uid == 0 || peer.Uid == DaemonUid || (TrustedGroup is { } g && peer.IsInGroup(g)));
}
