using Remapper.Core.Hid;

namespace Remapper.Core.Keymap;

/// <summary>How the keys typed after <c>leader()</c> reach the desktop while a sequence is being listened for.</summary>
public enum SequenceInputMode
{
    /// <summary>Not typed; a sequence that does not match types nothing (kanata's default, QMK's leader).</summary>
    HiddenSuppressed,
    /// <summary>Typed as they come; a match erases them with backspaces first (kanata's visible-backspaced).</summary>
    VisibleBackspaced,
    /// <summary>Not typed; a sequence that does not match (or times out) types them then (kanata's hidden-delay-type).</summary>
    HiddenDelayType,
}

/// <summary>The names of <see cref="SequenceInputMode"/> in a keymap.</summary>
public static class SequenceInputModeNames
{
    public const string List = "hidden_suppressed, visible_backspaced or hidden_delay_type";

    public static bool TryParse(string name, out SequenceInputMode mode)
    {
        switch (name.Replace('-', '_').ToLowerInvariant())
        {
            case "hidden_suppressed" or "hidden": mode = SequenceInputMode.HiddenSuppressed; return true;
            case "visible_backspaced" or "visible": mode = SequenceInputMode.VisibleBackspaced; return true;
            case "hidden_delay_type": mode = SequenceInputMode.HiddenDelayType; return true;
            default: mode = default; return false;
        }
    }
}

/// <summary>
/// One step of a key sequence: keys typed one after another with <see cref="Modifiers"/> held over them
/// (<c>g</c>, <c>shift+h</c>, <c>shift+(h s)</c>), or, <see cref="Together"/>, keys that are all pressed before any is
/// released, in any order (<c>(a b)</c>, kanata's <c>O-(a b)</c>).
/// </summary>
public sealed record SequenceStep(IReadOnlyList<Usage> Modifiers, IReadOnlyList<Usage> Keys, bool Together);

/// <summary>A <c>[sequences]</c> line: the keys typed after <c>leader()</c>, and the action then tapped.</summary>
public sealed record KeySequenceModel(string Text, IReadOnlyList<SequenceStep> Steps, ActionModel Action, SourceLocation Location)
{
    /// <summary>The most keys of one <c>(…)</c> group (each order is a path of its own, as in kanata).</summary>
    public const int MaxTogether = 6;

    /// <summary>Every path of element codes that matches this sequence (one per order of each together-group).</summary>
    public List<ulong[]> Paths()
    {
        var paths = new List<List<ulong>> { new() };
        foreach (var step in Steps)
        {
            if (!step.Together)
            {
                byte mask = 0;
                foreach (var m in step.Modifiers)
                {
                    mask |= SequenceCodes.MaskOf(m);
                    foreach (var p in paths) p.Add(SequenceCodes.Code(m, mask));
                }
                foreach (var k in step.Keys)
                    foreach (var p in paths) p.Add(SequenceCodes.Code(k, mask));
                continue;
            }
            var orders = new List<List<Usage>>();
            Permute([.. step.Keys], 0, orders);
            var next = new List<List<ulong>>();
            foreach (var p in paths)
                foreach (var order in orders)
                {
                    var q = new List<ulong>(p);
                    foreach (var k in order) q.Add(SequenceCodes.Code(k, 0) | SequenceCodes.Together);
                    q.Add(SequenceCodes.Marker);
                    next.Add(q);
                }
            paths = next;
        }
        return paths.Select(p => p.ToArray()).ToList();
    }

    private static void Permute(Usage[] keys, int at, List<List<Usage>> into)
    {
        if (at == keys.Length) { into.Add([.. keys]); return; }
        for (int i = at; i < keys.Length; i++)
        {
            (keys[at], keys[i]) = (keys[i], keys[at]);
            Permute(keys, at + 1, into);
            (keys[at], keys[i]) = (keys[i], keys[at]);
        }
    }
}

/// <summary>
/// How a typed key is written in a sequence: the key (right shift, control and command as their left twins) in the
/// low 32 bits, the modifiers held with it above (shift, control, left alt, right alt, command), and a flag for a key
/// of a together-group; <see cref="Marker"/> alone ends a together-group.
/// </summary>
public static class SequenceCodes
{
    public const ulong Keys = 0xFFFF_FFFFUL;
    public const ulong Together = 1UL << 40;
    public const ulong Marker = Together;

    /// <summary>The usage page of <c>nop0</c>…<c>nop9</c>: keys that type nothing but count in sequences (kanata's nop keys).</summary>
    public const ushort NopPage = 0xFFFD;

    public static Usage Nop(int index) => new(NopPage, (ushort)index);

    public static byte MaskOf(Usage modifier)
    {
        if (modifier == Usages.LeftShift || modifier == Usages.RightShift) return 1;
        if (modifier == Usages.LeftControl || modifier == Usages.RightControl) return 2;
        if (modifier == Usages.LeftOption) return 4;
        if (modifier == Usages.RightOption) return 8;
        if (modifier == Usages.LeftCommand || modifier == Usages.RightCommand) return 16;
        return 0;
    }

    /// <summary>The mask of every modifier in a HID modifier byte (bit 0 left control … bit 7 right command).</summary>
    public static byte MaskOfBits(byte bits)
    {
        byte mask = 0;
        if ((bits & 0x22) != 0) mask |= 1;
        if ((bits & 0x11) != 0) mask |= 2;
        if ((bits & 0x04) != 0) mask |= 4;
        if ((bits & 0x40) != 0) mask |= 8;
        if ((bits & 0x88) != 0) mask |= 16;
        return mask;
    }

    public static Usage Normalize(Usage key)
    {
        if (key == Usages.RightShift) return Usages.LeftShift;
        if (key == Usages.RightControl) return Usages.LeftControl;
        if (key == Usages.RightCommand) return Usages.LeftCommand;
        return key;
    }

    public static ulong Code(Usage key, byte mask) => Normalize(key).Packed | ((ulong)mask << 32);

    /// <summary>A code that types a character a backspace can erase (not a modifier, not a nop key, not a marker).</summary>
    public static bool Erasable(ulong code)
    {
        if (code == Marker) return false;
        var key = new Usage((ushort)((code & Keys) >> 16), (ushort)(code & 0xFFFF));
        return !key.IsModifier && key.Page != NopPage;
    }
}

/// <summary><c>leader()</c>, <c>leader(500)</c>, <c>leader(500, visible_backspaced)</c>: listen for a sequence.</summary>
public sealed record LeaderAction(int? TimeoutMs, SequenceInputMode? Mode, SourceLocation Location) : ActionModel(Location);

/// <summary><c>nop0</c>…<c>nop9</c>: types nothing, but counts as a key in sequences (kanata's nop keys).</summary>
public sealed record NopKeyModel(int Index, SourceLocation Location) : ActionModel(Location);
