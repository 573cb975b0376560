using Remapper.Backend;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Probe;

/// <summary>Turns an errno from open/EVIOCGRAB into a keyboard state.</summary>
public static class AccessClassifier
{
    public static KeyboardState Classify(int errno) => errno switch
    {
        Errno.EACCES or Errno.EPERM or Errno.EROFS => KeyboardState.AccessDenied,
        Errno.EBUSY => KeyboardState.Busy,
        Errno.ENOENT or Errno.ENODEV or Errno.ENXIO => KeyboardState.Gone,
        _ => KeyboardState.Failed,
    };

    /// <summary>
    /// What to do about a node this user may not open. The fix depends on whether any group can open it,
    /// and whether the user is (or merely will be after logging in again) in that group.
    /// </summary>
    public static string FixFor(NodeAccess access, int errno, bool needsWrite)
    {
        uint groupBits = needsWrite ? 0x30u /* 060: group rw */ : 0x20u /* 040: group r */;
        bool groupCanOpen = access.GroupGid != 0 && (access.Mode & groupBits) == groupBits;

        if (errno == Errno.EPERM && access.UserInGroup)
            return "the kernel refused with EPERM although the permissions allow it: a security module (SELinux, AppArmor) or a sandbox (container, Flatpak) blocks it";

        if (groupCanOpen)
        {
            if (access.UserInGroup)
                return access.HasAcl
                    ? $"an ACL on {access.Path} denies user {access.User}; check it with `getfacl {access.Path}`"
                    : $"user {access.User} is in group {access.Group} yet was refused: a security module (SELinux, AppArmor) or a sandbox blocks it";
            if (access.UserListedInGroup)
                return $"user {access.User} was added to group {access.Group} after this session started: log out and in again (or run `newgrp {access.Group}`)";
            return $"add user {access.User} to group {access.Group} (sudo usermod -aG {access.Group} {access.User}) and log in again";
        }

        // No group may open it (crw------- root root, or a group the user should not join).
        var what = needsWrite ? "read and write" : "read";
        return $"no group may {what} {access.Path} (owner {access.Owner}, group {access.Group}, mode {access.ModeText}): " +
               "install Remapper's udev rules from packaging/udev (then `sudo udevadm control --reload && sudo udevadm trigger`) " +
               $"and add user {access.User} to group input, or run remapper as root";
    }
}
