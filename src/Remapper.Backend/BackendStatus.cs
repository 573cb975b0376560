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

/// <summary>Running totals since the daemon started.</summary>
public readonly record struct BackendCounters(long EventsIn, long EventsOut)
{
    /// <summary>
    /// Bytes the backend's loop thread allocated since it started (<see cref="GC.GetAllocatedBytesForCurrentThread"/>); the
    /// hot path allocates nothing per event, so this stays flat while keys flow. 0 when the backend does not measure it.
    /// </summary>
    public long LoopAllocatedBytes { get; init; }

    /// <summary>
    /// Key presses the virtual keyboard had no way to send: a key pressed while every key slot of its report was
    /// taken (more keys held at once than it reports), or a usage it cannot express. 0 in normal typing.
    /// </summary>
    public long UnsentKeys { get; init; }
}
