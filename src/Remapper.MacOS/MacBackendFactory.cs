using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Native;
using Remapper.MacOS.Output;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS;

/// <summary>What <c>remapper run</c> may choose on macOS.</summary>
/// <param name="KeyboardLayout">"ansi", "iso" or "jis": the identity the virtual keyboard gets, so macOS applies that layout type.</param>
public sealed record MacBackendOptions(string KeyboardLayout = "ansi");

/// <summary>The macOS <see cref="BackendFactory"/>: wires IOKit, the DriverKit client and the engine, and starts the loop.</summary>
public static class MacBackendFactory
{
    /// <param name="onReady">Called once, the first time the virtual keyboard is ready (with the output kind), e.g. to print the ready marker.</param>
    public static BackendFactory Create(MacBackendOptions options, Action<string>? onReady = null) => (keymap, loggers, _) =>
    {
        if (!OperatingSystem.IsMacOS())
            throw new PlatformNotSupportedException("the macOS backend runs only on macOS");
        var log = loggers.CreateLogger("Remapper.MacOS");
        var layout = KeyboardParameters.ForLayout(options.KeyboardLayout)
            ?? throw new ArgumentException($"keyboard layout must be ansi, iso or jis, not \"{options.KeyboardLayout}\"", nameof(options));

        var installation = new DriverInstallation();
        var version = installation.InstalledVersion;
        var protocol = DriverInstallation.ProtocolFor(version) ?? DriverProtocol.V6;
        log.LogInformation("Karabiner-DriverKit-VirtualHIDDevice {Version}: trying client protocol {Protocol} first",
            version ?? "(version unknown)", (ushort)protocol);

        var client = new VirtualHidClient(new VirtualHidClientOptions { Protocol = protocol, Keyboard = layout });
        var keyboard = new DriverKitKeyboard(client, installation);
        var driver = new CFRunLoopDriver();
        var explainer = new OpenRefusalExplainer(new LibProcProcessTable(), Environment.ProcessPath ?? "remapper");
        var backend = new MacBackend(keymap, keyboard, new IOKitHidPort(driver), driver, explainer, log, onReady: onReady);
        keyboard.StatusChanged += backend.OutputChanged;
        // A loop that dies raises Failed, and the daemon stops (BackendService): a daemon that cannot remap must not linger.
        backend.Start();
        keyboard.Start();
        return Task.FromResult<IRemapBackend>(backend);
    };
}
