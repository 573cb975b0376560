using System.Diagnostics;
using Remapper.Daemon.Tests.Fakes;
using Remapper.Daemon.Tests.Ipc;
using Xunit.Abstractions;

namespace Remapper.Daemon.Tests.Cli;

/// <summary>
/// A daemon runs, but its socket is not open to the user who asks (a system daemon whose group they have not joined):
/// `remapper status` must say exactly that, with the fix, and must not claim that no daemon is running (exit 3).
/// The kernel only refuses a connect for another user, so the CLI runs as nobody (setpriv), which needs root.
/// </summary>
public class SocketNotOpenToYouTests(ITestOutputHelper output)
{
    private const int Nobody = 65534;

    [Fact]
    public async Task Status_says_a_daemon_runs_but_you_may_not_talk_to_it()
    {
        if (!StrangerClients.RunAsRoot || !File.Exists("/usr/bin/setpriv"))
        {
            output.WriteLine("SKIPPED: needs root and setpriv to ask as another user");
            return;
        }
        await using var daemon = InProcessDaemon.Start();
        // The folder may be entered by anyone, the socket itself is the owner's only: connect() fails with EACCES.
        File.SetUnixFileMode(Path.GetDirectoryName(daemon.SocketPath)!, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(daemon.SocketPath, (UnixFileMode)Convert.ToInt32("600", 8));

        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups",
                     Path.Combine(AppContext.BaseDirectory, "remapper"), "status", "--socket", daemon.SocketPath })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine($"exit {process.ExitCode}: {text}");

        Assert.Contains("a daemon is running but you may not talk to it", text);
        Assert.Contains("usermod -aG remapper", text);
        Assert.DoesNotContain("not running", text);
        Assert.NotEqual(3, process.ExitCode); // 3 means "no daemon running"
        Assert.NotEqual(0, process.ExitCode);
    }
}
