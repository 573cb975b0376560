namespace Remapper.Daemon;

/// <summary>
/// The exit codes of the whole program — every command and the daemon (<c>remapper run</c>) — so scripts can tell
/// "your keymap is wrong" from "I could not run" from "a bug". docs/cli.md lists them.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>
    /// The command ran and the answer is no: the keymap is invalid, a test failed, a keyboard is denied, the daemon is
    /// degraded or paused.
    /// </summary>
    public const int Failed = 1;

    /// <summary>The command could not do its job: bad arguments, a missing or unreadable file, a socket in use.</summary>
    public const int UsageOrIo = 2;

    /// <summary>A daemon command found no daemon to talk to (no socket, or nobody answering on it).</summary>
    public const int NotRunning = 3;

    /// <summary><c>status</c>: the daemon runs, but a keyboard or the output device is not working.</summary>
    public const int Degraded = 4;

    /// <summary><c>status</c>: the daemon runs and remapping is paused (keys pass through).</summary>
    public const int Paused = 5;

    /// <summary>A bug in Remapper: reported in one line, never as a stack trace (sysexits' EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
