using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// What the zero-allocation tests share: an output that only counts, a typing script turned into timed events, and
/// the loop that replays a pattern over and over (timers fired on time) and measures what it allocated.
/// </summary>
internal static class AllocationDrive
{
    internal sealed class CountingOutput : IKeyOutput
    {
        public int Changes;
        public void Send(Usage usage, bool down) => Changes++;
    }

    /// <summary>Each step waits its gap, then presses or releases its key on <paramref name="device"/>.</summary>
    public static KeyEvent[] Events(int device, (Usage Key, bool Down, int GapMs)[] script)
    {
        var events = new KeyEvent[script.Length];
        long t = 0;
        for (int i = 0; i < script.Length; i++)
        {
            t += script[i].GapMs * 1000L;
            events[i] = new KeyEvent(device, script[i].Key, script[i].Down, t);
        }
        return events;
    }

    /// <summary>
    /// The zero-allocation test of a feature: <paramref name="keymap"/> (TOML) on one keyboard, its
    /// <paramref name="pattern"/> replayed for <paramref name="events"/> events, nothing allocated, and at least
    /// <paramref name="minChanges"/> output changes (so the pattern really typed through the feature).
    /// </summary>
    public static void AssertTypingAllocatesNothing(string keymap, Func<int, KeyEvent[]> pattern, int events, int minChanges)
    {
        var output = new CountingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(KeymapAssert.Valid(keymap)), output);
        int device = engine.AttachDevice(new KeyboardIdentity("usb", "kb", DeviceBus.Usb, 1, 1));
        long allocated = BytesAllocated(engine, pattern(device), events);

        Assert.Equal(0, allocated);
        Assert.True(output.Changes > minChanges, $"the pattern should type a lot, got {output.Changes} changes");
    }

    /// <summary>
    /// Replays <paramref name="pattern"/> (a second of quiet between rounds, each round later than the last) for fifty
    /// rounds of warm-up, then twice <paramref name="events"/> events, and returns the fewer bytes this thread allocated
    /// in one of the two: an allocation per event shows in both, the runtime's rare one-off KiB on the thread does not.
    /// </summary>
    public static long BytesAllocated(RemapEngine engine, KeyEvent[] pattern, int events)
    {
        long span = pattern[^1].TimeUs + 1000_000;
        long offset = -span;
        void Drive(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var e = pattern[i % pattern.Length];
                if (i % pattern.Length == 0)
                {
                    offset += span;
                    engine.Advance(offset);
                }
                if (engine.NextDeadlineUs <= e.TimeUs + offset) engine.Advance(e.TimeUs + offset);
                engine.Process(e with { TimeUs = e.TimeUs + offset });
            }
        }
        long Measure()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Drive(events);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Drive(pattern.Length * 50); // warm-up: JIT, tiering, dictionary caches
        long first = Measure();
        return Math.Min(first, Measure());
    }
}
