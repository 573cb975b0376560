using System.ComponentModel;
using System.Diagnostics;

namespace Remapper.Tray.Actions;

/// <summary>Starts the helper programs the tray hands work to (xdg-open, a terminal, notify-send).</summary>
public static class ProcessLauncher
{
    /// <summary>The full path of <paramref name="name"/> on $PATH, or null when it is not installed.</summary>
    public static string? FindInPath(string name, string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
                return candidate;
        }
        return null;
    }

    /// <summary>Starts a program without waiting for it; false with <paramref name="problem"/> when it could not start.</summary>
    public static bool Start(string fileName, IEnumerable<string> arguments, out string problem)
    {
        problem = "";
        try
        {
            var info = new ProcessStartInfo(fileName) { UseShellExecute = false };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info);
            return true;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            problem = $"cannot start {fileName}: {e.Message}";
            return false;
        }
    }

    /// <summary>Runs a program to completion (bounded) and returns what it printed, errors included.</summary>
    public static string Capture(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        try
        {
            var info = new ProcessStartInfo(fileName)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info) ?? throw new InvalidOperationException("no process");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return $"{fileName} did not finish within {timeout.TotalSeconds:0} s";
            }
            return (output.Result + error.Result).TrimEnd();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return $"cannot run {fileName}: {e.Message}";
        }
    }
}
