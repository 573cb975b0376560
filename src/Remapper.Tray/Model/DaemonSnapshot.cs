using Remapper.Ipc;

namespace Remapper.Tray.Model;

/// <summary>What the follower last learned: the daemon's status, or why there is none.</summary>
/// <param name="Status">The last <c>status</c> answer; null while the daemon cannot be reached.</param>
/// <param name="Problem">When <paramref name="Status"/> is null: one line saying why ("remapper is not running (no socket at ...)").</param>
public sealed record DaemonSnapshot(StatusResult? Status, string Problem)
{
    public static DaemonSnapshot Connected(StatusResult status) => new(status, "");

    public static DaemonSnapshot Unreachable(string problem) => new(null, problem);

    /// <summary>Before the first attempt: shown as not running rather than as a guess.</summary>
    public static readonly DaemonSnapshot Unknown = new(null, "connecting to the daemon…");
}
