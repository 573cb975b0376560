
namespace Remapper.Linux.Probe;

/// <summary>One thing that stops Remapper from working fully: what, why, and what to do.</summary>
public sealed record Problem(string Subject, string Cause, string? Fix);

/// <summary>Keymap state as the doctor reports it.</summary>
public sealed record KeymapCheck(string? Path, bool Loaded, IReadOnlyList<string> Diagnostics);

/// <summary>Everything `remapper doctor` found, with each problem spelled out.</summary>
public sealed record DoctorReport(StatusSnapshot Status, KeymapCheck? Keymap, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>Machine-wide checks: the daemon, its service, other remappers, the udev rule.</summary>
    public IReadOnlyList<SystemCheck> System { get; init; } = [];

    public static DoctorReport Build(StatusSnapshot status, KeymapCheck? keymap, IReadOnlyList<SystemCheck>? system = null)
    {
        var problems = new List<Problem>();
        foreach (var check in system ?? [])
            if (check.State == CheckState.Problem) problems.Add(new Problem(check.Name, check.Detail, check.Fix));
        var output = status.Output;
        if (output.Chosen == OutputKind.None)
        {
            problems.Add(new Problem(output.Uhid.Node, output.Uhid.Detail, output.Uhid.Fix));
            problems.Add(new Problem(output.Uinput.Node, output.Uinput.Detail, output.Uinput.Fix));
        }

        if (status.InputNote is not null)
        {
            // docs/doctor-json.md: the fix goes in `fix`, not inside `cause`.
            var at = status.InputNote.IndexOf(StatusSnapshot.FixSeparator, StringComparison.Ordinal);
            problems.Add(at < 0
                ? new Problem("input devices", status.InputNote, null)
                : new Problem("input devices", status.InputNote[..at], status.InputNote[(at + StatusSnapshot.FixSeparator.Length)..]));
        }
        else if (status.Keyboards.Count == 0)
            problems.Add(new Problem("keyboards", "no keyboard found among the input devices", "plug in a keyboard; Remapper picks it up when it appears"));

        foreach (var keyboard in status.Keyboards)
            if (keyboard.IsProblem)
                problems.Add(new Problem($"{keyboard.Identity.Name} ({keyboard.DevNode})", keyboard.Detail, keyboard.Fix));

        if (keymap is { Loaded: false })
            problems.Add(new Problem(keymap.Path ?? "keymap", keymap.Diagnostics.Count > 0 ? string.Join("; ", keymap.Diagnostics) : "the keymap could not be loaded",
                "fix the keymap (`remapper check` shows every error with its line and column)"));

        return new DoctorReport(status, keymap, problems) { System = system ?? [] };
    }
}
