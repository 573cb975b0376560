using Remapper.Tray.Linux;

namespace Remapper.Tray;

/// <summary><c>remapper tray</c>: checks the native libraries, then runs the icon in the foreground until Quit tray.</summary>
public static class TrayApp
{
    /// <param name="sockets">Sockets to follow, in order.</param>
    /// <param name="error">Where the tray logs (one line per change of state, connection or notification).</param>
    public static int Run(IReadOnlyList<string> sockets, TextWriter error, string? iconDirectory = null)
    {
        void Log(string line)
        {
            lock (error) error.WriteLine($"remapper tray: {line}");
        }

        if (!OperatingSystem.IsLinux())
        {
            Log("the tray icon is only implemented for Linux so far");
            return 2;
        }
        if (!NativeLibraries.TryLoad(out var problem))
        {
            Log(problem);
            return 2;
        }
        var icons = iconDirectory ?? IconLocator.Find();
        if (icons is null)
            Log($"remapper's icons are not installed (looked in {string.Join(", ", IconLocator.Candidates(AppContext.BaseDirectory))}); " +
                "the desktop's icon theme must provide remapper-running etc.");
        using var controller = new TrayController(sockets, Log, icons);
        Log($"following {string.Join(" or ", sockets)}");
        return new GtkTrayIcon(controller, icons).Run(Log);
    }
}
