using Remapper.Backend;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Tests.Probe;

public class AccessClassifierTests
{
    private static uint Octal(string mode) => Convert.ToUInt32(mode, 8);

    private static NodeAccess Access(string mode, uint gid = 104, string group = "input", bool inGroup = false, bool listed = false, bool acl = false) =>
        new("/dev/input/event3", 0, "root", gid, group, Octal(mode), acl, "alice", inGroup, listed);

    [Theory]
    [InlineData(Errno.EACCES, KeyboardState.AccessDenied)]
    [InlineData(Errno.EPERM, KeyboardState.AccessDenied)]
    [InlineData(Errno.EBUSY, KeyboardState.Busy)]
    [InlineData(Errno.ENOENT, KeyboardState.Gone)]
    [InlineData(Errno.ENODEV, KeyboardState.Gone)]
    [InlineData(Errno.EIO, KeyboardState.Failed)]
    public void Errno_becomes_a_state(int errno, KeyboardState expected) =>
        Assert.Equal(expected, AccessClassifier.Classify(errno));

    [Fact]
    public void A_user_outside_the_readable_group_is_told_to_join_it()
    {
        var fix = AccessClassifier.FixFor(Access("660"), Errno.EACCES, needsWrite: false);
        Assert.Equal("add user alice to group input (sudo usermod -aG input alice) and log in again", fix);
    }

    [Fact]
    public void A_user_added_to_the_group_after_logging_in_is_told_to_log_in_again()
    {
        var fix = AccessClassifier.FixFor(Access("660", listed: true), Errno.EACCES, needsWrite: false);
        Assert.Contains("log out and in again", fix);
        Assert.Contains("newgrp input", fix);
    }

    [Fact]
    public void A_root_only_node_needs_the_udev_rules_not_a_group()
    {
        var fix = AccessClassifier.FixFor(Access("600", gid: 0, group: "root"), Errno.EACCES, needsWrite: false);
        Assert.Contains("no group may read", fix);
        Assert.Contains("rw-------", fix);
        Assert.Contains("udev", fix);
        Assert.DoesNotContain("usermod -aG root", fix);
    }

    [Fact]
    public void Writing_needs_group_write_too()
    {
        // Readable by the group but not writable: joining the group would not help uinput.
        var fix = AccessClassifier.FixFor(Access("640", group: "uinput", gid: 105), Errno.EACCES, needsWrite: true);
        Assert.Contains("no group may read and write", fix);
    }

    [Fact]
    public void Refused_despite_the_group_points_at_a_security_module_or_acl()
    {
        Assert.Contains("security module", AccessClassifier.FixFor(Access("660", inGroup: true), Errno.EPERM, false));
        Assert.Contains("getfacl", AccessClassifier.FixFor(Access("660", inGroup: true, acl: true), Errno.EACCES, false));
    }

    [Theory]
    [InlineData("660", "rw-rw----")]
    [InlineData("600", "rw-------")]
    [InlineData("755", "rwxr-xr-x")]
    public void Mode_prints_like_ls(string mode, string expected) => Assert.Equal(expected, NodeAccess.FormatMode(Octal(mode)));
}
