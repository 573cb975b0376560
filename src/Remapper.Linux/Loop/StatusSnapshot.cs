using Remapper.Linux.Probe;

namespace Remapper.Linux.Loop;

/// <summary>An immutable picture of the backend for status displays: the output device, every candidate keyboard, and a note when the machine has no input devices at all.</summary>
public sealed record StatusSnapshot(OutputStatus Output, IReadOnlyList<KeyboardStatus> Keyboards, string? InputNote)
{
    /// <summary>Joins an input note's cause and its fix; <see cref="Probe.DoctorReport"/> splits them again into cause and fix.</summary>
    public const string FixSeparator = "; fix: ";

    public bool HasProblem => Output.IsProblem || InputNote is not null || Keyboards.Any(k => k.IsProblem);

    /// <summary>Remapping paused (the emergency sequence or <c>remapper pause</c>) when the snapshot was taken.</summary>
    public bool Paused { get; init; }

    /// <summary>Base layer, then active layers bottom to top, when the snapshot was taken.</summary>
    public IReadOnlyList<string> ActiveLayers { get; init; } = ["base"];
}
