using System.Globalization;

namespace Remapper.E2E.Harness;

/// <summary>
/// Progress of the slow set-up steps (installing packages, publishing, booting). Goes to stderr and to
/// <c>harness.log</c> in the build directory, because the test runner shows neither a fixture's output nor
/// anything said during discovery.
/// </summary>
internal static class HarnessLog
{
    private static readonly object Gate = new();

    public static string FilePath => Path.Combine(E2EPaths.BuildRoot, "harness.log");

    public static void Write(string message)
    {
        string line = $"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} e2e: {message}";
        lock (Gate)
        {
            Console.Error.WriteLine(line);
            try
            {
                Directory.CreateDirectory(E2EPaths.BuildRoot);
                File.AppendAllText(FilePath, line + Environment.NewLine);
            }
            catch (IOException)
            {
                // A log that cannot be written must not fail a test.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
