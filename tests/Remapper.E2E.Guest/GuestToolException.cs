namespace Remapper.E2E.Guest;

/// <summary>A failure the tool reports as one line on stderr and exit code 1 (bad arguments, a refused open...).</summary>
internal sealed class GuestToolException(string message) : Exception(message);
