namespace Remapper.Backend;

/// <summary>What the platform loop reports about itself: one immutable snapshot, replaced on every change.</summary>
/// <param name="Output">The virtual keyboard the engine types through.</param>
/// <param name="Keyboards">Every keyboard the backend knows about, seized or not, with why not.</param>
/// <param name="Paused">Remapping paused (by <c>remapper pause</c> or the emergency sequence).</param>
/// <param name="ActiveLayers">Base layer first, then active layers bottom to top.</param>
/// <param name="Note">A machine-wide problem in a sentence with its fix, e.g. no input subsystem at all; null when none.</param>
public sealed record BackendStatus(
    OutputDeviceStatus Output,
    IReadOnlyList<KeyboardStatus> Keyboards,
    bool Paused,
    IReadOnlyList<string> ActiveLayers,
    BackendCounters Counters,
    string? Note = null)
{
    public static readonly BackendStatus Starting = new(
        new OutputDeviceStatus("none", OutputDeviceState.NotCreated, "the backend has not started yet"),
        [], false, ["base"], new BackendCounters(0, 0));
}

/// <summary>The virtual output keyboard.</summary>
/// <param name="Kind">"uhid", "uinput", "karabiner-driverkit", "fake"...</param>
/// <param name="Detail">A sentence for the user: the device path, or what is wrong and how to fix it.</param>
public sealed record OutputDeviceStatus(string Kind, OutputDeviceState State, string Detail);

public enum OutputDeviceState { NotCreated, Ready, AccessDenied, Unavailable, Failed }

/// <summary>One physical keyboard and what the access probe found.</summary>
/// <param name="Id">Stable id (<see cref="Remapper.Core.Devices.KeyboardIdentity.Id"/>).</param>
/// <param name="Bus">Keymap bus name: usb, bluetooth, i8042, spi...</param>
/// <param name="Cause">Why it is not seized (errno text, the missing group...); null when seized.</param>
/// <param name="Fix">What the user can do about it; null when nothing is needed.</param>
/// <param name="HolderPid">For <see cref="KeyboardState.Busy"/>: the process holding the grab, when found.</param>
public sealed record KeyboardStatus(
    string Id,
    string Name,
    string Bus,
    bool BuiltIn,
    KeyboardState State,
    string? Cause = null,
    string? Fix = null,
    int? HolderPid = null,
    string? HolderCommand = null,
    string? Path = null);

/// <summary>The access probe's verdict for one keyboard.</summary>
public enum KeyboardState
{
    /// <summary>Exclusively held by us and remapped.</summary>
    Seized,

    /// <summary>Waiting for keys to be released before grabbing, or being opened.</summary>
    Pending,

    /// <summary>Could be opened, but is not seized (yet): e.g. the backend is between probes.</summary>
    Available,

    /// <summary>Left alone on purpose (the keymap says <c>ignore = true</c>, or it is our own virtual keyboard).</summary>
    Ignored,

    /// <summary>Open or grab refused by permissions (EACCES/EPERM, a protected-access gate).</summary>
    AccessDenied,

    /// <summary>Another process holds the exclusive grab (EBUSY).</summary>
    Busy,

    /// <summary>Unplugged.</summary>
    Gone,

    /// <summary>Any other failure; <see cref="KeyboardStatus.Cause"/> says which.</summary>
    Failed,
}

/// <summary>Running totals since the daemon started.</summary>
public readonly record struct BackendCounters(long EventsIn, long EventsOut)
{
    /// <summary>
    /// Bytes the backend's loop thread allocated since it started (<see cref="GC.GetAllocatedBytesForCurrentThread"/>); the
    /// hot path allocates nothing per event, so this stays flat while keys flow. 0 when the backend does not measure it.
    /// </summary>
    public long LoopAllocatedBytes { get; init; }
}
