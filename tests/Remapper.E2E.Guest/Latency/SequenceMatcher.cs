namespace Remapper.E2E.Guest.Latency;

/// <summary>One key change: an evdev code and 1 (down) or 0 (up).</summary>
public readonly record struct KeyChange(int Code, int Value);

/// <summary>An output the driver expects, and the index of the write whose stamp its latency is measured from.</summary>
public readonly record struct ExpectedOutput(KeyChange Change, int FromWrite);

/// <summary>An output event as the reader saw it, stamped by the kernel (CLOCK_MONOTONIC, µs).</summary>
public readonly record struct ObservedOutput(KeyChange Change, long TimeMicros);

/// <summary>What came out compared with what should have: latencies of the matched events and every kind of fault.</summary>
public sealed record MatchResult(List<long> LatenciesMicros, int Lost, int Duplicated, int Reordered, int Unexpected);

/// <summary>
/// Lines the observed output up with the expected sequence. Outputs normally arrive in order, so matching walks
/// both in step; an output that belongs further ahead (within a small window) is counted reordered, one equal to
/// an already matched output just behind is duplicated, anything else unexpected; expected outputs never seen are lost.
/// </summary>
public static class SequenceMatcher
{
    private const int Window = 64;

    public static MatchResult Match(IReadOnlyList<ExpectedOutput> expected, IReadOnlyList<long> writeStampsMicros, IReadOnlyList<ObservedOutput> observed)
    {
        var matched = new bool[expected.Count];
        var latencies = new List<long>(expected.Count);
        int next = 0, duplicated = 0, reordered = 0, unexpected = 0;
        foreach (ObservedOutput o in observed)
        {
            while (next < expected.Count && matched[next])
            {
                next++;
            }
            if (next < expected.Count && expected[next].Change == o.Change)
            {
                matched[next] = true;
                latencies.Add(o.TimeMicros - writeStampsMicros[expected[next].FromWrite]);
                continue;
            }
            int ahead = FindUnmatched(expected, matched, o.Change, next + 1, Math.Min(expected.Count, next + Window));
            if (ahead >= 0)
            {
                matched[ahead] = true;
                reordered++;
                continue;
            }
            if (FindMatchedBehind(expected, matched, o.Change, next))
            {
                duplicated++;
            }
            else
            {
                unexpected++;
            }
        }
        int lost = matched.Count(m => !m);
        return new MatchResult(latencies, lost, duplicated, reordered, unexpected);
    }

    private static int FindUnmatched(IReadOnlyList<ExpectedOutput> expected, bool[] matched, KeyChange change, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!matched[i] && expected[i].Change == change)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool FindMatchedBehind(IReadOnlyList<ExpectedOutput> expected, bool[] matched, KeyChange change, int next)
    {
        for (int i = next - 1; i >= Math.Max(0, next - Window); i--)
        {
            if (matched[i] && expected[i].Change == change)
            {
                return true;
            }
        }
        return false;
    }
}
