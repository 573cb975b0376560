namespace Remapper.E2E.Guest.Latency;

/// <summary>Percentiles of a set of latencies in microseconds, by the nearest-rank method (no interpolation: every value reported was measured).</summary>
public sealed class LatencyStats
{
    private readonly long[] _sorted;

    public LatencyStats(IEnumerable<long> microseconds)
    {
        _sorted = microseconds.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public long Max => _sorted.Length == 0 ? 0 : _sorted[^1];

    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it; 0 when empty.</summary>
    public long Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return 0;
        }
        int rank = (int)Math.Ceiling(percent / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
