using Remapper.Daemon.Hosting;

namespace Remapper.Daemon.Tests.Hosting;

/// <summary>`remapper run` keeps the program's one set of exit codes: 2 for what the user can fix, 70 for a bug — never 3.</summary>
public sealed class RunExitCodeTests
{
    [Fact]
    public async Task An_internal_error_exits_70_with_one_line_not_a_stack_trace()
    {
        using var dir = new TempDir();
        var error = new StringWriter();
        var exit = await RemapperDaemon.RunAsync(new DaemonOptions(ConfigPath: dir.File("none.toml"), SocketPath: dir.File("s.sock")),
            (_, _, _) => throw new InvalidOperationException("the loop broke\nacross two lines"), error: error);

        Assert.Equal(ExitCodes.InternalError, exit);
        var text = error.ToString().TrimEnd();
        Assert.Equal("remapper run: internal error: InvalidOperationException: the loop broke across two lines", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task A_startup_failure_the_user_can_fix_exits_2_with_its_message()
    {
        using var dir = new TempDir();
        var error = new StringWriter();
        var exit = await RemapperDaemon.RunAsync(new DaemonOptions(ConfigPath: dir.File("none.toml"), SocketPath: dir.File("s.sock")),
            (_, _, _) => throw new UnauthorizedAccessException("/dev/uhid: permission denied"), error: error);

        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Equal("remapper run: /dev/uhid: permission denied", error.ToString().TrimEnd());
    }

    [Fact]
    public void Log_file_writes_to_exactly_the_path_given()
    {
        using var dir = new TempDir();
        var path = dir.File("remapper.log");
        using (var logger = DaemonLogging.Create(new DaemonOptions(LogFile: path), _ => null, stderrIsTerminal: false))
            logger.Information("hello from the test");
        Assert.Contains("hello from the test", File.ReadAllText(path));
        Assert.Equal(["remapper.log"], Directory.EnumerateFiles(dir.Path).Select(Path.GetFileName));
    }
}
