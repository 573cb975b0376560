using Remapper.Backend;
using Remapper.Core.Devices;

namespace Remapper.Linux.Probe;

/// <summary>
/// What <c>remapper doctor --json</c> prints: the one status model in the shape docs/doctor-json.md promises to scripts
/// (schema version 1, pinned by <c>DoctorJsonSchemaTests</c>). Only the shape lives here; every decision (what is a
/// problem, which fix) was made before.
/// </summary>
public sealed record DoctorJson(ProbeJson Status, KeymapCheck? Keymap, IReadOnlyList<Problem> Problems, bool Ok, IReadOnlyList<SystemCheck> System)
{
    public static DoctorJson From(DoctorReport report) =>
        new(ProbeJson.From(report.Status, report.OutputNodes), report.Keymap, report.Problems, report.Ok, report.System);
}

/// <summary>The machine as the probe found it: doctor's <c>status</c> object, and all that <c>remapper devices --json</c> prints.</summary>
public sealed record ProbeJson(
    OutputStatus Output,
    IReadOnlyList<KeyboardJson> Keyboards,
    string? InputNote,
    bool HasProblem,
    bool Paused,
    IReadOnlyList<string> ActiveLayers)
{
    public static ProbeJson From(BackendStatus status, OutputStatus outputNodes) =>
        new(outputNodes, [.. status.Keyboards.Select(KeyboardJson.From)], status.Note, status.HasProblem(), status.Paused, status.ActiveLayers);
}

/// <summary>One keyboard with every detail the probe found (see <see cref="KeyboardStatus"/>).</summary>
public sealed record KeyboardJson(
    KeyboardIdentity Identity,
    string DevNode,
    KeyboardKind Kind,
    KeyboardState State,
    string Detail,
    string? Fix,
    int Errno,
    NodeAccess? Access,
    IReadOnlyList<HolderProcess>? Holders,
    string? IgnoredBy,
    bool IsProblem)
{
    public static KeyboardJson From(KeyboardStatus k) =>
        new(k.Identity, k.Path ?? "", k.Kind, k.State, k.Detail ?? "", k.Fix, k.Errno, k.Access, k.Holders, k.IgnoredBy, k.IsProblem);
}
