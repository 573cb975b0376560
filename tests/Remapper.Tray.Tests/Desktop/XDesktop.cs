using System.Diagnostics;

namespace Remapper.Tray.Tests.Desktop;

/// <summary>The tray host a desktop runs.</summary>
internal enum TrayHost
{
    /// <summary>trayer, with no D-Bus session: libayatana-appindicator takes its XEmbed (GtkStatusIcon) fallback.</summary>
    TrayerXEmbed,

    /// <summary>xfce4-panel's systray plugin on a private D-Bus session: a StatusNotifierWatcher, so the icon is an SNI item.</summary>
    XfcePanelSni,
}

/// <summary>A throwaway X desktop: Xvfb on a free display and a tray host (<see cref="TrayHost"/>).</summary>
internal sealed class XDesktop : IDisposable
{
    public const int PanelHeight = 32;
    private readonly List<Process> _processes = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private int? _busPid;
    private string? _configHome;

    private XDesktop(int display)
    {
        Display = $":{display}";
    }

    public string Display { get; }

    public static XDesktop Start(int width, int height, TrayHost host = TrayHost.TrayerXEmbed)
    {
        var number = Enumerable.Range(170, 60).First(n => !File.Exists($"/tmp/.X{n}-lock") && !File.Exists($"/tmp/.X11-unix/X{n}"));
        var desktop = new XDesktop(number);
        try
        {
            desktop.Spawn("Xvfb", [desktop.Display, "-screen", "0", $"{width}x{height}x24", "-nolisten", "tcp"]);
            Waiting.Until(() => File.Exists($"/tmp/.X11-unix/X{number}"), $"Xvfb on {desktop.Display}", 10000);
            if (host == TrayHost.XfcePanelSni)
            {
                desktop.StartSessionBus();
                // A private config home: the panel writes its default layout there, not into the user's ~/.config.
                desktop._configHome = Directory.CreateTempSubdirectory("remapper-xfce-").FullName;
                desktop._environment["XDG_CONFIG_HOME"] = desktop._configHome;
                desktop._environment["XDG_CACHE_HOME"] = desktop._configHome;
                desktop.Spawn("xfce4-panel", ["--disable-wm-check"], captureOutput: true);
                Waiting.Until(() => desktop.DBusNameHasOwner("org.kde.StatusNotifierWatcher"), "xfce4-panel's StatusNotifierWatcher", 20000);
                return desktop;
            }
            desktop.Spawn("trayer", ["--edge", "top", "--align", "left", "--widthtype", "request", "--height", $"{PanelHeight}",
                "--transparent", "false", "--tint", "0xdddddd", "--SetDockType", "false", "--SetPartialStrut", "false"]);
            return desktop;
        }
        catch
        {
            desktop.Dispose();
            throw;
        }
    }

    /// <summary>Starts a program on this display; it is killed with the desktop.</summary>
    /// <param name="environment">Extra variables for this program only (e.g. a PATH with stand-in tools).</param>
    public Process Spawn(string program, IEnumerable<string> arguments, bool captureOutput = false,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DISPLAY"] = Display;
        info.Environment.Remove("WAYLAND_DISPLAY");
        info.Environment.Remove("DBUS_SESSION_BUS_ADDRESS");
        info.Environment.Remove("SESSION_MANAGER");
        foreach (var (name, value) in _environment) info.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        _processes.Add(process);
        return process;
    }

    /// <summary>Saves the whole screen as PNG and returns its pixels.</summary>
    public ScreenPixels Screenshot(string pngPath)
    {
        Tool("import", ["-window", "root", pngPath]);
        return ScreenPixels.FromPpm(ToolBytes("convert", [pngPath, "-depth", "8", "ppm:-"]));
    }

    public void Crop(string pngPath, (int X, int Y, int Width, int Height) box, string outPath) =>
        Tool("convert", [pngPath, "-crop", $"{box.Width}x{box.Height}+{box.X}+{box.Y}", "+repage", outPath]);

    public void Click(int x, int y) => Tool("xdotool", ["mousemove", $"{x}", $"{y}", "click", "1"]);

    public void Hover(int x, int y) => Tool("xdotool", ["mousemove", $"{x}", $"{y}"]);

    public void Keys(params string[] keys) => Tool("xdotool", ["key", "--delay", "80", .. keys]);

    /// <summary>True when a window with this title is mapped (xdotool search exits non-zero when none is).</summary>
    public bool HasWindow(string title)
    {
        try
        {
            return ToolBytes("xdotool", ["search", "--onlyvisible", "--name", title]).Length > 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Hides the windows with this title (unmapped, not killed: killing the X client would end the tray).</summary>
    public void HideWindow(string title) => Tool("xdotool", ["search", "--onlyvisible", "--name", title, "windowunmap", "%@"]);

    private void Tool(string program, IEnumerable<string> arguments) => ToolBytes(program, arguments);

    private byte[] ToolBytes(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DISPLAY"] = Display;
        info.Environment.Remove("DBUS_SESSION_BUS_ADDRESS");
        foreach (var (name, value) in _environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        using var bytes = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        if (!process.WaitForExit(30000)) process.Kill();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error.Result}");
        return bytes.ToArray();
    }

    /// <summary>dbus-launch prints the bus address and the daemon's pid; everything started later uses that bus.</summary>
    private void StartSessionBus()
    {
        var text = System.Text.Encoding.UTF8.GetString(ToolBytes("dbus-launch", ["--sh-syntax"]));
        var address = System.Text.RegularExpressions.Regex.Match(text, "DBUS_SESSION_BUS_ADDRESS='([^']+)'").Groups[1].Value;
        var pid = System.Text.RegularExpressions.Regex.Match(text, @"DBUS_SESSION_BUS_PID=(\d+)").Groups[1].Value;
        if (address.Length == 0 || pid.Length == 0) throw new InvalidOperationException($"dbus-launch said: {text}");
        _environment["DBUS_SESSION_BUS_ADDRESS"] = address;
        _busPid = int.Parse(pid);
    }

    /// <summary>Calls a D-Bus method on the desktop's session bus with dbus-send and returns its printed reply.</summary>
    public string DBus(string destination, string path, string method, params string[] arguments) =>
        System.Text.Encoding.UTF8.GetString(ToolBytes("dbus-send",
            ["--session", "--print-reply", $"--dest={destination}", path, method, .. arguments]));

    private bool DBusNameHasOwner(string name)
    {
        try
        {
            return DBus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", $"string:{name}")
                .Contains("boolean true", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        // Newest first: the tray before trayer before Xvfb.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            var p = _processes[i];
            try
            {
                if (!p.HasExited)
                {
                    p.Kill();
                    p.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            p.Dispose();
        }
        if (_busPid is { } bus)
        {
            try
            {
                using var daemon = Process.GetProcessById(bus);
                daemon.Kill();
            }
            catch (ArgumentException)
            {
            }
        }
        if (_configHome is not null) Directory.Delete(_configHome, recursive: true);
    }
}
