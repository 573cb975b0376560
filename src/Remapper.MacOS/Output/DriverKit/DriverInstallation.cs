using System.Text.RegularExpressions;

namespace Remapper.MacOS.Output.DriverKit;

/// <summary>
/// Where Karabiner-DriverKit-VirtualHIDDevice puts its parts, which version is installed, and so which client
/// protocol to speak. Paths are parameters so tests can point at a fake tree.
/// </summary>
public sealed partial class DriverInstallation(string root = "/")
{
    public const string RootOnlyDirectory = "/Library/Application Support/org.pqrs/tmp/rootonly";
    public const string SocketPath = RootOnlyDirectory + "/karabiner_virtual_hid_device_service.sock";
    public const string DaemonApp = "/Library/Application Support/org.pqrs/Karabiner-DriverKit-VirtualHIDDevice/Applications/Karabiner-VirtualHIDDevice-Daemon.app";
    public const string ManagerExecutable = "/Applications/.Karabiner-VirtualHIDDevice-Manager.app/Contents/MacOS/Karabiner-VirtualHIDDevice-Manager";
    public const string DaemonLaunchdLabel = "org.pqrs.service.daemon.Karabiner-VirtualHIDDevice-Daemon";

    /// <summary>The command that activates the driver extension (macOS then asks the user to allow it).</summary>
    public const string ActivateCommand = "'" + ManagerExecutable + "' activate";

    private string Under(string path) => root == "/" ? path : Path.Combine(root, path.TrimStart('/'));

    public bool DaemonInstalled => Directory.Exists(Under(DaemonApp));

    /// <summary>The daemon's CFBundleShortVersionString, e.g. "7.3.0"; null when it is not installed or unreadable.</summary>
    public string? InstalledVersion
    {
        get
        {
            try
            {
                var plist = File.ReadAllText(Under(DaemonApp + "/Contents/Info.plist"));
                var m = ShortVersion().Match(plist);
                return m.Success ? m.Groups[1].Value.Trim() : null;
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }
    }

    /// <summary>
    /// The protocol a daemon of <paramref name="version"/> speaks: 6 for 7.0–7.3, 7 after. Null for releases before 7.0,
    /// which speak the older datagram protocol Remapper does not implement. An unknown version gets 7 (tried first; the
    /// client falls back to 6 when the daemon answers empty).
    /// </summary>
    public static DriverProtocol? ProtocolFor(string? version)
    {
        if (version is null || !Version.TryParse(version.Split('-', ' ')[0], out var v)) return DriverProtocol.V7;
        if (v.Major < 7) return null;
        if (v.Major == 7 && v.Minor <= 3) return DriverProtocol.V6;
        return DriverProtocol.V7;
    }

    [GeneratedRegex(@"<key>CFBundleShortVersionString</key>\s*<string>([^<]+)</string>")]
    private static partial Regex ShortVersion();
}
