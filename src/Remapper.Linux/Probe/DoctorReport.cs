using Remapper.Backend;

namespace Remapper.Linux.Probe;

/// <summary>One thing that stops Remapper from working fully: what, why, and what to do.</summary>
public sealed record Problem(string Subject, string Cause, string? Fix);

/// <summary>Keymap state as the doctor reports it.</summary>
public sealed record KeymapCheck(string? Path, bool Loaded, IReadOnlyList<string> Diagnostics);

/// <summary>Everything `remapper doctor` found, with each problem spelled out (printed as JSON through <see cref="DoctorJson"/>).</summary>
/// <param name="Status">The keyboards, the output and the machine-wide note, in the one status model.</param>
/// <param name="OutputNodes">Both candidate output nodes, each with why it can or cannot be used.</param>
public sealed record DoctorReport(BackendStatus Status, OutputStatus OutputNodes, KeymapCheck? Keymap, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>Machine-wide checks: the daemon, its service, other remappers, the udev rule.</summary>
    public IReadOnlyList<SystemCheck> System { get; init; } = [];

    public static DoctorReport Build(SystemProbe.Result probe, KeymapCheck? keymap, IReadOnlyList<SystemCheck>? system = null)
    {
        var status = probe.Status;
        var problems = new List<Problem>();
        foreach (var check in system ?? [])
            if (check.State == CheckState.Problem) problems.Add(new Problem(check.Name, check.Detail, check.Fix));
        var output = probe.OutputNodes;
        if (output.Chosen == OutputKind.None)
        {
            problems.Add(new Problem(output.Uhid.Node, output.Uhid.Detail, output.Uhid.Fix));
            problems.Add(new Problem(output.Uinput.Node, output.Uinput.Detail, output.Uinput.Fix));
        }

        if (status.Note is { } note)
        {
            // docs/doctor-json.md: the fix goes in `fix`, not inside `cause`.
            var at = note.IndexOf(KernelSupport.FixSeparator, StringComparison.Ordinal);
            problems.Add(at < 0
                ? new Problem("input devices", note, null)
                : new Problem("input devices", note[..at], note[(at + KernelSupport.FixSeparator.Length)..]));
        }
        else if (status.Keyboards.Count == 0)
            problems.Add(new Problem("keyboards", "no keyboard found among the input devices", "plug in a keyboard; Remapper picks it up when it appears"));

        foreach (var keyboard in status.Keyboards)
            if (keyboard.IsProblem)
                problems.Add(new Problem($"{keyboard.Identity.Name} ({keyboard.Path})", keyboard.Detail ?? keyboard.State.ToString(), keyboard.Fix));

        if (keymap is { Loaded: false })
            problems.Add(new Problem(keymap.Path ?? "keymap", keymap.Diagnostics.Count > 0 ? string.Join("; ", keymap.Diagnostics) : "the keymap could not be loaded",
                "fix the keymap (`remapper check` shows every error with its line and column)"));

        return new DoctorReport(status, output, keymap, problems) { System = system ?? [] };
    }
}
