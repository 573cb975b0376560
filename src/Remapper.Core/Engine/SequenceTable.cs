using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

/// <summary>What a lookup of typed codes finds in the <see cref="SequenceTable"/>.</summary>
internal enum SequenceLookup
{
    /// <summary>No sequence starts with these codes.</summary>
    None,
    /// <summary>Some sequence starts with them and goes on.</summary>
    Prefix,
    /// <summary>A sequence is exactly these codes.</summary>
    Match,
}

/// <summary>
/// The compiled <c>[sequences]</c>: every path (a together-group gives one per order) with the action it taps. Built
/// at compile time; a lookup compares arrays and allocates nothing. No path starts another (the loader refuses that).
/// </summary>
internal sealed class SequenceTable(ulong[][] paths, KeyAction[] actions)
{
    public static readonly SequenceTable Empty = new([], []);

    private readonly ulong[][] _paths = paths;
    private readonly KeyAction[] _actions = actions;

    public int Count => _paths.Length;

    public KeyAction ActionAt(int path) => _actions[path];

    public ulong[] PathAt(int path) => _paths[path];

    public SequenceLookup Find(ulong[] codes, int length, out int path)
    {
        path = -1;
        var lookup = SequenceLookup.None;
        for (int p = 0; p < _paths.Length; p++)
        {
            var candidate = _paths[p];
            if (candidate.Length < length) continue;
            int i = 0;
            while (i < length && candidate[i] == codes[i]) i++;
            if (i < length) continue;
            if (candidate.Length == length)
            {
                path = p;
                return SequenceLookup.Match;
            }
            lookup = SequenceLookup.Prefix;
        }
        return lookup;
    }
}
