using Remapper.Tray.Model;

namespace Remapper.Tray;

/// <summary>
/// Finds the shipped icons: a directory holding hicolor/SIZE/status/remapper-*.png. Beside the executable in a
/// build (Icons/), under PREFIX/share/remapper/icons for a copied install, or the system theme (/usr/share/icons)
/// where the package installed them.
/// </summary>
public static class IconLocator
{
    public static IReadOnlyList<string> Candidates(string baseDirectory) =>
    [
        Path.Combine(baseDirectory, "Icons"),
        Path.GetFullPath(Path.Combine(baseDirectory, "..", "share", "remapper", "icons")),
        "/usr/local/share/icons",
        "/usr/share/icons",
    ];

    /// <summary>The first candidate that has every state's icon, or null (the desktop's theme must then provide them).</summary>
    public static string? Find(string? baseDirectory = null) =>
        Candidates(baseDirectory ?? AppContext.BaseDirectory).FirstOrDefault(HasIcons);

    public static bool HasIcons(string directory) =>
        TrayIcons.All.All(s => File.Exists(Path.Combine(directory, "hicolor", "48x48", "status", TrayIcons.NameOf(s) + ".png")));
}
