using Remapper.Linux.Interop;

namespace Remapper.Linux.Probe;

/// <summary>Owner, group, mode and ACL of a device node. An interface so probe logic is tested without real nodes.</summary>
public interface INodeInspector
{
    /// <summary>Null when the node cannot be examined (gone, or its directory unreadable).</summary>
    NodeStat? Stat(string path);
}

public sealed record NodeStat(uint Uid, uint Gid, uint Mode, bool HasAcl);

/// <summary>The real one: statx(2) (same layout on every architecture, unlike struct stat) and the POSIX ACL xattr.</summary>
public sealed unsafe class LinuxNodeInspector : INodeInspector
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    public NodeStat? Stat(string path)
    {
        byte* buffer = stackalloc byte[256];
        if (Libc.Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0) return null;
        uint uid = *(uint*)(buffer + 20);
        uint gid = *(uint*)(buffer + 24);
        uint mode = *(ushort*)(buffer + 28) & 0xFFFu /* permission bits, 07777 */;
        // Any POSIX ACL beyond the mode bits is stored in this xattr; its absence (ENODATA) means none.
        bool hasAcl = Libc.Getxattr(path, "system.posix_acl_access", null, 0) > 0;
        return new NodeStat(uid, gid, mode, hasAcl);
    }
}
