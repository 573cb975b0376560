using System.Globalization;

namespace Remapper.Linux.Discovery;

/// <summary>
/// A capability bitmap as sysfs prints it (<c>capabilities/key</c>, <c>capabilities/ev</c>): hex words of one
/// <c>unsigned long</c> each (64 bits here), separated by spaces, most significant word first, leading zero
/// words left out. Malformed text gives an empty bitmap rather than an exception: a strange device is then
/// simply not a keyboard.
/// </summary>
public sealed class CapabilityBitmap
{
    public static readonly CapabilityBitmap Empty = new([]);

    // Word 0 holds bits 0–63.
    private readonly ulong[] _words;

    private CapabilityBitmap(ulong[] words) => _words = words;

    public static CapabilityBitmap FromWords(params ulong[] lowWordFirst) => new((ulong[])lowWordFirst.Clone());

    public static CapabilityBitmap Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var words = new ulong[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) part = part[2..];
            if (part.Length is 0 or > 16 ||
                !ulong.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
                return Empty;
            words[parts.Length - 1 - i] = word;
        }
        return new CapabilityBitmap(words);
    }

    /// <summary>From a kernel bitmap as EVIOCGBIT/EVIOCGKEY fill it: little-endian bytes, bit n in byte n/8.</summary>
    public static CapabilityBitmap FromBytes(ReadOnlySpan<byte> bytes)
    {
        var words = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++) words[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return new CapabilityBitmap(words);
    }

    public bool Has(int bit)
    {
        int word = bit >> 6;
        return bit >= 0 && word < _words.Length && (_words[word] & (1UL << (bit & 63))) != 0;
    }

    public bool IsEmpty
    {
        get
        {
            foreach (var w in _words) if (w != 0) return false;
            return true;
        }
    }

    public int Count
    {
        get
        {
            int n = 0;
            foreach (var w in _words) n += System.Numerics.BitOperations.PopCount(w);
            return n;
        }
    }

    /// <summary>Every set bit, lowest first (for uinput set-up and tests; not on the hot path).</summary>
    public IEnumerable<int> Bits()
    {
        for (int w = 0; w < _words.Length; w++)
            for (int b = 0; b < 64; b++)
                if ((_words[w] & (1UL << b)) != 0) yield return w * 64 + b;
    }
}
