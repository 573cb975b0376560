namespace Remapper.Cli;

/// <summary>Exit codes shared by every command, so scripts can tell "your keymap is wrong" from "I could not run".</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and the answer is no: the keymap is invalid, a test failed, nothing matched.</summary>
    public const int Failed = 1;

    /// <summary>The command could not do its job: bad arguments, a missing or unreadable file.</summary>
    public const int UsageOrIo = 2;

    /// <summary>A daemon command found no daemon to talk to (no socket, or nobody answering on it).</summary>
    public const int NotRunning = 3;

    /// <summary>A bug in Remapper: reported in one line, never as a stack trace (sysexits' EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
