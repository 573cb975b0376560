using System.Text;
using Remapper.Core.Hid;

namespace Remapper.Core.Testing;

/// <summary>
/// Compares what the engine sent with what a test expects and, when they differ, writes the report a user
/// reads: where the test is, expected and actual side by side with the first difference marked, and any
/// key left pressed or released without being pressed.
/// </summary>
public static class KeyTestReport
{
    /// <summary>Null when the test passed; otherwise the failure report.</summary>
    public static string? Compare(string file, KeyTestCase test, OutputRecorder recorder, IReadOnlyList<string> runProblems)
    {
        var actual = recorder.Events;
        var expected = test.Expected;
        var firstDifference = -1;
        for (var i = 0; i < Math.Max(actual.Count, expected.Count); i++)
        {
            if (i >= actual.Count || i >= expected.Count || !Matches(expected[i], actual[i])) { firstDifference = i; break; }
        }

        var notes = new List<string>(runProblems);
        if (test.Motion is { Count: > 0 } motion) notes.AddRange(PointerExpectations.Differences(motion, recorder.Motion));
        notes.AddRange(recorder.Problems);
        if (recorder.Pressed.Count > 0)
            notes.Add($"still pressed after every key went up and timers ran: {string.Join(", ", recorder.Pressed.Select(u => PointerExpectations.TryFormatButton(u, out var b) ? b : KeyNames.NameOf(u)))}");

        if (firstDifference < 0 && notes.Count == 0) return null;

        var report = new StringBuilder();
        report.Append(file).Append(':').Append(test.Line).Append(": test '").Append(test.Name).Append("' failed");
        if (firstDifference >= 0)
        {
            var line = firstDifference < expected.Count ? $" (expect line {expected[firstDifference].Line})" : "";
            report.Append($": output differs at event {firstDifference + 1}{line}");
        }
        report.Append('\n');
        AppendTable(report, expected, actual, firstDifference);
        foreach (var note in notes) report.Append("  ").Append(note).Append('\n');
        return report.ToString().TrimEnd('\n');
    }

    private static bool Matches(ExpectedOutput expected, RecordedOutput actual) =>
        expected.Usage == actual.Usage && expected.Down == actual.Down &&
        (expected.TimeUs is null || expected.TimeUs == actual.TimeUs);

    private static void AppendTable(StringBuilder report, IReadOnlyList<ExpectedOutput> expected, IReadOnlyList<RecordedOutput> actual, int firstDifference)
    {
        const string nothing = "(nothing)";
        var left = expected.Select(Format).ToList();
        var right = actual.Select(a => a.ToString()).ToList();
        if (left.Count == 0) left.Add(nothing);
        if (right.Count == 0) right.Add(nothing);
        var width = Math.Max("expected".Length, left.Max(s => s.Length)) + 2;

        report.Append("      ").Append("expected".PadRight(width)).Append("actual\n");
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var marker = i == firstDifference ? "  >>  " : "      ";
            var l = i < left.Count ? left[i] : "";
            var r = i < right.Count ? right[i] : "";
            report.Append(marker).Append(l.PadRight(width)).Append(r).Append('\n');
        }
    }

    private static string Format(ExpectedOutput e) =>
        $"{(PointerExpectations.TryFormatButton(e.Usage, out var button) ? button : KeyNames.NameOf(e.Usage))} {(e.Down ? "down" : "up")}" + (e.TimeUs is { } t ? $" @{KeyTestTime.Format(t)}" : "");
}
