namespace Remapper.MacOS.Detector;

/// <summary>One running process, as the process table lists it.</summary>
public readonly record struct ProcessEntry(int Pid, string Name);

/// <summary>The process table (libproc on macOS, a list in tests).</summary>
public interface IProcessTable
{
    IReadOnlyList<ProcessEntry> List();
}

/// <summary>
/// Remappers that seize keyboards on macOS, by process name. macOS does not say who holds a device exclusively, so
/// when an open fails with <c>kIOReturnExclusiveAccess</c> these are the processes worth naming.
/// </summary>
public static class KnownRemappers
{
    private static readonly (string Prefix, string Product, string Stop)[] Known =
    [
        ("Karabiner-Core-Service", "Karabiner-Elements", "quit Karabiner-Elements (menu bar → Quit Karabiner-Elements), or in its Devices tab turn off \"Modify events\" for this keyboard"),
        ("karabiner_grabber", "Karabiner-Elements", "quit Karabiner-Elements (menu bar → Quit Karabiner-Elements), or in its Devices tab turn off \"Modify events\" for this keyboard"),
        ("kanata", "kanata", "stop kanata (sudo launchctl bootout the service that runs it, or Ctrl+C in its terminal)"),
    ];

    /// <summary>The first running process that is a known remapper, with the product and how to stop it.</summary>
    public static (ProcessEntry Process, string Product, string Stop)? FindHolder(IReadOnlyList<ProcessEntry> processes)
    {
        foreach (var (prefix, product, stop) in Known)
            foreach (var p in processes)
                if (p.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    return (p, product, stop);
        return null;
    }
}
