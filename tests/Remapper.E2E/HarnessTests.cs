using Remapper.E2E.Harness;

namespace Remapper.E2E;

/// <summary>The harness's own logic that needs no guest: wrong answers here would make scenarios lie.</summary>
public sealed class HarnessTests : IDisposable
{
    private readonly string _modules = Directory.CreateTempSubdirectory("e2e-modules-").FullName;

    [Fact]
    public void Modules_load_after_everything_they_depend_on()
    {
        File.WriteAllLines(Path.Combine(_modules, "modules.dep"),
        [
            "kernel/fs/9p/9p.ko.xz: kernel/net/9p/9pnet.ko.xz kernel/fs/fscache/fscache.ko.xz kernel/fs/netfs/netfs.ko.xz",
            "kernel/net/9p/9pnet.ko.xz:",
            "kernel/fs/fscache/fscache.ko.xz: kernel/fs/netfs/netfs.ko.xz",
            "kernel/fs/netfs/netfs.ko.xz:",
            "kernel/drivers/hid/hid-generic.ko.xz: kernel/drivers/hid/hid.ko.xz",
            "kernel/drivers/hid/hid.ko.xz:",
        ]);
        var kernel = new GuestKernel("test", "/boot/vmlinuz-test", _modules);

        var order = Initramfs.ResolveLoadOrder(kernel, ["9p", "hid-generic"]).Select(m => m.Name).ToList();

        Assert.Equal(6, order.Count);
        Assert.True(order.IndexOf("netfs") < order.IndexOf("fscache"), string.Join(' ', order));
        Assert.True(order.IndexOf("fscache") < order.IndexOf("9p"), string.Join(' ', order));
        Assert.True(order.IndexOf("9pnet") < order.IndexOf("9p"), string.Join(' ', order));
        Assert.True(order.IndexOf("hid") < order.IndexOf("hid-generic"), string.Join(' ', order));
    }

    [Fact]
    public void A_module_missing_from_modules_dep_is_named()
    {
        File.WriteAllLines(Path.Combine(_modules, "modules.dep"), ["kernel/drivers/hid/uhid.ko: kernel/drivers/hid/hid.ko"]);
        var kernel = new GuestKernel("test", "/boot/vmlinuz-test", _modules);

        var error = Assert.Throws<InvalidOperationException>(() => Initramfs.ResolveLoadOrder(kernel, ["uhid"]));

        Assert.Contains("hid (needed by uhid)", error.Message);
    }

    [Fact]
    public void A_keyboard_in_remapper_json_is_found_by_its_exact_node()
    {
        var status = RemapperStatus.Parse(new GuestResult("remapper devices --json", 1, """
            { "keyboards": [
                { "devNode": "/dev/input/event10", "state": "Seized" },
                { "devNode": "/dev/input/event1", "state": "Busy", "holders": [ { "pid": 42, "name": "e2e-guest" } ] }
              ] }
            """));

        Assert.Equal("Busy", status.StateOf("/dev/input/event1"));
        Assert.Equal("Seized", status.StateOf("/dev/input/event10"));
        Assert.Null(status.StateOf("/dev/input/event2"));
        Assert.True(RemapperStatus.HasObject(status.Keyboard("/dev/input/event1"), o => RemapperStatus.HasNumber(o, "pid", 42)));
    }

    [Fact]
    public void Output_that_is_not_json_fails_with_the_command_and_its_output()
    {
        var error = Assert.Throws<FormatException>(() => RemapperStatus.Parse(new GuestResult("remapper devices --json", 2, "remapper devices: not available")));

        Assert.Contains("not available", error.Message);
    }

    [Fact]
    public void A_list_line_of_the_guest_tool_parses_into_a_device()
    {
        var device = InputDevice.Parse("/dev/input/event3\tbus=0x001c\tvendor=0x05ac\tproduct=0x0342\tleds=caps_lock,num_lock\tpressed=KEY_A" +
                                       "\tuniq=e2e-1\tphys=e2e-uhid/e2e-1\tname=Apple Internal Keyboard / Trackpad");

        Assert.Equal(new InputDevice("/dev/input/event3", InputDevice.BusSpi, 0x05ac, 0x0342, "Apple Internal Keyboard / Trackpad",
            "e2e-1", "e2e-uhid/e2e-1", device.Leds, device.Pressed), device);
        Assert.Equal(["caps_lock", "num_lock"], device.Leds);
        Assert.Equal(["KEY_A"], device.Pressed);
    }

    public void Dispose() => Directory.Delete(_modules, recursive: true);
}
