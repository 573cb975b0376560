using Remapper.Cli.Commands;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;
using Remapper.Core.Tests.Cli;

namespace Remapper.Core.Tests.Cli;

/// <summary>Issue 13, item 8: `check` reads through the loader's bounded reader, so it and the daemon agree on what is too big.</summary>
public class CheckLimitsTests
{
    private static CliRun Check(string path)
    {
        // The real loader: what the daemon would say about the same file.
        var task = Task.Factory.StartNew(() => CliRun.Of(CheckCommand.Create(), "check", path), TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "check blocked"); // a hang guard, not a timing goal
        return task.Result;
    }

    [Fact]
    public void Check_of_dev_zero_is_exit_2_after_reading_at_most_the_limit()
    {
        if (!File.Exists("/dev/zero")) return;
        var run = Check("/dev/zero");
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("remapper check: cannot read '/dev/zero': this is a character device, not a regular file");
    }

    [Fact]
    public void A_file_the_daemon_finds_too_big_is_too_big_for_check()
    {
        using var dir = new TempDir();
        var path = dir.File("big.toml", "# " + new string('x', KeymapFileReader.MaxBytes) + "\n");
        var run = Check(path);
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("too big");
        Assert.Contains("too big", Assert.Single(KeymapLoader.LoadFile(path).Diagnostics).Message);
    }

    [Fact]
    public void Check_of_a_fifo_is_exit_2_not_a_hang()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "pipe.toml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])) mkfifo.WaitForExit();
        var run = Check(path);
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("FIFO");
    }
}
