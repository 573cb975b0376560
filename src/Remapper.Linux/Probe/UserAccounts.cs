using System.Globalization;

namespace Remapper.Linux.Probe;

/// <summary>
/// Users and groups from /etc/passwd and /etc/group (root injectable for tests): names for ids, and who is
/// listed in which group. The running process's own groups come from <see cref="ProcessCredentials"/>.
/// </summary>
public sealed class UserAccounts
{
    private readonly Dictionary<uint, string> _users = [];
    private readonly Dictionary<uint, uint> _primaryGroups = [];
    private readonly Dictionary<uint, string> _groups = [];
    private readonly Dictionary<uint, HashSet<string>> _members = [];

    public UserAccounts(string etcRoot = "/etc")
    {
        foreach (var f in ReadLines(Path.Combine(etcRoot, "passwd")))
            if (f.Length >= 4 && TryId(f[2], out var uid))
            {
                _users.TryAdd(uid, f[0]);
                if (TryId(f[3], out var gid)) _primaryGroups.TryAdd(uid, gid);
            }
        foreach (var f in ReadLines(Path.Combine(etcRoot, "group")))
            if (f.Length >= 3 && TryId(f[2], out var gid))
            {
                _groups.TryAdd(gid, f[0]);
                var set = _members.TryGetValue(gid, out var existing) ? existing : _members[gid] = [];
                if (f.Length >= 4)
                    foreach (var m in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        set.Add(m);
            }
    }

    public string UserName(uint uid) => _users.TryGetValue(uid, out var n) ? n : uid.ToString(CultureInfo.InvariantCulture);

    public string GroupName(uint gid) => _groups.TryGetValue(gid, out var n) ? n : gid.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when /etc/passwd gives the user this primary group or /etc/group lists the user as a member.</summary>
    public bool IsListedInGroup(uint uid, uint gid) =>
        (_primaryGroups.TryGetValue(uid, out var primary) && primary == gid) ||
        (_members.TryGetValue(gid, out var members) && members.Contains(UserName(uid)));

    private static IEnumerable<string[]> ReadLines(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }
        foreach (var line in lines)
            if (line.Length > 0 && line[0] != '#')
                yield return line.Split(':');
    }

    private static bool TryId(string text, out uint id) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}

/// <summary>Who the running process is: uid and every group it holds right now.</summary>
public sealed record ProcessCredentials(uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    public bool HasGroup(uint gid) => Gid == gid || Groups.Contains(gid);

    public static unsafe ProcessCredentials Current()
    {
        uint uid = Interop.Libc.Getuid(), gid = Interop.Libc.Getgid();
        int count = Interop.Libc.Getgroups(0, null);
        var groups = new uint[Math.Max(count, 0)];
        if (count > 0)
            fixed (uint* p = groups)
                count = Interop.Libc.Getgroups(groups.Length, p);
        return new ProcessCredentials(uid, gid, count > 0 ? groups[..count] : []);
    }
}
