using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>
/// Runs one profiling command in the guest that writes its capture to a file of the exchange share, echoes what it
/// printed, and fails the measurement (with that output) when the command failed or wrote nothing.
/// </summary>
internal static class GuestCapture
{
    public static async Task<(GuestResult Result, string Path)> RunAsync(Guest guest, string what, string command, string file, TimeSpan timeout)
    {
        Console.WriteLine($"== {what}: {command}");
        GuestResult result = await guest.RunAsync(command, timeout);
        Console.WriteLine(result.Output);
        string path = Path.Combine(guest.ExchangeDir, file);
        if (result.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}):\n{result.Output}");
        }
        return (result, path);
    }
}
