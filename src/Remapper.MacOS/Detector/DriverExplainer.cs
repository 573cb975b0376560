using Remapper.Backend;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Detector;

/// <summary>The virtual keyboard's state for status, devices, doctor and the tray: what is wrong with the driver and how to fix it.</summary>
public static class DriverExplainer
{
    public const string Kind = "karabiner-driverkit";
    public const string DriverUrl = "https://github.com/pqrs-org/Karabiner-DriverKit-VirtualHIDDevice/releases";

    public static OutputDeviceStatus Explain(DriverStatus status, DriverInstallation installation)
    {
        if (status.IsReady)
            return new(Kind, OutputDeviceState.Ready, status.Protocol is { } protocol
                ? $"Karabiner DriverKit virtual keyboard (client protocol {(ushort)protocol})"
                : "Karabiner DriverKit virtual keyboard: its daemon accepts connections");

        if (status.Link is DriverLink.NoSocket or DriverLink.Refused or DriverLink.Starting && !installation.DaemonInstalled)
            return new(Kind, OutputDeviceState.Unavailable,
                $"the Karabiner-DriverKit-VirtualHIDDevice driver is not installed ({DriverInstallation.DaemonApp} is missing); "
                + $"fix: install its .pkg from {DriverUrl} (or install Karabiner-Elements, which includes it), then run {DriverInstallation.ActivateCommand}");

        if (installation.InstalledVersion is { } version && DriverInstallation.ProtocolFor(version) is null)
            return new(Kind, OutputDeviceState.Unavailable,
                $"the installed Karabiner-DriverKit-VirtualHIDDevice {version} is older than 7.0 and speaks a protocol Remapper does not; fix: install 7.0 or later from {DriverUrl}");

        return status.Link switch
        {
            DriverLink.Starting => new(Kind, OutputDeviceState.NotCreated, status.Detail),
            DriverLink.NoSocket or DriverLink.Refused => new(Kind, OutputDeviceState.Unavailable,
                $"{status.Detail}; fix: sudo launchctl kickstart -k system/{DriverInstallation.DaemonLaunchdLabel} "
                + "(if that label is unknown, the daemon was never set up: run the driver's installer again)"),
            DriverLink.NoPermission => new(Kind, OutputDeviceState.AccessDenied,
                $"{status.Detail}; fix: run Remapper as root (install it with packaging/macos/install.sh, which sets up the LaunchDaemon)"),
            DriverLink.ProtocolMismatch => new(Kind, OutputDeviceState.Failed,
                $"{status.Detail} (installed: {installation.InstalledVersion ?? "version unknown"}); fix: install a 7.x release from {DriverUrl}"),
            DriverLink.Failed => new(Kind, OutputDeviceState.Failed, status.Detail),
            _ => Connected(status),
        };
    }

    private static OutputDeviceStatus Connected(DriverStatus s)
    {
        if (s.DriverActivated == false)
            return new(Kind, OutputDeviceState.Unavailable,
                $"the driver extension is not activated; fix: run {DriverInstallation.ActivateCommand}, then allow it in "
                + "System Settings → General → Login Items & Extensions → Driver Extensions (on macOS 14 and older: Privacy & Security, \"Allow\")");
        if (s.DriverVersionMismatched == true)
            return new(Kind, OutputDeviceState.Failed,
                "the activated driver extension's version does not match its daemon's (an update was installed but not activated); "
                + $"fix: run {DriverInstallation.ActivateCommand} and restart the Mac if macOS asks");
        if (s.DriverConnected == false)
            return new(Kind, OutputDeviceState.Unavailable,
                "the driver extension is activated but its daemon cannot reach it yet (it may be waiting for approval); fix: allow it in "
                + "System Settings → General → Login Items & Extensions → Driver Extensions, or restart the Mac");
        return new(Kind, OutputDeviceState.NotCreated, s.Detail);
    }
}
