using System.Net.Sockets;
using Remapper.Backend;
using Remapper.Core.Keymap;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Output.DriverKit;
using Remapper.MacOS.Probe;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Probe;

/// <summary>What devices and doctor show on macOS without the daemon: nothing is opened, everything is explained.</summary>
public sealed class MacProbeTests
{
    private static readonly string[] Fixtures =
        ["builtin-spi-keyboard", "builtin-trackpad", "usb-keyboard", "bluetooth-keyboard", "driverkit-virtual-keyboard", "yubikey"];

    private static IReadOnlyList<DeviceBlock> IgnoreYubiKey() =>
        Keymaps.CapsToEscape("""
            [[device]]
            match = { vendor_id = 0x1050 }
            ignore = true
            """).Model.Devices;

    private static MacProbeResult Run(InputMonitoringAccess access, DriverStatus? driver = null) =>
        MacProbe.Run([.. Fixtures.Select(PropertyFixtures.Load)], IgnoreYubiKey(), access,
            driver ?? new DriverStatus(DriverLink.Connected, "accepts", KeyboardReady: true), new DriverInstallation("/nonexistent"), "/usr/local/bin/remapper");

    [Fact]
    public void Lists_every_keyboard_with_what_the_daemon_would_do()
    {
        var result = Run(InputMonitoringAccess.Granted);
        Assert.Equal(5, result.Keyboards.Count); // the trackpad is not a keyboard
        Assert.Equal(KeyboardState.Ignored, result.Keyboards.Single(k => k.Identity.Name.StartsWith("YubiKey")).State);
        Assert.Equal(KeyboardState.Ignored, result.Keyboards.Single(k => k.Identity.Name.StartsWith("Karabiner")).State);
        Assert.All(result.Keyboards.Where(k => !k.Identity.Name.StartsWith("YubiKey") && !k.Identity.Name.StartsWith("Karabiner")),
            k => Assert.Equal(KeyboardState.Available, k.State));
        Assert.Null(result.Note);
        Assert.Equal(OutputDeviceState.Ready, result.Output.State);
    }

    [Fact]
    public void Without_Input_Monitoring_every_keyboard_is_denied_with_the_settings_path()
    {
        var result = Run(InputMonitoringAccess.Denied);
        var builtIn = result.Keyboards.Single(k => k.Identity.IsBuiltIn);
        Assert.Equal(KeyboardState.AccessDenied, builtIn.State);
        Assert.Contains("System Settings → Privacy & Security → Input Monitoring", builtIn.Fix);
        Assert.NotNull(result.Note);
        Assert.Equal(KeyboardState.Ignored, result.Keyboards.Single(k => k.Identity.Name.StartsWith("YubiKey")).State);
    }

    [Fact]
    public void The_driver_not_installed_is_the_outputs_state()
    {
        var result = Run(InputMonitoringAccess.Granted, new DriverStatus(DriverLink.NoSocket, "no socket"));
        Assert.Equal(OutputDeviceState.Unavailable, result.Output.State);
        Assert.Contains("not installed", result.Output.Detail);
    }

    [Fact]
    public void Reachability_tells_a_missing_socket_from_a_dead_daemon_from_a_live_one()
    {
        using var dir = new TempDirectory();
        var path = dir.File("vhid.sock");
        Assert.Equal(DriverLink.NoSocket, DriverReachability.Check(path).Link);

        using (var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(1);
            Assert.Equal(DriverLink.Connected, DriverReachability.Check(path).Link);
        }
        // A socket file that nobody listens on (a daemon that died): refused.
        using var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        dead.Bind(new UnixDomainSocketEndPoint(path));
        Assert.Equal(DriverLink.Refused, DriverReachability.Check(path).Link);
    }
}
