using System.Globalization;

namespace Remapper.E2E.Harness;

/// <summary>Boot and scenario durations, appended to logs/timings.log: the numbers docs/e2e.md quotes come from here.</summary>
internal static class E2ETimings
{
    private static readonly object Gate = new();

    public static void Record(string what, TimeSpan elapsed)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} {elapsed.TotalSeconds,7:0.0} s  {what}");
        lock (Gate)
        {
            try
            {
                string dir = Path.Combine(E2EPaths.BuildRoot, "logs");
                Directory.CreateDirectory(dir);
                File.AppendAllText(Path.Combine(dir, "timings.log"), line + Environment.NewLine);
            }
            catch (IOException)
            {
            }
        }
    }
}
