using Remapper.Backend;
using Remapper.Core.Devices;

namespace Remapper.Ipc;

/// <summary><c>status</c>: everything <c>remapper status</c> and the tray show.</summary>
/// <param name="State">config-error | paused | degraded | running (<see cref="StatusRules.StateWord"/>): what the user most needs to know first.</param>
public sealed record StatusResult(
    string State,
    DaemonInfoDto Daemon,
    KeymapStatusDto Keymap,
    OutputDeviceStatus Output,
    IReadOnlyList<KeyboardDto> Keyboards,
    bool Paused,
    IReadOnlyList<string> ActiveLayers,
    CountersDto Counters,
    string? Note = null);

/// <param name="Mode">"system" (the service) or "user" (run from a shell).</param>
public sealed record DaemonInfoDto(string Version, int Pid, DateTimeOffset StartedAt, long UptimeSeconds, string Socket, string Mode);

/// <param name="Origin">commandLine | environment | system | user | shippedDefault | none.</param>
/// <param name="Valid">The file on disk is what runs. False with errors: the previous keymap keeps running.</param>
public sealed record KeymapStatusDto(
    string? Path,
    string Origin,
    string Reason,
    bool Valid,
    DateTimeOffset? RunningSince,
    DateTimeOffset LastAttempt,
    int Reloads,
    IReadOnlyList<DiagnosticDto> Diagnostics,
    string? FileToCreate = null);

/// <param name="Text">The whole diagnostic as compilers print it: <c>file:line:col: error: message — suggestion</c>.</param>
public sealed record DiagnosticDto(string File, int Line, int Column, string Severity, string Message, string? Suggestion, string Text);

/// <param name="LoopAllocatedBytes">Bytes the event loop thread allocated since it started: flat while keys flow (the hot path allocates nothing).</param>
/// <param name="AllocatedBytes">Bytes the whole daemon allocated since it started (all threads).</param>
public sealed record CountersDto(long EventsIn, long EventsOut, long LoopAllocatedBytes = 0, long AllocatedBytes = 0, long UnsentKeys = 0);

/// <summary><c>devices</c>: the keyboards and the output device.</summary>
public sealed record DevicesResult(OutputDeviceStatus Output, IReadOnlyList<KeyboardDto> Keyboards);

/// <summary>A keyboard as the socket sends it (docs/ipc.md): the backend's <see cref="KeyboardStatus"/>, flattened.</summary>
/// <param name="Id">Stable id (<see cref="Remapper.Core.Devices.KeyboardIdentity.Id"/>).</param>
/// <param name="Bus">Keymap bus name: usb, bluetooth, i8042, spi...</param>
/// <param name="Cause">Why it is not seized (errno text, the missing group...); null when seized.</param>
/// <param name="Fix">What the user can do about it; null when nothing is needed.</param>
/// <param name="HolderPid">For <see cref="KeyboardState.Busy"/>: the process holding the grab, when found.</param>
public sealed record KeyboardDto(
    string Id,
    string Name,
    string Bus,
    bool BuiltIn,
    KeyboardState State,
    string? Cause = null,
    string? Fix = null,
    int? HolderPid = null,
    string? HolderCommand = null,
    string? Path = null)
{
    public static KeyboardDto From(KeyboardStatus k) =>
        new(k.Identity.Id, k.Identity.Name, k.Identity.Bus.KeymapName(), k.Identity.IsBuiltIn, k.State, k.Cause, k.Fix,
            k.Holder?.Pid, k.Holder?.CommandLine, k.Path);

    public static IReadOnlyList<KeyboardDto> From(IReadOnlyList<KeyboardStatus> keyboards) => [.. keyboards.Select(From)];
}

/// <summary><c>reload</c> when it worked; an invalid keymap is an <c>invalid_keymap</c> error carrying the diagnostics.</summary>
public sealed record ReloadResult(bool Applied, string? Path, IReadOnlyList<DiagnosticDto> Warnings);

public sealed record PausedResult(bool Paused);

public sealed record SetVariableResult(string Name, int Value);

public sealed record SetLayerResult(string Layer);

public sealed record VersionResult(string Version, int Protocol);

/// <summary><c>monitor</c>'s first response: streaming starts; the ring's capacity says how far behind a client may fall.</summary>
public sealed record MonitorStartedResult(bool Streaming, int RingCapacity);

/// <param name="T">Microseconds on the daemon's monotonic clock.</param>
/// <param name="Dir">"in" (a physical key) or "out" (what the virtual keyboard typed).</param>
/// <param name="Device">The keyboard's slot for input events, -1 for output.</param>
/// <param name="Key">The key's name (<c>caps_lock</c>), or page:id when it has none.</param>
public sealed record MonitorEventDto(long T, string Dir, int Device, int Page, int Usage, string Key, bool Down);
