using Remapper.Core.Engine;
using Remapper.Backend.Monitor;

namespace Remapper.Backend;

/// <summary>
/// The only way the daemon drives a platform event loop (Linux evdev/uhid, macOS IOKit/DriverKit). Every method
/// may be called from any thread. Control operations are acknowledged: implementations post the request to their
/// loop thread, and the returned task completes only once the loop has applied it (or faults with the loop's
/// error), so an IPC reply never claims something that has not happened.
/// </summary>
/// <remarks>
/// What an implementation must do, so the daemon's promises hold:
/// <list type="bullet">
/// <item>Touch the <see cref="RemapEngine"/> only on the loop thread (post ApplyKeymapAsync/SetPausedAsync/Set*Async through the
/// loop's control queue and complete the task from the loop thread after the change). SetVariableAsync/SetBaseLayerAsync
/// complete with false when the keymap the loop runs has no such variable or layer.</item>
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
    /// Raised once if the loop dies on its own (it released the keyboards; pending control operations were faulted with
    /// the same error). The daemon then stops: a daemon that cannot remap must not linger. Backends that cannot fail
    /// this way need not implement it.
    /// </summary>
    event Action<Exception>? Failed
    {
        add { }
        remove { }
    }

    /// <summary>
    /// Swaps the keymap on the loop thread; completes once it runs. The loop swaps with <see cref="RemapEngine.ReplaceKeymap"/>,
    /// which releases every held output key once, so nothing is stuck or pressed twice across the swap, and applies
    /// the keymap's <c>[[device]]</c> blocks to the keyboards.
    /// </summary>
    Task ApplyKeymapAsync(CompiledKeymap keymap, CancellationToken cancellation = default);

    /// <summary>Pause (every key passes through, held keys released) or resume remapping; completes once applied.</summary>
    Task SetPausedAsync(bool paused, CancellationToken cancellation = default);

    /// <summary>Sets a keymap variable; completes with false when the running keymap does not declare it.</summary>
    Task<bool> SetVariableAsync(string name, int value, CancellationToken cancellation = default);

    /// <summary>Switches the base layer; completes with false when the running keymap has no such layer.</summary>
    Task<bool> SetBaseLayerAsync(string layer, CancellationToken cancellation = default);

    /// <summary>Where the loop records every input and output key event for <c>remapper monitor</c>.</summary>
    MonitorRing Monitor { get; }

    /// <summary>
    /// Bumped by the loop thread on every turn of its loop (at least once a second even when idle). The systemd
    /// watchdog pings only while this moves, so a wedged loop gets the service restarted.
    /// </summary>
    long Heartbeat { get; }
}
