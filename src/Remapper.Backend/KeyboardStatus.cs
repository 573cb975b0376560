using Remapper.Core.Devices;

namespace Remapper.Backend;

/// <summary>
/// One physical keyboard and what the backend found and did with it: the one keyboard model, used by the daemon's
/// status, <c>remapper devices</c> and <c>doctor</c> alike. The socket sends it in its own shape (Remapper.Ipc's
/// <c>KeyboardDto</c>); <c>doctor --json</c> prints it in the shape docs/doctor-json.md promises.
/// </summary>
/// <param name="Path">The node or registry path it was opened at (<c>/dev/input/event3</c>); null when unknown.</param>
/// <param name="Detail">The explanation of <paramref name="State"/>: errno text, the missing group, which <c>[[device]]</c>
/// block ignores it; for a seized keyboard how it was taken (null when there is nothing to say).</param>
/// <param name="Fix">What the user can do about it; null when nothing is needed.</param>
public sealed record KeyboardStatus(KeyboardIdentity Identity, string? Path, KeyboardState State, string? Detail, string? Fix = null)
{
    public KeyboardKind Kind { get; init; }

    /// <summary>The OS error behind <see cref="KeyboardState.AccessDenied"/>, <see cref="KeyboardState.Busy"/> or <see cref="KeyboardState.Failed"/>; 0 otherwise.</summary>
    public int Errno { get; init; }

    /// <summary>For access refused: who may open the node, and where the running user stands.</summary>
    public NodeAccess? Access { get; init; }

    /// <summary>For <see cref="KeyboardState.Busy"/>: the processes that have it open, the likely holder of the grab first.</summary>
    public IReadOnlyList<HolderProcess>? Holders { get; init; }

    /// <summary>For <see cref="KeyboardState.Ignored"/>: the <c>[[device]]</c> block that ignores it.</summary>
    public string? IgnoredBy { get; init; }

    /// <summary>Something the user should act on (<see cref="StatusRules.IsProblem(KeyboardState)"/>).</summary>
    public bool IsProblem => State.IsProblem();

    /// <summary>Why it is not seized: the <see cref="Detail"/> of any state but <see cref="KeyboardState.Seized"/>.</summary>
    public string? Cause => State == KeyboardState.Seized ? null : Detail;

    /// <summary>The likely holder of a busy keyboard's grab; null when unknown.</summary>
    public HolderProcess? Holder => Holders is { Count: > 0 } holders ? holders[0] : null;

    /// <summary>Same state and explanation: a change is logged once, not on every retry that finds the same.</summary>
    public bool SameAs(KeyboardStatus? other) =>
        other is not null && other.State == State && other.Detail == Detail && other.Fix == Fix;
}

/// <summary>What a keyboard is, as far as remapping goes.</summary>
public enum KeyboardKind
{
    /// <summary>Has the letter keys.</summary>
    Keyboard,

    /// <summary>No letters, but media keys (a keyboard's consumer-control interface, a remote).</summary>
    MediaKeys,
}

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

    /// <summary>Any other failure; <see cref="KeyboardStatus.Detail"/> says which.</summary>
    Failed,
}

/// <summary>A process that has the keyboard open (the likely holder of a grab).</summary>
public sealed record HolderProcess(int Pid, string Name, string CommandLine);
