using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class UserAccountsTests : IDisposable
{
    private readonly FakeSystem _sys = new();
    public void Dispose() => _sys.Dispose();

    [Fact]
    public void Reads_names_members_and_primary_groups()
    {
        var accounts = new UserAccounts(_sys.Etc);
        Assert.Equal("alice", accounts.UserName(1000));
        Assert.Equal("input", accounts.GroupName(104));
        Assert.Equal("999", accounts.GroupName(999));
        Assert.True(accounts.IsListedInGroup(1001, 104));  // bob is a member of input
        Assert.False(accounts.IsListedInGroup(1000, 104)); // alice is not
        Assert.True(accounts.IsListedInGroup(1000, 1000)); // primary group
    }

    [Fact]
    public void Missing_files_give_numbers_not_exceptions()
    {
        var accounts = new UserAccounts(Path.Combine(_sys.Root, "none"));
        Assert.Equal("1000", accounts.UserName(1000));
        Assert.False(accounts.IsListedInGroup(1000, 104));
    }

    [Fact]
    public void Process_credentials_include_primary_and_supplementary_groups()
    {
        var creds = new ProcessCredentials(1000, 1000, [104, 27]);
        Assert.True(creds.HasGroup(1000));
        Assert.True(creds.HasGroup(104));
        Assert.False(creds.HasGroup(105));
    }
}
