using Remapper.Backend;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Tests.Detector;

/// <summary>Each state of the virtual keyboard's driver becomes a sentence with its fix.</summary>
public sealed class DriverExplainerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rmac-drv-" + Guid.NewGuid().ToString("N")[..8]);

    private DriverInstallation Installed(string version = "7.3.0")
    {
        var contents = Path.Combine(_root, DriverInstallation.DaemonApp.TrimStart('/'), "Contents");
        Directory.CreateDirectory(contents);
        File.WriteAllText(Path.Combine(contents, "Info.plist"),
            $"<plist><dict><key>CFBundleShortVersionString</key><string>{version}</string></dict></plist>");
        return new DriverInstallation(_root);
    }

    private DriverInstallation NotInstalled => new(Path.Combine(_root, "empty"));

    private static DriverStatus Connected(bool activated = true, bool connected = true, bool mismatched = false, bool ready = false) =>
        new(DriverLink.Connected, "", DriverProtocol.V6, activated, connected, mismatched, ready);

    [Fact]
    public void Ready()
    {
        var s = DriverExplainer.Explain(Connected(ready: true), Installed());
        Assert.Equal(OutputDeviceState.Ready, s.State);
        Assert.Equal("karabiner-driverkit", s.Kind);
        Assert.Contains("protocol 6", s.Detail);
    }

    [Fact]
    public void Not_installed()
    {
        var s = DriverExplainer.Explain(new DriverStatus(DriverLink.NoSocket, "no socket"), NotInstalled);
        Assert.Equal(OutputDeviceState.Unavailable, s.State);
        Assert.Contains("not installed", s.Detail);
        Assert.Contains("releases", s.Detail);
    }

    [Fact]
    public void Installed_but_its_daemon_is_not_running()
    {
        var s = DriverExplainer.Explain(new DriverStatus(DriverLink.Refused, "nothing accepts connections"), Installed());
        Assert.Equal(OutputDeviceState.Unavailable, s.State);
        Assert.Contains("launchctl kickstart", s.Detail);
    }

    [Fact]
    public void Not_activated()
    {
        var s = DriverExplainer.Explain(Connected(activated: false), Installed());
        Assert.Contains("not activated", s.Detail);
        Assert.Contains("Karabiner-VirtualHIDDevice-Manager' activate", s.Detail);
        Assert.Contains("Driver Extensions", s.Detail);
    }

    [Fact]
    public void Version_mismatch_between_driver_and_daemon()
    {
        var s = DriverExplainer.Explain(Connected(mismatched: true), Installed());
        Assert.Equal(OutputDeviceState.Failed, s.State);
        Assert.Contains("does not match", s.Detail);
    }

    [Fact]
    public void Not_root()
    {
        var s = DriverExplainer.Explain(new DriverStatus(DriverLink.NoPermission, "may not connect"), Installed());
        Assert.Equal(OutputDeviceState.AccessDenied, s.State);
        Assert.Contains("root", s.Detail);
    }

    [Fact]
    public void Too_old()
    {
        var s = DriverExplainer.Explain(new DriverStatus(DriverLink.Refused, "x"), Installed("6.14.0"));
        Assert.Contains("older than 7.0", s.Detail);
    }

    [Fact]
    public void Protocol_mismatch_names_the_installed_version()
    {
        var s = DriverExplainer.Explain(new DriverStatus(DriverLink.ProtocolMismatch, "neither"), Installed("9.0.0"));
        Assert.Equal(OutputDeviceState.Failed, s.State);
        Assert.Contains("9.0.0", s.Detail);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
