using Remapper.Backend;
using Remapper.MacOS.Detector;

namespace Remapper.MacOS.Probe;

/// <summary>What <c>remapper devices</c> and <c>remapper doctor</c> can tell on macOS without the daemon.</summary>
/// <param name="Keyboards">Every keyboard IOKit lists, with what the daemon would do with it (nothing is opened).</param>
/// <param name="Output">The virtual keyboard's driver: installed, its daemon reachable.</param>
/// <param name="Note">A machine-wide problem with its fix (Input Monitoring); null when none.</param>
public sealed record MacProbeResult(
    IReadOnlyList<KeyboardStatus> Keyboards,
    OutputDeviceStatus Output,
    InputMonitoringAccess Access,
    string? Note);
