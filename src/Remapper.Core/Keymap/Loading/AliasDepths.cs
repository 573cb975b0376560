namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// How deep each alias's chain of aliases goes, measured before any alias is resolved, so the depth limit does not
/// depend on which alias the resolver happens to meet first (resolved bottom-up, a 40-deep chain used to fit).
/// An alias is too deep when its longest chain has more than <see cref="ActionParser.MaxAliasDepth"/> aliases; the
/// error is at each alias that goes over while everything it uses still fits: the place a user would cut the chain.
/// The walk is iterative, so a generated chain of 100 000 aliases cannot overflow the stack.
/// </summary>
internal sealed class AliasDepths
{
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);

    public bool TooDeep(string name) => _depth.TryGetValue(name, out var d) && d > ActionParser.MaxAliasDepth;

    public static AliasDepths Measure(IReadOnlyDictionary<string, TomlEntry> aliases, DiagnosticBag diagnostics)
    {
        var result = new AliasDepths();
        var references = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, entry) in aliases)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            References(entry.Value, used, aliases);
            references[name] = [.. used];
        }

        // Depth-first, with an explicit stack. A name on the stack (depth 0 = in progress) met again is a cycle: the
        // resolver reports cycles, here it just counts as a leaf.
        var stack = new Stack<(string Name, int Next)>();
        foreach (var root in aliases.Keys)
        {
            if (result._depth.ContainsKey(root)) continue;
            result._depth[root] = 0;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (name, next) = stack.Pop();
                var used = references[name];
                if (next < used.Count)
                {
                    stack.Push((name, next + 1));
                    var child = used[next];
                    if (!result._depth.ContainsKey(child))
                    {
                        result._depth[child] = 0;
                        stack.Push((child, 0));
                    }
                    continue;
                }
                var deepest = 0;
                var deepestChild = 0;
                foreach (var child in used)
                {
                    var d = result._depth[child];
                    deepest = Math.Max(deepest, d);
                    if (d <= ActionParser.MaxAliasDepth) deepestChild = Math.Max(deepestChild, d);
                }
                var depth = deepest + 1;
                result._depth[name] = depth;
                // Over the limit here, while every alias it uses fits: this is where the chain went over.
                if (depth > ActionParser.MaxAliasDepth && deepestChild == deepest)
                    diagnostics.Error(aliases[name].Key.Location,
                        $"alias '@{MessageText.Short(name)}' refers to aliases more than {ActionParser.MaxAliasDepth} deep",
                        "aliases can refer to aliases, but not this deep; use the keys themselves somewhere in the chain");
            }
        }
        return result;
    }

    /// <summary>The aliases a value names, the way <see cref="ActionParser"/> reads them ("@x", "@x+shift", lists, tap-hold tables).</summary>
    private static void References(TomlNode node, HashSet<string> into, IReadOnlyDictionary<string, TomlEntry> aliases)
    {
        switch (node)
        {
            case TomlString s:
                var text = s.Value.Trim();
                if (text.Length == 0) return;
                if (text[0] == '@' && !text.Contains('+')) Add(text[1..], into, aliases);
                else if (text.IndexOf('(') > 0 && !text.Contains('+')) return; // layer(x), set(x, 1): no alias
                else
                    foreach (var part in text.Split('+'))
                        if (part.Trim() is ['@', ..] named) Add(named[1..], into, aliases);
                return;
            case TomlArray array:
                // Nesting is bounded by NestingGuard, so this recursion is too.
                foreach (var item in array.Items) References(item, into, aliases);
                return;
            case TomlTable table:
                foreach (var entry in table.Entries) References(entry.Value, into, aliases);
                return;
        }
    }

    private static void Add(string name, HashSet<string> into, IReadOnlyDictionary<string, TomlEntry> aliases)
    {
        if (aliases.ContainsKey(name)) into.Add(name);
    }
}
