using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.MacOS.Devices;

namespace Remapper.MacOS.Detector;

/// <summary>
/// Turns a failed <c>IOHIDDeviceOpen(kIOHIDOptionsTypeSeizeDevice)</c> into a keyboard state with its cause and fix.
/// The one that matters most: macOS refusing the built-in keyboard (<c>kIOReturnNotPermitted</c> while Input
/// Monitoring is granted), the protected-device gate that macOS 26.4 betas put in front of the MacBook keyboard.
/// </summary>
public sealed class OpenRefusalExplainer(IProcessTable processes, string executable)
{
    /// <summary>What to do when Input Monitoring is missing, naming the binary to allow.</summary>
    public string InputMonitoringFix => InputMonitoring.Fix(executable);

    public KeyboardStatus Explain(MacDeviceInfo device, IOReturnCode code, InputMonitoringAccess access)
    {
        var id = device.Identity;
        KeyboardStatus Status(KeyboardState state, string cause, string? fix, int? pid = null, string? command = null) =>
            new(id, device.Path, state, cause, fix)
            {
                Kind = Manager.MacDeviceManager.KindOf(device),
                Holders = pid is { } holder ? [new HolderProcess(holder, command ?? "", command ?? "")] : null,
            };

        switch (code.Value)
        {
            case IOReturnCode.NotPermitted when access != InputMonitoringAccess.Granted:
            case IOReturnCode.NotPrivileged when access != InputMonitoringAccess.Granted:
                return Status(KeyboardState.AccessDenied,
                    $"IOHIDDeviceOpen returned {code}: {InputMonitoring.Explain(access)}",
                    InputMonitoring.Fix(executable));

            case IOReturnCode.NotPermitted when id.IsBuiltIn:
                return Status(KeyboardState.AccessDenied,
                    $"macOS refuses to let any program seize the built-in keyboard (IOHIDDeviceOpen returned {code} although Input Monitoring "
                    + "is granted): this macOS version protects the built-in keyboard from remappers. The other keyboards keep being remapped; "
                    + "this one types unchanged",
                    "nothing in Remapper's settings can lift this gate. Check for a macOS update (Apple has fixed this refusal in a later "
                    + "release before); meanwhile remap an external keyboard, and see docs/macos.md \"The built-in keyboard is refused\"");

            case IOReturnCode.NotPermitted:
            case IOReturnCode.NotPrivileged:
                return Status(KeyboardState.AccessDenied,
                    $"macOS refuses to let Remapper seize this keyboard (IOHIDDeviceOpen returned {code}) although Input Monitoring is granted",
                    $"make sure Remapper runs as root (the LaunchDaemon does); if it does, turn {executable} off and on again in {InputMonitoring.SettingsPath}");

            case IOReturnCode.ExclusiveAccess:
                if (KnownRemappers.FindHolder(processes.List()) is { } holder)
                    return Status(KeyboardState.Busy,
                        $"{holder.Product} ({holder.Process.Name}, pid {holder.Process.Pid}) already holds this keyboard exclusively (IOHIDDeviceOpen returned {code})",
                        $"{holder.Stop}; Remapper retries every few seconds", holder.Process.Pid, holder.Process.Name);
                return Status(KeyboardState.Busy,
                    $"another process holds this keyboard exclusively (IOHIDDeviceOpen returned {code}); no Karabiner-Elements or kanata process is running",
                    "quit the other keyboard tool (remapper, game or KVM software); `sudo ioreg -r -c IOHIDDevice -l` shows the device's clients. Remapper retries every few seconds");

            case IOReturnCode.NoDevice or IOReturnCode.NotAttached or IOReturnCode.Offline or IOReturnCode.NotFound:
                return Status(KeyboardState.Gone, $"the keyboard went away while it was being opened (IOHIDDeviceOpen returned {code})", null);

            case IOReturnCode.Busy or IOReturnCode.NotReady or IOReturnCode.NotResponding or IOReturnCode.Timeout:
                return Status(KeyboardState.Failed,
                    $"the keyboard is not ready to be opened (IOHIDDeviceOpen returned {code})",
                    "Remapper tries again within 30 s; if it stays like this, unplug and replug the keyboard (for Bluetooth: turn it off and on)");

            default:
                return Status(KeyboardState.Failed,
                    $"IOHIDDeviceOpen failed with {code}",
                    "Remapper tries again within 30 s; if it keeps failing, report it with the output of `remapper doctor`");
        }
    }
}
