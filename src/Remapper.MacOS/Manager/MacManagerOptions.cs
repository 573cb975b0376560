namespace Remapper.MacOS.Manager;

public sealed record MacManagerOptions
{
    /// <summary>How often to look again while a keyboard is refused or failed (and Input Monitoring is re-checked).</summary>
    public TimeSpan ReprobeInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to retry a keyboard another process holds: nothing tells us when it lets go.</summary>
    public TimeSpan BusyReprobeInterval { get; init; } = TimeSpan.FromSeconds(2);
}
