using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Backend.Monitor;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Loop;
using Remapper.MacOS.Manager;
using Remapper.MacOS.Output;
using Remapper.MacOS.Output.DriverKit;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Backend;

/// <summary>Read → engine → driver report → socket allocates nothing per key.</summary>
public sealed class HotPathAllocationTests
{
    [Fact]
    public void A_key_event_from_the_value_callback_to_the_daemons_socket_allocates_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("vhid.sock");
        using var daemon = new FakeDriverDaemon(path, 7);
        daemon.Start();
        using var client = new VirtualHidClient(new VirtualHidClientOptions { SocketPath = path, ReconnectInterval = TimeSpan.FromMilliseconds(50) });
        using var keyboard = new DriverKitKeyboard(client, new DriverInstallation(dir.Path));
        client.Start();
        Eventually.True(() => keyboard.IsReady, "the virtual keyboard is ready");

        var hid = new FakeHidPort();
        var monitored = new MonitoredOutput(new MonitorRing(), () => 0) { Inner = keyboard };
        var keymap = Keymaps.CapsToEscape();
        var engine = new RemapEngine(keymap, monitored);
        var manager = new MacDeviceManager(engine, hid, keyboard, new OpenRefusalExplainer(new FakeProcessTable(), "remapper"),
            keymap.Model.Devices, NullLogger.Instance) { Recorder = monitored };
        var usb = PropertyFixtures.Load("usb-keyboard");
        manager.OnMatched(usb);
        Assert.Contains(usb.RegistryId, hid.Seized);

        long t = MacClock.NowUs();
        ushort[] keys = [0x39, 0x04, 0xE1, 0x05];
        void Type(int times)
        {
            for (int i = 0; i < times; i++)
            {
                foreach (var id in keys)
                {
                    manager.OnInput(usb.RegistryId, UsagePages.Keyboard, id, 1, t += 1000);
                    manager.OnInput(usb.RegistryId, UsagePages.Keyboard, id, 0, t += 1000);
                }
            }
        }
        Type(500); // warm-up: first calls JIT, tier up and size the tables
        long before = GC.GetAllocatedBytesForCurrentThread();
        Type(500);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Eventually.True(() => daemon.Reports(6).Count == 1000 * 8, "every change reached the daemon, none dropped");
        Assert.Equal(1, daemon.Connections);
    }
}
