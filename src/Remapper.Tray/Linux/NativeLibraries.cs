using System.Runtime.InteropServices;

namespace Remapper.Tray.Linux;

/// <summary>
/// Loads GTK 3 and AppIndicator up front, so a machine without them gets one sentence naming the Debian package
/// instead of a DllNotFoundException from the first call.
/// </summary>
internal static class NativeLibraries
{
    private static readonly (string Library, string Package)[] Needed =
    [
        (GtkNative.Glib, "libglib2.0-0"),
        (GtkNative.GObject, "libglib2.0-0"),
        (GtkNative.Gtk, "libgtk-3-0"),
        (GtkNative.AppIndicator, "libayatana-appindicator3-1"),
    ];

    /// <summary>True when every library loaded; otherwise <paramref name="problem"/> says what to install.</summary>
    public static bool TryLoad(out string problem)
    {
        var missing = Needed.Where(n => !NativeLibrary.TryLoad(n.Library, out _)).ToList();
        problem = missing.Count == 0
            ? ""
            : $"cannot load {string.Join(", ", missing.Select(m => m.Library))}: install {string.Join(" ", missing.Select(m => m.Package).Distinct())} " +
              $"(sudo apt install {string.Join(" ", missing.Select(m => m.Package).Distinct())})";
        return missing.Count == 0;
    }
}
