using System.Globalization;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;

namespace Remapper.Core.Testing;

/// <summary>
/// <c>pointer x +120 y 0 @100ms..200ms</c> in an <c>expect</c> section: the pointer motion summed over the reports
/// sent from <see cref="FromUs"/> to <see cref="ToUs"/> (both included). Only the axes written are checked.
/// </summary>
public sealed record ExpectedMotion(long FromUs, long ToUs, int? X, int? Y, int? Wheel, int? Pan, int Line)
{
    public string Describe() => PointerExpectations.Format(X, Y, Wheel, Pan) + $" @{KeyTestTime.Format(FromUs)}..{KeyTestTime.Format(ToUs)}";
}

/// <summary>One motion report the engine sent to the virtual pointer, stamped with its virtual time.</summary>
public readonly record struct RecordedMotion(long TimeUs, int X, int Y, int Wheel, int Pan);

/// <summary>The pointer lines of the <c>.keytest</c> format: parsing <c>pointer …</c> and <c>button …</c> and checking motion.</summary>
public static class PointerExpectations
{
    public const string PointerWord = "pointer", ButtonWord = "button";

    /// <summary><c>button left down @10ms</c> → the button's usage (page 0x09), as key expectations are.</summary>
    public static ExpectedOutput? ParseButton(List<string> words, int line, Action<string> error)
    {
        if (words.Count is not (3 or 4) || !PointerButtons.TryParse(words[1], out var button))
        {
            error("expected `button NAME down` or `button NAME up` (left, right, middle, back, forward or 1–8), optionally with `@TIME`");
            return null;
        }
        bool? down = words[2] switch { "down" => true, "up" => false, _ => null };
        if (down is null) { error($"expected down or up after the button, got '{words[2]}'"); return null; }
        long? time = null;
        if (words.Count == 4)
        {
            if (words[3].StartsWith('@') && KeyTestTime.TryParse(words[3][1..], out var t)) time = t;
            else { error($"expected a time like `@200ms`, got '{words[3]}'"); return null; }
        }
        return new ExpectedOutput(PointerButtons.Usage(button), down.Value, time, line);
    }

    /// <summary><c>pointer x +120 y 0 wheel 3 pan -1 @100ms..200ms</c>.</summary>
    public static ExpectedMotion? ParseMotion(List<string> words, int line, Action<string> error)
    {
        int? x = null, y = null, wheel = null, pan = null;
        var i = 1;
        for (; i + 1 < words.Count && !words[i].StartsWith('@'); i += 2)
        {
            if (!int.TryParse(words[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                error($"expected a whole number after '{words[i]}', got '{words[i + 1]}'");
                return null;
            }
            switch (words[i])
            {
                case "x": x = value; break;
                case "y": y = value; break;
                case "wheel": wheel = value; break;
                case "pan": pan = value; break;
                default: error($"unknown pointer axis '{words[i]}' — use x, y, wheel or pan"); return null;
            }
        }
        if (i != words.Count - 1 || (x, y, wheel, pan) == (null, null, null, null) || !TryParseRange(words[i], out var from, out var to))
        {
            error("expected `pointer x +120 y 0 @100ms..200ms`: one or more of x, y, wheel, pan with a number, then the interval");
            return null;
        }
        if (to < from) { error($"the interval ends before it starts: '{words[i]}'"); return null; }
        return new ExpectedMotion(from, to, x, y, wheel, pan, line);
    }

    private static bool TryParseRange(string word, out long from, out long to)
    {
        from = to = 0;
        if (!word.StartsWith('@')) return false;
        var dots = word.IndexOf("..", StringComparison.Ordinal);
        return dots > 1 && KeyTestTime.TryParse(word[1..dots], out from) && KeyTestTime.TryParse(word[(dots + 2)..], out to);
    }

    /// <summary>Each expectation whose sums differ from what was sent, as a report line.</summary>
    public static IEnumerable<string> Differences(IReadOnlyList<ExpectedMotion> expected, IReadOnlyList<RecordedMotion> motion)
    {
        foreach (var e in expected)
        {
            int x = 0, y = 0, wheel = 0, pan = 0;
            foreach (var m in motion)
            {
                if (m.TimeUs < e.FromUs || m.TimeUs > e.ToUs) continue;
                x += m.X; y += m.Y; wheel += m.Wheel; pan += m.Pan;
            }
            bool ok = (e.X is null || e.X == x) && (e.Y is null || e.Y == y) && (e.Wheel is null || e.Wheel == wheel) && (e.Pan is null || e.Pan == pan);
            if (ok) continue;
            yield return $"pointer (expect line {e.Line}): expected {e.Describe()}, got " +
                Format(e.X is null ? null : x, e.Y is null ? null : y, e.Wheel is null ? null : wheel, e.Pan is null ? null : pan);
        }
    }

    public static string Format(int? x, int? y, int? wheel, int? pan)
    {
        var parts = new List<string>();
        if (x is { } vx) parts.Add($"x {Signed(vx)}");
        if (y is { } vy) parts.Add($"y {Signed(vy)}");
        if (wheel is { } vw) parts.Add($"wheel {Signed(vw)}");
        if (pan is { } vp) parts.Add($"pan {Signed(vp)}");
        return string.Join(' ', parts);
    }

    private static string Signed(int v) => v > 0 ? "+" + v.ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a button change is written in expectations and reports: <c>button left down</c>.</summary>
    public static bool TryFormatButton(Usage usage, out string name)
    {
        name = usage.Page == UsagePages.Button ? $"{ButtonWord} {PointerButtons.Name(usage.Id)}" : "";
        return usage.Page == UsagePages.Button;
    }

    internal static RecordedMotion Record(in PointerReport r, long timeUs) => new(timeUs, r.X, r.Y, r.Wheel, r.Pan);
}
