using System.Globalization;
using Remapper.E2E.Harness;

namespace Remapper.LatencyRunner;

/// <summary>
/// Reads a binary once into the guest's page cache before the measured starts, and says how long that took: the
/// floors run from the driver's own binary, which is always in memory, so without this only Remapper's first start
/// would pay for the 9p share (a cost of the harness's file system, not of the daemon).
/// </summary>
internal static class PageCacheWarmup
{
    public static async Task<string> ReadAsync(Guest guest, string binary)
    {
        // /proc/uptime has 10 ms resolution, enough for a read that takes seconds.
        GuestResult result = await guest.RunAsync(
            $"read a _ < /proc/uptime; cat '{binary}' > /dev/null || exit 1; read b _ < /proc/uptime; echo \"binary-read $a $b\"",
            TimeSpan.FromMinutes(5));
        string? line = result.Lines.FirstOrDefault(l => l.StartsWith("binary-read ", StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"reading {binary} in the guest failed:\n{result.Output}");
        }
        string[] words = line.Split(' ');
        double seconds = double.Parse(words[2], CultureInfo.InvariantCulture) - double.Parse(words[1], CultureInfo.InvariantCulture);
        double mb = new FileInfo(binary).Length / 1048576.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"Before round 1 the guest read Remapper's binary once into its page cache ({mb:0.0} MB over 9p in {seconds * 1000:0} ms); the floors' binary is the driver's, in memory already. Every start below is from memory.");
    }
}
