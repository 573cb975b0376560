using System.Globalization;

namespace Remapper.Core.Testing;

/// <summary>Durations and instants as tests write them (<c>50ms</c>, <c>1.5s</c>, <c>250us</c>), in microseconds.</summary>
public static class KeyTestTime
{
    public static bool TryParse(string text, out long microseconds)
    {
        microseconds = 0;
        long scale;
        string number;
        if (text.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) { scale = 1_000; number = text[..^2]; }
        else if (text.EndsWith("us", StringComparison.OrdinalIgnoreCase)) { scale = 1; number = text[..^2]; }
        else if (text.EndsWith('s') || text.EndsWith('S')) { scale = 1_000_000; number = text[..^1]; }
        else return false;

        if (number.Length == 0 || number[0] is '+' or '-') return false;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        // Compare before multiplying: a number near decimal's limit (found by afl-fuzz) overflows the product itself.
        if (value > 86_400_000_000m / scale) return false;
        var us = value * scale;
        // A day is far more than any test needs; the bound keeps the arithmetic safe from overflow.
        if (us != decimal.Truncate(us) || us > 86_400_000_000m) return false;
        microseconds = (long)us;
        return true;
    }

    /// <summary><c>200ms</c> when whole milliseconds, <c>200250us</c> otherwise.</summary>
    public static string Format(long microseconds) =>
        microseconds % 1000 == 0
            ? (microseconds / 1000).ToString(CultureInfo.InvariantCulture) + "ms"
            : microseconds.ToString(CultureInfo.InvariantCulture) + "us";
}
