using Remapper.Core.Keymap;
using Remapper.MacOS.Native;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Probe;

/// <summary>The macOS probe for <c>remapper devices</c> and <c>remapper doctor</c>: IOKit's keyboards, Input Monitoring, the driver.</summary>
public static class MacSystemProbe
{
    public static MacProbeResult Run(IReadOnlyList<DeviceBlock> blocks)
    {
        if (!OperatingSystem.IsMacOS()) throw new PlatformNotSupportedException("the macOS probe runs only on macOS");
        return MacProbe.Run(IOKitDeviceList.List(), blocks, IOKitDeviceList.Access(), DriverReachability.Check(),
            new DriverInstallation(), Environment.ProcessPath ?? "remapper");
    }
}
