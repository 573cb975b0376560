using Remapper.Core.Hid;
using Remapper.Backend.Monitor;

namespace Remapper.Daemon.Tests.Monitor;

public sealed class MonitorRingTests
{
    private static MonitorEvent Event(long i) =>
        new(i, (int)i, new Usage(UsagePages.Keyboard, (ushort)i), (i & 1) == 0, (i & 2) == 0 ? MonitorDirection.Input : MonitorDirection.Output);

    [Fact]
    public void A_reader_sees_every_event_written_after_it_opened_in_order()
    {
        var ring = new MonitorRing(16);
        ring.Write(Event(-1)); // before the cursor: not part of this reader's stream
        var cursor = ring.OpenCursor();
        for (int i = 0; i < 10; i++) ring.Write(Event(i));
        var into = new MonitorEvent[32];
        int n = cursor.Poll(into, out var dropped);
        Assert.Equal((10, 0L), (n, dropped));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => Event(i)), into.Take(n));
        Assert.Equal(0, cursor.Poll(into, out _));
    }

    [Fact]
    public void A_reader_that_falls_more_than_a_ring_behind_gets_the_newest_events_and_the_count_it_missed()
    {
        var ring = new MonitorRing(8);
        var cursor = ring.OpenCursor();
        for (int i = 0; i < 20; i++) ring.Write(Event(i));
        var into = new MonitorEvent[32];
        int n = cursor.Poll(into, out var dropped);
        Assert.Equal(8, n);
        Assert.Equal(12, dropped);
        Assert.Equal(Enumerable.Range(12, 8).Select(i => Event(i)), into.Take(n));
    }

    [Fact]
    public void Writing_allocates_nothing()
    {
        var ring = new MonitorRing(64);
        ring.WriteInput(0, 0, Usages.Escape, true);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            ring.WriteInput(i, 1, Usages.Escape, true);
            ring.WriteOutput(i, Usages.Escape, false);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Concurrent_readers_never_see_a_torn_or_reordered_event_and_account_for_every_one()
    {
        const int total = 2_000_000;
        var ring = new MonitorRing(256);
        var cursors = Enumerable.Range(0, 3).Select(_ => ring.OpenCursor()).ToArray();
        var producer = new Thread(() =>
        {
            for (long i = 0; i < total; i++) ring.Write(Event(i));
        });
        var results = new (long Read, long Dropped, string? Problem)[cursors.Length];
        var readers = cursors.Select((cursor, r) => new Thread(() =>
        {
            var into = new MonitorEvent[64];
            long read = 0, dropped = 0, last = -1;
            while (read + dropped < total)
            {
                int n = cursor.Poll(into, out var d);
                dropped += d;
                for (int i = 0; i < n; i++)
                {
                    var e = into[i];
                    if (e != Event(e.TimeUs) || e.TimeUs <= last)
                    {
                        results[r] = (read, dropped, $"event {e} after {last}");
                        return;
                    }
                    last = e.TimeUs;
                }
                read += n;
                if (n == 0) Thread.Yield();
            }
            results[r] = (read, dropped, null);
        })).ToArray();
        foreach (var t in readers) t.Start();
        producer.Start();
        producer.Join();
        foreach (var t in readers) Assert.True(t.Join(TimeSpan.FromSeconds(30)), "a reader lost track of the stream");
        foreach (var (read, dropped, problem) in results)
        {
            Assert.Null(problem);
            Assert.Equal(total, read + dropped);
            Assert.True(read > 0);
        }
    }
}
