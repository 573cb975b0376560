using System.Text;

namespace Remapper.Fuzz;

/// <summary>
/// Our own mutational fuzzer's mutations: NOT coverage-guided (it never learns which inputs reach new code; afl-fuzz
/// through SharpFuzz does that, see docs/fuzzing.md). It makes up for it with the format's own tokens and with the
/// shapes that found real bugs here: repeating a piece many times (nesting, doubling aliases), splicing two seeds,
/// and cutting a line in the middle of a string. Deterministic for a given seed, so any finding can be replayed.
/// </summary>
public sealed class Mutator(FuzzTarget target, IReadOnlyList<byte[]> seeds, int seed)
{
    private readonly Random _random = new(seed);
    private readonly byte[][] _tokens = [.. target.Tokens.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Largest input produced: past the keymap size limit the reader refuses without parsing.</summary>
    public const int MaxInput = 256 * 1024;

    public byte[] Next()
    {
        var input = new List<byte>(seeds.Count > 0 ? seeds[_random.Next(seeds.Count)] : []);
        var rounds = 1 + _random.Next(6);
        for (var i = 0; i < rounds; i++) Mutate(input);
        if (input.Count > MaxInput) input.RemoveRange(MaxInput, input.Count - MaxInput);
        return [.. input];
    }

    private void Mutate(List<byte> b)
    {
        var at = b.Count == 0 ? 0 : _random.Next(b.Count + 1);
        switch (_random.Next(10))
        {
            case 0 when b.Count > 0: // flip a bit
                b[Math.Min(at, b.Count - 1)] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when b.Count > 0: // an interesting byte
                b[Math.Min(at, b.Count - 1)] = Interesting[_random.Next(Interesting.Length)];
                break;
            case 2 when b.Count > 0: // delete a span
                var length = Math.Min(b.Count - Math.Min(at, b.Count - 1), 1 + _random.Next(32));
                b.RemoveRange(Math.Min(at, b.Count - 1), length);
                break;
            case 3 when b.Count > 0: // duplicate a span
                var start = _random.Next(b.Count);
                var span = b.GetRange(start, Math.Min(b.Count - start, 1 + _random.Next(64)));
                b.InsertRange(at, span);
                break;
            case 4: // repeat a token or a span many times: nesting, doubling, walls of '+'
                var piece = _random.Next(2) == 0 || b.Count == 0 ? _tokens[_random.Next(_tokens.Length)] : [.. b.GetRange(_random.Next(b.Count), 1)];
                var times = 1 << _random.Next(12);
                for (var i = 0; i < times && b.Count < MaxInput; i++) b.InsertRange(at, piece);
                break;
            case 5 when seeds.Count > 1: // splice another seed in
                var other = seeds[_random.Next(seeds.Count)];
                var from = _random.Next(other.Length + 1);
                b.InsertRange(at, other.Skip(from).Take(1 + _random.Next(256)));
                break;
            case 6: // cut a line: a newline where a string or a table was open
                b.Insert(at, (byte)'\n');
                break;
            default: // a token of the format
                b.InsertRange(at, _tokens[_random.Next(_tokens.Length)]);
                break;
        }
    }

    private static readonly byte[] Interesting = [0, 0x7f, 0x80, 0xff, 0xc3, 0xe2, 0xf0, (byte)'"', (byte)'\'', (byte)'[', (byte)'{',
        (byte)'\n', (byte)'\r', (byte)'\t', (byte)'\\', (byte)'@', (byte)'+', (byte)'=', (byte)'#', (byte)'0', (byte)'9'];
}
