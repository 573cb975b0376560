using System.Runtime.InteropServices;

namespace Remapper.Tray.Tests.Desktop;

/// <summary>
/// A fact that needs an X desktop built from Debian packages (Xvfb, a tray host, GTK, AppIndicator, ImageMagick,
/// xdotool). Runs when they are installed, or when it can install them (root with apt-get); otherwise skips and
/// says exactly what is missing. REMAPPER_SKIP_DESKTOP_TESTS=1 skips it on purpose.
/// </summary>
public sealed class DesktopFactAttribute : FactAttribute
{
    public DesktopFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "the tray desktop test needs Linux (Xvfb, GTK 3, AppIndicator)";
        else if (Environment.GetEnvironmentVariable("REMAPPER_SKIP_DESKTOP_TESTS") is "1" or "true")
            Skip = "REMAPPER_SKIP_DESKTOP_TESTS is set";
        else if (DesktopPackages.Missing().Count > 0 && !DesktopPackages.CanInstall())
            Skip = $"missing {string.Join(", ", DesktopPackages.Missing())} and cannot install them (needs root and apt-get): " +
                   $"sudo apt-get install {string.Join(" ", DesktopPackages.All)}";
    }
}

/// <summary>The Debian packages the desktop test uses, and installing them.</summary>
internal static class DesktopPackages
{
    /// <summary>What the test installs (CI must allow it): the program or library it checks for, and its package.</summary>
    private static readonly (string Probe, string Package)[] Needed =
    [
        ("Xvfb", "xvfb"),
        ("trayer", "trayer"),
        ("import", "imagemagick"),
        ("xdotool", "xdotool"),
        ("dbus-launch", "dbus-x11"),
        ("xfce4-panel", "xfce4-panel"),
        ("xfconf-query", "xfconf"),
        ("libgtk-3.so.0", "libgtk-3-0"),
        ("libayatana-appindicator3.so.1", "libayatana-appindicator3-1"),
    ];

    public static IReadOnlyList<string> All => Needed.Select(n => n.Package).ToList();

    public static IReadOnlyList<string> Missing() => Needed.Where(n => !Present(n.Probe)).Select(n => n.Package).ToList();

    public static bool CanInstall() => Fakes.Libc.geteuid() == 0 && Remapper.Tray.Actions.ProcessLauncher.FindInPath("apt-get") is not null;

    /// <summary>Installs what is missing (apt-get update first); null when everything is there, else apt's complaint.</summary>
    public static string? EnsureInstalled()
    {
        var missing = Missing();
        if (missing.Count == 0) return null;
        var update = Run("apt-get", "update -q");
        var install = Run("apt-get", $"install -y -q --no-install-recommends {string.Join(" ", missing)}");
        var still = Missing();
        return still.Count == 0 ? null : $"still missing {string.Join(", ", still)} after apt-get:\n{update}\n{install}";
    }

    private static bool Present(string probe) => probe.StartsWith("lib", StringComparison.Ordinal)
        ? NativeLibrary.TryLoad(probe, out _)
        : Remapper.Tray.Actions.ProcessLauncher.FindInPath(probe) is not null;

    private static string Run(string program, string arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return $"$ {program} {arguments} (exit {process.ExitCode})\n{output.Result}{error}";
    }
}

/// <summary>Desktop tests run one after another: each picks a free X display number, which two at once could race for.</summary>
[CollectionDefinition(Name)]
public sealed class DesktopCollection
{
    public const string Name = "desktop";
}
