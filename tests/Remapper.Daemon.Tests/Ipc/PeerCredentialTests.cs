using System.Diagnostics;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Ipc;

/// <summary>
/// SO_PEERCRED for real: a client process run as another user (setpriv) may read status but not change the daemon
/// unless it is in the socket's group.
/// </summary>
public sealed class PeerCredentialTests
{
    private const uint TrustedGroup = 4242;
    private const int Nobody = 65534;

    [Fact]
    public void The_policy_allows_root_the_daemons_user_and_the_trusted_group_only()
    {
        var policy = new IpcAccessPolicy(1000, TrustedGroup);
        Assert.True(policy.MayChange(new PeerCredentials(1, 0, 0, [])));
        Assert.True(policy.MayChange(new PeerCredentials(1, 1000, 1000, [])));
        Assert.True(policy.MayChange(new PeerCredentials(1, 1001, 1001, [27, TrustedGroup])));
        Assert.True(policy.MayChange(new PeerCredentials(1, 1001, TrustedGroup, [])));
        Assert.False(policy.MayChange(new PeerCredentials(1, 1001, 1001, [27])));
        Assert.False(policy.MayChange(null));
        Assert.False(new IpcAccessPolicy(1000, null).MayChange(new PeerCredentials(1, 1001, 1001, [TrustedGroup])));
    }

    [Fact]
    public async Task Our_own_credentials_are_read_from_the_socket()
    {
        await using var daemon = InProcessDaemon.Start();
        {
            using var client = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            client.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(daemon.SocketPath));
            var peer = PeerCredentials.Of(client);
            Assert.NotNull(peer);
            Assert.Equal(Environment.ProcessId, peer.Pid);
            Assert.Equal(Native.geteuid(), peer.Uid);
        }
    }

    [Fact]
    public async Task Another_user_may_read_status_but_may_change_the_daemon_only_from_the_sockets_group()
    {
        if (Native.geteuid() != 0 || !File.Exists("/usr/bin/setpriv") || !File.Exists("/usr/bin/python3"))
        {
            // Needs root to become another user; the policy test above covers the decision itself.
            Assert.True(Native.geteuid() != 0 || !File.Exists("/usr/bin/setpriv") || !File.Exists("/usr/bin/python3"));
            return;
        }
        await using var daemon = InProcessDaemon.Start(new IpcAccessPolicy(Native.geteuid(), TrustedGroup), socketGroup: TrustedGroup);
        File.SetUnixFileMode(daemon.Dir.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        Assert.Equal((UnixFileMode)Convert.ToInt32("660", 8), File.GetUnixFileMode(daemon.SocketPath));

        // Outside the group the socket's mode keeps the client out entirely...
        Assert.Contains("Permission denied", AsUser(daemon.SocketPath, groups: null, "status"));

        // ...and with the mode opened up, SO_PEERCRED still refuses mutation.
        File.SetUnixFileMode(daemon.SocketPath, (UnixFileMode)Convert.ToInt32("666", 8));
        Assert.Contains("\"ok\":true", AsUser(daemon.SocketPath, groups: null, "status"));
        var denied = AsUser(daemon.SocketPath, groups: null, "pause");
        Assert.Contains("permission_denied", denied);
        Assert.Contains($"uid {Nobody}", denied);

        Assert.Contains("\"paused\":true", AsUser(daemon.SocketPath, groups: TrustedGroup, "pause"));
    }

    private static string AsUser(string socket, uint? groups, string command)
    {
        const string script = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(sys.argv[1])
            except OSError as e:
                print(e.strerror); sys.exit(0)
            s.sendall(('{"v":1,"id":1,"cmd":"%s"}\n' % sys.argv[2]).encode())
            print(s.makefile().readline().strip())
            """;
        var start = new ProcessStartInfo("/usr/bin/setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}" }) start.ArgumentList.Add(arg);
        if (groups is { } g) start.ArgumentList.Add($"--groups={g}");
        else start.ArgumentList.Add("--clear-groups");
        foreach (var arg in new[] { "/usr/bin/python3", "-c", script, socket, command }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(10_000));
        return output;
    }
}
