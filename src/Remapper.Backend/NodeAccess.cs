namespace Remapper.Backend;

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
