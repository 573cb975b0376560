using Remapper.Core.Engine;
using Remapper.Daemon.Monitor;

namespace Remapper.Daemon.Backend;

/// <summary>
/// The only way the daemon drives a platform event loop (Linux evdev/uhid today, macOS later). Every method
/// may be called from any thread: implementations post the request to their loop thread and return.
/// </summary>
/// <remarks>
/// What an implementation must do, so the daemon's promises hold:
/// <list type="bullet">
/// <item>Touch the <see cref="RemapEngine"/> only on the loop thread (post ApplyKeymap/SetPaused/Set* through the
/// loop's control queue + eventfd). SetVariable/SetBaseLayer may answer "exists?" from the keymap they last
/// applied (<see cref="CompiledKeymap.VariableIndex"/>, <see cref="CompiledKeymap.LayerIndex"/>) and post the change.</item>
/// <item>Bump <see cref="Heartbeat"/> every loop turn and wake at least once a second even when idle (cap the
/// epoll timeout at 1000 ms), or the systemd watchdog will restart a healthy idle daemon.</item>
/// <item>Write every physical key event to <see cref="Monitor"/> (<see cref="MonitorRing.WriteInput"/>) as it is
/// read, and every output change (<see cref="MonitorRing.WriteOutput"/>) in the IKeyOutput that feeds the virtual
/// keyboard. Both are allocation-free and never block.</item>
/// <item>Replace <see cref="Status"/> and raise <see cref="StatusChanged"/> when a keyboard or the output changes
/// state, when paused changes, and when the base layer changes — not per key event. Counters may lag.</item>
/// </list>
/// </remarks>
public interface IRemapBackend
{
    /// <summary>An immutable snapshot; replaced as a whole when anything changes, so it is safe from any thread.</summary>
    BackendStatus Status { get; }

    /// <summary>Raised (on any thread, possibly the loop's) after <see cref="Status"/> was replaced. Handlers must be quick.</summary>
    event Action<BackendStatus>? StatusChanged;

    /// <summary>
    /// Posts a keymap swap to the loop thread and returns. The loop swaps with <see cref="RemapEngine.ReplaceKeymap"/>,
    /// which releases every held output key once, so nothing is stuck or pressed twice across the swap.
    /// </summary>
    void ApplyKeymap(CompiledKeymap keymap);

    /// <summary>Pause (every key passes through, held keys released) or resume remapping.</summary>
    void SetPaused(bool paused);

    /// <summary>Sets a keymap variable; false when the running keymap does not declare it.</summary>
    bool SetVariable(string name, int value);

    /// <summary>Switches the base layer; false when the running keymap has no such layer.</summary>
    bool SetBaseLayer(string layer);

    /// <summary>Where the loop records every input and output key event for <c>remapper monitor</c>.</summary>
    MonitorRing Monitor { get; }

    /// <summary>
    /// Bumped by the loop thread on every turn of its loop (at least once a second even when idle). The systemd
    /// watchdog pings only while this moves, so a wedged loop gets the service restarted.
    /// </summary>
    long Heartbeat { get; }
}
