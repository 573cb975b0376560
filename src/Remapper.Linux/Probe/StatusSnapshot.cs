using Remapper.Backend;

namespace Remapper.Linux.Probe;

/// <summary>
/// What the probe found on the whole machine (what `remapper devices` and `doctor` print, with every Linux detail): the
/// output nodes, every candidate keyboard, and a note when the machine has no input devices at all.
/// <see cref="ToStatus"/> turns it into the backend status model.
/// </summary>
public sealed record StatusSnapshot(OutputStatus Output, IReadOnlyList<KeyboardFinding> Keyboards, string? InputNote)
{
    /// <summary>Joins an input note's cause and its fix; <see cref="DoctorReport"/> splits them again into cause and fix.</summary>
    public const string FixSeparator = "; fix: ";

    public bool HasProblem => ToStatus().HasProblem();

    public BackendStatus ToStatus() =>
        new(Output.ToStatus(), [.. Keyboards.Select(k => k.ToStatus())], Paused, ActiveLayers, default, InputNote);

    /// <summary>Remapping paused (the emergency sequence or <c>remapper pause</c>) when the snapshot was taken.</summary>
    public bool Paused { get; init; }

    /// <summary>Base layer, then active layers bottom to top, when the snapshot was taken.</summary>
    public IReadOnlyList<string> ActiveLayers { get; init; } = ["base"];
}
