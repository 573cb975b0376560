using System.Diagnostics;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Tests.Keymap.Hostile;

/// <summary>
/// Issue 13, items 1 and 8: a keymap (or an include) that is a FIFO, a device or far too big is refused at once.
/// Opening a FIFO used to wait for a writer forever; here each load runs on a worker and a test that does not finish
/// in 30 s fails instead of hanging the suite (a guard against a hang, not a timing goal).
/// </summary>
public sealed class NonRegularFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static T WithoutHanging<T>(Func<T> work)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the load blocked");
        return task.Result;
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(_dir.Path, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public void An_include_that_is_a_fifo_is_an_error_at_the_include_not_a_hang()
    {
        if (!OperatingSystem.IsLinux()) return;
        Fifo("pipe.toml");
        var main = _dir.Write("main.toml", "version = 1\ninclude = [\"pipe.toml\"]\n[remap]\na = \"b\"\n");
        var result = WithoutHanging(() => KeymapLoader.LoadFile(main));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((2, 12), (error.Location.Line, error.Location.Column));
        Assert.Contains("FIFO", error.Message);
        Assert.Contains("only regular files are read", error.Message);
    }

    [Fact]
    public void A_keymap_that_is_a_fifo_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        var pipe = Fifo("config.toml");
        var result = WithoutHanging(() => KeymapLoader.LoadFile(pipe));
        Assert.Contains("FIFO", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    [InlineData("/dev/null", "character device")]
    [InlineData("/dev/zero", "character device")]
    [InlineData("/dev/stdin", "")]
    public void Devices_and_stdin_are_refused_without_reading(string device, string kind)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(device)) return;
        var main = _dir.Write("main.toml", $"include = [\"{device}\"]\n");
        var result = WithoutHanging(() => KeymapLoader.LoadFile(main));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains($"cannot include '{device}'", error.Message);
        // Whatever the test runner's stdin is (a pipe, a terminal, /dev/null), it is not a regular file.
        Assert.Contains("not a regular file", error.Message);
        Assert.Contains(kind, error.Message);
    }

    [Fact]
    public void A_directory_is_still_named_as_one()
    {
        var result = KeymapLoader.LoadFile(_dir.Path);
        Assert.Contains("this is a directory", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void One_byte_past_the_limit_is_too_big_and_the_limit_itself_is_not()
    {
        var atLimit = _dir.Write("at.toml", "#" + new string('x', KeymapFileReader.MaxBytes - 2) + "\n");
        var past = _dir.Write("past.toml", "#" + new string('x', KeymapFileReader.MaxBytes - 1) + "\n");
        Assert.True(KeymapLoader.LoadFile(atLimit).Success);
        Assert.Contains("too big", Assert.Single(KeymapLoader.LoadFile(past).Diagnostics).Message);
    }
}
