namespace Remapper.Core.Tests.Keymap.Hostile;

/// <summary>Bytes allocated on this thread by a piece of work: a budget that holds on any machine, unlike a stopwatch.</summary>
internal static class Allocation
{
    public static (T Result, long Bytes) Measure<T>(Func<T> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = work();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public const long MiB = 1024 * 1024;

    /// <summary>Fails with the measured figure, so a regression says by how much.</summary>
    public static void AtMost(long bytes, long budget, string what) =>
        Assert.True(bytes <= budget, $"{what} allocated {bytes / (double)MiB:0.0} MiB; the budget is {budget / (double)MiB:0.0} MiB");
}
