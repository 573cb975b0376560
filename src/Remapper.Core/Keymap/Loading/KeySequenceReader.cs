using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// <c>[sequences]</c> → <see cref="KeySequenceModel"/>s. Each key is the keys typed after <c>leader()</c>, separated by
/// spaces: a key or chord (<c>g</c>, <c>shift+h</c>), modifiers held over several keys (<c>shift+(h s)</c>), or keys
/// pressed together in any order (<c>(a b)</c>); <c>nop0</c>…<c>nop9</c> are keys that type nothing. Each value is
/// the action tapped when the sequence is typed. One sequence may not start another (<c>g s</c> and <c>g s t</c>).
/// </summary>
internal sealed class KeySequenceReader(DiagnosticBag diagnostics, ActionParser actions)
{
    public const int MaxKeys = 32;

    public List<KeySequenceModel> Read(IEnumerable<TomlEntry> entries)
    {
        var sequences = new List<KeySequenceModel>();
        var paths = new List<(ulong[] Path, KeySequenceModel Owner)>();
        foreach (var entry in entries)
        {
            var steps = ReadSteps(entry.Key);
            var action = actions.Parse(entry.Value, ActionPlace.SequenceOutput);
            if (steps is null || action is null) continue;
            var sequence = new KeySequenceModel(entry.Key.Value, steps, action, entry.Key.Location);
            var own = sequence.Paths();
            var clash = false;
            foreach (var path in own)
            {
                foreach (var (other, owner) in paths)
                {
                    if (!StartsWith(path, other) && !StartsWith(other, path)) continue;
                    diagnostics.Error(entry.Key.Location,
                        $"the sequence '{MessageText.Short(entry.Key.Value)}' and '{MessageText.Short(owner.Text)}' at {owner.Location} start alike: one would always end before the other",
                        "make one of them longer, or different in its first keys");
                    clash = true;
                    break;
                }
                if (clash) break;
            }
            if (clash) continue;
            foreach (var path in own) paths.Add((path, sequence));
            sequences.Add(sequence);
        }
        return sequences;
    }

    private static bool StartsWith(ulong[] path, ulong[] prefix)
    {
        if (prefix.Length > path.Length) return false;
        for (int i = 0; i < prefix.Length; i++)
            if (path[i] != prefix[i]) return false;
        return true;
    }

    private List<SequenceStep>? ReadSteps(TomlString key)
    {
        var text = key.Value;
        var steps = new List<SequenceStep>();
        int keys = 0;
        int i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i >= text.Length) break;
            int start = i;
            // A step runs to the next space outside parentheses.
            int depth = 0;
            while (i < text.Length && (depth > 0 || text[i] != ' '))
            {
                if (text[i] == '(') depth++;
                else if (text[i] == ')') depth--;
                i++;
            }
            var word = text[start..i];
            var step = ReadStep(key, word, start);
            if (step is null) return null;
            keys += step.Modifiers.Count + step.Keys.Count;
            steps.Add(step);
        }
        if (steps.Count == 0)
        {
            diagnostics.Error(key.Location, "an empty sequence", "write the keys typed after leader(), e.g. \"g s\" = 'text(\"git status\")'");
            return null;
        }
        if (keys > MaxKeys)
        {
            diagnostics.Error(key.Location, $"a sequence can have at most {MaxKeys} keys, '{MessageText.Short(text)}' has {keys}");
            return null;
        }
        return steps;
    }

    private SequenceStep? ReadStep(TomlString key, string word, int offset)
    {
        var open = word.IndexOf('(');
        if (open >= 0)
        {
            if (!word.EndsWith(')') || word.IndexOf('(', open + 1) >= 0)
                return Fail(key, offset, $"'{MessageText.Short(word)}' is not a step", "write (a b) for keys pressed together, shift+(a b) for keys typed with shift held");
            var inner = word[(open + 1)..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var innerKeys = new List<Usage>();
            foreach (var name in inner)
            {
                if (ParseKey(name) is not { } usage) return Fail(key, offset, $"unknown key '{MessageText.Short(name)}'", KeyNameSuggestions.For(name));
                innerKeys.Add(usage);
            }
            if (open == 0)
            {
                if (innerKeys.Count is < 2 or > KeySequenceModel.MaxTogether)
                    return Fail(key, offset, $"keys pressed together are 2 to {KeySequenceModel.MaxTogether} keys, '{MessageText.Short(word)}' has {innerKeys.Count}");
                if (innerKeys.Distinct().Count() != innerKeys.Count) return Fail(key, offset, $"'{MessageText.Short(word)}' names a key twice");
                return new SequenceStep([], innerKeys, Together: true);
            }
            if (word[open - 1] != '+') return Fail(key, offset, $"'{MessageText.Short(word)}' is not a step", "write modifiers before the parentheses with a +: shift+(a b)");
            var modifiers = ParseModifiers(key, offset, word[..(open - 1)]);
            if (modifiers is null) return null;
            if (innerKeys.Count == 0) return Fail(key, offset, $"'{MessageText.Short(word)}' has no keys in its parentheses");
            return new SequenceStep(modifiers, innerKeys, Together: false);
        }
        var parts = word.Split('+');
        var last = ParseKey(parts[^1]);
        if (last is null) return Fail(key, offset, $"unknown key '{MessageText.Short(parts[^1])}'", KeyNameSuggestions.For(parts[^1]));
        List<Usage>? mods = parts.Length == 1 ? [] : ParseModifiers(key, offset, string.Join('+', parts[..^1]));
        if (mods is null) return null;
        return new SequenceStep(mods, [last.Value], Together: false);
    }

    private List<Usage>? ParseModifiers(TomlString key, int offset, string text)
    {
        var modifiers = new List<Usage>();
        foreach (var name in text.Split('+'))
        {
            if (!ModifierWords.TryParseKey(name, out var usage) || !usage.IsModifier)
            {
                Fail(key, offset, $"'{MessageText.Short(name)}' is not a modifier", "only modifiers go before a +, e.g. shift+h");
                return null;
            }
            modifiers.Add(usage);
        }
        return modifiers;
    }

    private static Usage? ParseKey(string name)
    {
        if (name.Length == 4 && name.StartsWith("nop", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(name[3]))
            return SequenceCodes.Nop(name[3] - '0');
        return ModifierWords.TryParseKey(name, out var usage) ? usage : null;
    }

    private SequenceStep? Fail(TomlString key, int offset, string message, string? suggestion = null)
    {
        diagnostics.Error(key.Location, message, suggestion);
        return null;
    }
}
