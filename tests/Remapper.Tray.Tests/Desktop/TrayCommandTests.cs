using System.Diagnostics;

namespace Remapper.Tray.Tests.Desktop;

/// <summary>`remapper tray` where it cannot show anything: one clear sentence and exit code 2, never a stack trace.</summary>
public class TrayCommandTests
{
    private static (int Exit, string Output) RunRemapper(params string[] args)
    {
        var info = new ProcessStartInfo(Remapper.Tray.Actions.ProcessLauncher.FindInPath("dotnet") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "remapper.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("DISPLAY");
        info.Environment.Remove("WAYLAND_DISPLAY");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30000), "remapper tray did not exit");
        return (process.ExitCode, stdout.Result + stderr);
    }

    [Fact]
    public void Without_a_display_it_says_so_and_exits_2()
    {
        var (exit, output) = RunRemapper("tray", "--socket", "/nonexistent/remapper.sock");

        Assert.Equal(2, exit);
        // Either GTK is installed and there is no display, or the libraries are missing and the package is named.
        Assert.Matches("remapper tray: (cannot open the display: .*DISPLAY|cannot load .*: install .*libayatana-appindicator3-1)", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Help_names_the_socket_option()
    {
        var (exit, output) = RunRemapper("tray", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--socket", output);
    }
}
