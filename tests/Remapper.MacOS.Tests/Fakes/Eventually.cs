namespace Remapper.MacOS.Tests.Fakes;

/// <summary>Waits for something another thread does (a socket, a loop). The limit only bounds a failing test; nothing is timed.</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, string what, int limitMs = 10_000)
    {
        long end = Environment.TickCount64 + limitMs;
        while (!condition())
        {
            if (Environment.TickCount64 > end) Assert.Fail($"never happened: {what}");
            Thread.Sleep(10);
        }
    }
}
