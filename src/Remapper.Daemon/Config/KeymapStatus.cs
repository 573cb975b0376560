using Remapper.Core.Keymap;

namespace Remapper.Daemon.Config;

/// <summary>
/// The keymap side of the daemon's status: which file, whether the last load succeeded, and its diagnostics.
/// Immutable; replaced after every load attempt.
/// </summary>
/// <param name="Valid">The last attempt succeeded: the file on disk is what runs.</param>
/// <param name="Diagnostics">Errors of the last failed attempt (the old keymap kept running), or warnings of a good one.</param>
/// <param name="RunningSinceUtc">When the keymap that runs now was applied; null while only the built-in empty keymap runs.</param>
public sealed record KeymapStatus(
    KeymapLocation Location,
    bool Valid,
    IReadOnlyList<Diagnostic> Diagnostics,
    DateTimeOffset? RunningSinceUtc,
    DateTimeOffset LastAttemptUtc,
    int Reloads);

/// <summary>What asked for a reload: a file change skips no-op saves, an explicit request always reloads.</summary>
public enum ReloadTrigger { Startup, FileChange, Signal, Request }

/// <summary>The answer to one reload attempt.</summary>
/// <param name="Applied">A new keymap was handed to the backend.</param>
/// <param name="Skipped">The files' content was unchanged since the last load (an editor's no-op save).</param>
public sealed record ReloadOutcome(bool Applied, bool Skipped, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Applied || Skipped;
}
