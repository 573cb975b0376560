using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Core.Keymap;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Probe;

/// <summary>
/// A look at the machine without seizing anything (the daemon may hold the keyboards, and a probe must not take them):
/// which keyboards exist and what the keymap's <c>[[device]]</c> blocks do with them, whether Input Monitoring is
/// granted, whether the virtual keyboard's driver is installed and its daemon accepts connections. The native
/// listing and the socket check are passed in, so the decisions are tested from fixtures.
/// </summary>
public static class MacProbe
{
    public static MacProbeResult Run(IReadOnlyList<HidDeviceProperties> devices, IReadOnlyList<DeviceBlock> blocks,
        InputMonitoringAccess access, DriverStatus driver, DriverInstallation installation, string executable)
    {
        var keyboards = new List<KeyboardStatus>();
        var rules = new DeviceRules(blocks); // the first matching block decides, as everywhere
        foreach (var properties in devices)
        {
            var info = MacKeyboardClassifier.Classify(properties);
            if (info.Kind == MacDeviceKind.NotKeyboard) continue;
            var id = info.Identity;
            KeyboardStatus Status(KeyboardState state, string? cause, string? fix = null) =>
                new(id, info.Path, state, cause, fix) { Kind = Manager.MacDeviceManager.KindOf(info) };

            if (info.Kind == MacDeviceKind.VirtualOutput)
                keyboards.Add(Status(KeyboardState.Ignored, "a virtual keyboard of the Karabiner DriverKit driver (what Remapper types through); never seized"));
            else if (rules.IgnoringBlock(id) is { } block)
                keyboards.Add(Status(KeyboardState.Ignored, $"ignored by the [[device]] block at {block.Location}"));
            else if (access != InputMonitoringAccess.Granted)
                keyboards.Add(Status(KeyboardState.AccessDenied, InputMonitoring.Explain(access), InputMonitoring.Fix(executable)));
            else
                keyboards.Add(Status(KeyboardState.Available,
                    id.IsBuiltIn
                        ? "not opened by this probe; the daemon seizes it (if macOS refuses the built-in keyboard, `remapper status` says so)"
                        : "not opened by this probe; the daemon seizes it"));
        }
        keyboards.Sort((a, b) => string.CompareOrdinal(a.Identity.Name, b.Identity.Name) is var c && c != 0 ? c : string.CompareOrdinal(a.Identity.Id, b.Identity.Id));
        string? note = access == InputMonitoringAccess.Granted ? null : $"{InputMonitoring.Explain(access)}; fix: {InputMonitoring.Fix(executable)}";
        return new MacProbeResult(keyboards, DriverExplainer.Explain(driver, installation), access, note);
    }
}
