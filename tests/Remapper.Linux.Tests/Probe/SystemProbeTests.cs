using Remapper.Backend;
using System.Text.Json;
using Remapper.Core.Keymap;
using Remapper.Linux.Interop;
using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class SystemProbeTests : IDisposable
{
    private readonly FakeSystem _sys = new();
    public void Dispose() => _sys.Dispose();

    [Fact]
    public void One_denied_keyboard_does_not_hide_the_others()
    {
        _sys.Sysfs.AddDevice(2, "AT Translated Set 2 keyboard", 0x11, 1, 1, "isa0060/serio0/input0");
        _sys.Sysfs.AddDevice(4, "QEMU QEMU USB Keyboard", 0x03, 0x0627, 1, "usb-1/input0");
        _sys.Sysfs.AddDevice(5, "Yubico YubiKey", 0x03, 0x1050, 0x0407, "usb-2/input0");
        _sys.Sysfs.AddDevice(6, "Mouse", 0x03, 0x046d, 0xc077, keyCaps: "1f0000 0 0 0 0", evCaps: "17");
        var env = _sys.Env();
        _sys.Inspector.Nodes[Path.Combine(env.DevInput, "event2")] = new NodeStat(0, 0, Convert.ToUInt32("600", 8), false);

        var probe = new SystemProbe(env, d => d.EventName == "event2" ? (Errno.EACCES, "open") : (0, "open"));
        DeviceBlock[] blocks = [new(new DeviceMatch(VendorId: 0x1050), true, [], new SourceLocation("k.toml", 3, 1))];
        var result = probe.Run(blocks, OutputProbe.Choose(
            new OutputNodeStatus("/dev/uhid", OutputNodeState.Ok, "ok"), new OutputNodeStatus("/dev/uinput", OutputNodeState.Ok, "ok")));

        var states = result.Status.Keyboards.ToDictionary(k => k.Identity.Name, k => k.State);
        Assert.Equal(KeyboardState.AccessDenied, states["AT Translated Set 2 keyboard"]);
        Assert.Equal(KeyboardState.Available, states["QEMU QEMU USB Keyboard"]);
        Assert.Equal(KeyboardState.Ignored, states["Yubico YubiKey"]);
        Assert.False(states.ContainsKey("Mouse"));
        Assert.Equal(4, result.AllDevices.Count);

        var report = DoctorReport.Build(result, null);
        var problem = Assert.Single(report.Problems);
        Assert.Contains("AT Translated Set 2 keyboard", problem.Subject);
        Assert.Contains("udev", problem.Fix);
        Assert.False(report.Ok);
    }

    [Fact]
    public void A_machine_without_evdev_explains_itself()
    {
        Directory.Delete(Path.Combine(_sys.Sysfs.Dev, "input"));
        var env = _sys.Env();
        var output = new OutputProbe(env, _ => Errno.ENOENT).Check();
        var result = new SystemProbe(env).Run([], output);
        Assert.Empty(result.Status.Keyboards);
        Assert.Contains("/dev/input does not exist", result.Status.Note);
        Assert.Contains("CONFIG_INPUT_EVDEV", result.Status.Note);

        var report = DoctorReport.Build(result, null);
        Assert.Equal(3, report.Problems.Count); // uhid, uinput, input devices

        // docs/doctor-json.md: the fix is in `fix`, not inside `cause`.
        var input = Assert.Single(report.Problems, p => p.Subject == "input devices");
        Assert.DoesNotContain("fix:", input.Cause);
        Assert.Contains("CONFIG_INPUT_EVDEV", input.Fix);
    }

    [Fact]
    public void The_report_serialises_to_json_with_named_states()
    {
        _sys.Sysfs.AddDevice(4, "USB Keyboard", 3, 1, 2, "usb-1");
        var env = _sys.Env();
        var result = new SystemProbe(env, _ => (Errno.EBUSY, "EVIOCGRAB on")).Run([],
            OutputProbe.Choose(new OutputNodeStatus("/dev/uhid", OutputNodeState.Ok, "ok"), new OutputNodeStatus("/dev/uinput", OutputNodeState.Absent, "no")));
        var json = JsonSerializer.Serialize(DoctorJson.From(DoctorReport.Build(result, new KeymapCheck("k.toml", true, []))), StatusJson.Context.DoctorJson);
        using var doc = JsonDocument.Parse(json);
        var keyboard = doc.RootElement.GetProperty("status").GetProperty("keyboards")[0];
        Assert.Equal("Busy", keyboard.GetProperty("state").GetString());
        Assert.Equal("usb:0001:0002:usb-1", keyboard.GetProperty("identity").GetProperty("id").GetString());
        Assert.Equal("Uhid", doc.RootElement.GetProperty("status").GetProperty("output").GetProperty("chosen").GetString());
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void A_keyboard_held_by_a_running_remapper_shows_as_seized_but_another_holder_is_busy()
    {
        _sys.Sysfs.AddDevice(4, "USB Keyboard", 3, 1, 2, "usb-1");
        _sys.Sysfs.AddDevice(5, "Other Keyboard", 3, 1, 3, "usb-2");
        _sys.AddProcess(300, "remapper", "/usr/bin/remapper run", "/dev/input/event4");
        _sys.AddProcess(301, "kanata", "kanata", "/dev/input/event5");
        var ok = OutputProbe.Choose(new OutputNodeStatus("/dev/uhid", OutputNodeState.Ok, "ok"), new OutputNodeStatus("/dev/uinput", OutputNodeState.Ok, "ok"));
        var result = new SystemProbe(_sys.Env(0, 0), _ => (Errno.EBUSY, "EVIOCGRAB on")).Run([], ok);

        var byName = result.Status.Keyboards.ToDictionary(k => k.Identity.Name);
        Assert.Equal(KeyboardState.Seized, byName["USB Keyboard"].State);
        Assert.Contains("pid 300", byName["USB Keyboard"].Detail);
        Assert.Equal(KeyboardState.Busy, byName["Other Keyboard"].State);
        Assert.Single(DoctorReport.Build(result, null).Problems);
    }
}
