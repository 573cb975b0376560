using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Manager;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Manager;

/// <summary>The macOS device manager behind fake IOKit ports and a recording virtual keyboard.</summary>
public sealed class MacDeviceManagerTests
{
    private static readonly Usage CapsLock = Usage.Key(0x39), Escape = Usage.Key(0x29), A = Usage.Key(0x04);

    private readonly FakeHidPort _hid = new();
    private readonly FakeVirtualKeyboard _output = new() { Ready = true };
    private readonly FakeProcessTable _processes = new();
    private readonly ListLogger _log = new();
    private long _nowMs = 1_000;
    private long _timeUs = 1_000_000;
    private MacDeviceManager _manager = null!;
    private RemapEngine _engine = null!;

    private readonly HidDeviceProperties _builtIn = PropertyFixtures.Load("builtin-spi-keyboard");
    private readonly HidDeviceProperties _usb = PropertyFixtures.Load("usb-keyboard");
    private readonly HidDeviceProperties _virtual = PropertyFixtures.Load("driverkit-virtual-keyboard");

    private MacDeviceManager Manager(CompiledKeymap? keymap = null)
    {
        keymap ??= Keymaps.CapsToEscape();
        _engine = new RemapEngine(keymap, _output);
        _manager = new MacDeviceManager(_engine, _hid, _output, new OpenRefusalExplainer(_processes, "/usr/local/bin/remapper"),
            keymap.Model.Devices, _log, new MacManagerOptions(), () => _nowMs);
        _hid.Start(_manager);
        return _manager;
    }

    private KeyboardStatus StatusOf(HidDeviceProperties device) =>
        Assert.Single(_manager.Keyboards, k => k.Identity.Id == MacKeyboardClassifier.Classify(device).Identity.Id);

    private void Key(HidDeviceProperties device, Usage usage, bool down) =>
        _manager.OnInput(device.RegistryId, usage.Page, usage.Id, down ? 1 : 0, _timeUs += 10_000);

    [Fact]
    public void Keyboards_are_seized_only_once_the_virtual_keyboard_is_ready()
    {
        _output.Ready = false;
        Manager();
        _manager.OnMatched(_usb);
        Assert.Empty(_hid.SeizeCalls);
        Assert.Equal(KeyboardState.Pending, StatusOf(_usb).State);
        Key(_usb, CapsLock, true); // typed while waiting: macOS gets it unchanged, the engine never sees it
        Assert.Empty(_output.Sent);

        _output.Ready = true;
        _manager.OnOutputChanged();
        Assert.Contains(_usb.RegistryId, _hid.Seized);
        Assert.Equal(KeyboardState.Seized, StatusOf(_usb).State);
        Key(_usb, CapsLock, true);
        Key(_usb, CapsLock, false);
        Assert.Equal([(Escape, true), (Escape, false)], _output.Sent);
    }

    [Fact]
    public void When_the_virtual_keyboard_goes_away_every_keyboard_is_let_go_and_held_keys_released()
    {
        Manager();
        _manager.OnMatched(_usb);
        Key(_usb, A, true);
        Assert.True(_output.IsDown(A));

        _output.Ready = false;
        _manager.OnOutputChanged();
        Assert.False(_output.IsDown(A));
        Assert.DoesNotContain(_usb.RegistryId, _hid.Seized);
        Assert.Equal(KeyboardState.Pending, StatusOf(_usb).State);

        _output.Ready = true;
        _manager.OnOutputChanged();
        Assert.Contains(_usb.RegistryId, _hid.Seized);
    }

    [Fact]
    public void The_built_in_keyboard_is_refused_while_the_external_one_is_remapped()
    {
        _hid.OpenResults[_builtIn.RegistryId] = IOReturnCode.NotPermitted;
        Manager();
        _manager.OnMatched(_builtIn);
        _manager.OnMatched(_usb);

        var builtIn = StatusOf(_builtIn);
        Assert.Equal(KeyboardState.AccessDenied, builtIn.State);
        Assert.True(builtIn.Identity.IsBuiltIn);
        Assert.Contains("kIOReturnNotPermitted (0xe00002e2)", builtIn.Cause);
        Assert.Contains("built-in keyboard", builtIn.Cause);
        Assert.Contains("other keyboards keep being remapped", builtIn.Cause);
        Assert.NotNull(builtIn.Fix);
        Assert.Equal(KeyboardState.Seized, StatusOf(_usb).State);

        Key(_usb, CapsLock, true);
        Key(_usb, CapsLock, false);
        Assert.Equal([(Escape, true), (Escape, false)], _output.Sent);
        // Values IOKit still delivers for the refused keyboard are not ours to handle.
        Key(_builtIn, CapsLock, true);
        Assert.Equal(2, _output.Sent.Count);
        Assert.Null(_manager.Note);
    }

    [Fact]
    public void A_refusal_is_logged_once_and_retried_every_30_seconds()
    {
        _hid.OpenResults[_builtIn.RegistryId] = IOReturnCode.NotPermitted;
        Manager();
        _manager.OnMatched(_builtIn);
        Assert.Equal(_nowMs + 30_000, _manager.NextReprobeMs);

        _nowMs += 30_000;
        _manager.Tick();
        _nowMs += 30_000;
        _manager.Tick();
        Assert.Equal(3, _hid.SeizeCalls.Count(id => id == _builtIn.RegistryId));
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("kIOReturnNotPermitted"));

        _hid.OpenResults.Remove(_builtIn.RegistryId); // e.g. a macOS update lifted the gate
        _nowMs += 30_000;
        _manager.Tick();
        Assert.Equal(KeyboardState.Seized, StatusOf(_builtIn).State);
        Assert.Equal(long.MaxValue, _manager.NextReprobeMs);
    }

    [Fact]
    public void Unplugging_the_only_refused_keyboard_stops_the_re_probes()
    {
        _hid.OpenResults[_builtIn.RegistryId] = IOReturnCode.NotPermitted;
        Manager();
        _manager.OnMatched(_builtIn);
        Assert.NotEqual(long.MaxValue, _manager.NextReprobeMs);
        _manager.OnRemoved(_builtIn.RegistryId);
        Assert.Equal(long.MaxValue, _manager.NextReprobeMs);
    }

    [Fact]
    public void A_burst_of_devices_at_start_opens_a_refused_keyboard_once()
    {
        _hid.OpenResults[_builtIn.RegistryId] = IOReturnCode.NotPermitted;
        Manager();
        _manager.OnMatched(_builtIn);
        _manager.OnMatched(_usb);
        _manager.OnMatched(_virtual);
        _manager.OnMatched(PropertyFixtures.Load("bluetooth-keyboard"));
        Assert.Single(_hid.SeizeCalls, id => id == _builtIn.RegistryId);

        // A keyboard plugged in later is a reason to look again.
        _nowMs += 5_000;
        _manager.OnMatched(PropertyFixtures.Load("yubikey"));
        Assert.Equal(2, _hid.SeizeCalls.Count(id => id == _builtIn.RegistryId));
    }

    [Fact]
    public void Without_Input_Monitoring_every_keyboard_says_so_and_permission_granted_later_picks_them_up()
    {
        _hid.Access = InputMonitoringAccess.Denied;
        _hid.OpenResults[_builtIn.RegistryId] = IOReturnCode.NotPermitted;
        _hid.OpenResults[_usb.RegistryId] = IOReturnCode.NotPermitted;
        Manager();
        _manager.OnMatched(_builtIn);
        _manager.OnMatched(_usb);

        foreach (var device in new[] { _builtIn, _usb })
        {
            var status = StatusOf(device);
            Assert.Equal(KeyboardState.AccessDenied, status.State);
            Assert.Contains("Input Monitoring is not granted", status.Cause);
            Assert.Contains("System Settings → Privacy & Security → Input Monitoring", status.Fix);
            Assert.Contains("/usr/local/bin/remapper", status.Fix);
        }
        Assert.Equal(1, _hid.AccessRequests); // macOS's prompt, once
        Assert.Contains("Input Monitoring", _manager.Note);

        // The user turns the switch on; macOS now lets both open.
        _hid.Access = InputMonitoringAccess.Granted;
        _hid.OpenResults.Clear();
        _nowMs += 30_000;
        _manager.Tick();
        Assert.Equal(KeyboardState.Seized, StatusOf(_builtIn).State);
        Assert.Equal(KeyboardState.Seized, StatusOf(_usb).State);
        Assert.Null(_manager.Note);
    }

    [Fact]
    public void Unplugging_a_keyboard_mid_press_releases_what_it_held()
    {
        Manager();
        _manager.OnMatched(_usb);
        _manager.OnMatched(_builtIn);
        Key(_usb, Usage.Key(0xE1), true); // left shift
        Key(_usb, A, true);
        Assert.Equal(2, _output.DownCount);

        _manager.OnRemoved(_usb.RegistryId);
        Assert.Equal(0, _output.DownCount);
        Assert.DoesNotContain(_manager.Keyboards, k => k.Identity.Id == MacKeyboardClassifier.Classify(_usb).Identity.Id);
        Assert.Equal(KeyboardState.Seized, StatusOf(_builtIn).State);

        // Plugged back in: seized again, and a key typed then works.
        _manager.OnMatched(_usb);
        Key(_usb, A, true);
        Key(_usb, A, false);
        Assert.Equal(0, _output.DownCount);
        Assert.Equal(KeyboardState.Seized, StatusOf(_usb).State);
    }

    [Fact]
    public void Exclusive_access_names_Karabiner_and_is_retried_often()
    {
        _processes.Processes.Add(new ProcessEntry(321, "Karabiner-Core-Service"));
        _hid.OpenResults[_usb.RegistryId] = IOReturnCode.ExclusiveAccess;
        Manager();
        _manager.OnMatched(_usb);

        var status = StatusOf(_usb);
        Assert.Equal(KeyboardState.Busy, status.State);
        Assert.Equal(321, status.Holder?.Pid);
        Assert.Equal("Karabiner-Core-Service", status.Holder?.CommandLine);
        Assert.Contains("Karabiner-Elements", status.Cause);
        Assert.Contains("kIOReturnExclusiveAccess", status.Cause);
        Assert.Equal(_nowMs + 2_000, _manager.NextReprobeMs);
    }

    [Fact]
    public void Exclusive_access_names_kanata()
    {
        _processes.Processes.Add(new ProcessEntry(99, "kanata_macos_arm64"));
        _hid.OpenResults[_usb.RegistryId] = IOReturnCode.ExclusiveAccess;
        Manager();
        _manager.OnMatched(_usb);
        Assert.Equal(99, StatusOf(_usb).Holder?.Pid);
        Assert.Contains("kanata", StatusOf(_usb).Cause);
    }

    [Fact]
    public void Our_own_virtual_keyboard_is_listed_as_ignored_and_never_opened()
    {
        Manager();
        _manager.OnMatched(_virtual);
        Assert.Empty(_hid.SeizeCalls);
        Assert.Equal(KeyboardState.Ignored, StatusOf(_virtual).State);
        Assert.Equal(_virtual.RegistryId, _output.RegistryId);
    }

    [Fact]
    public void A_device_block_leaves_the_YubiKey_alone_and_a_reload_can_take_it()
    {
        var yubikey = PropertyFixtures.Load("yubikey");
        Manager(Keymaps.CapsToEscape("""
            [[device]]
            match = { vendor_id = 0x1050 }
            ignore = true
            """));
        _manager.OnMatched(yubikey);
        _manager.OnMatched(_usb);
        Assert.Equal(KeyboardState.Ignored, StatusOf(yubikey).State);
        Assert.Contains("test.toml", StatusOf(yubikey).Cause);
        Assert.DoesNotContain(yubikey.RegistryId, _hid.SeizeCalls);

        var plain = Keymaps.CapsToEscape();
        _engine.ReplaceKeymap(plain);
        _manager.ApplyDeviceBlocks(plain.Model.Devices);
        Assert.Equal(KeyboardState.Seized, StatusOf(yubikey).State);

        var ignoring = Keymaps.CapsToEscape("""
            [[device]]
            match = { vendor_id = 0x1050 }
            ignore = true
            """);
        _engine.ReplaceKeymap(ignoring);
        _manager.ApplyDeviceBlocks(ignoring.Model.Devices);
        Assert.DoesNotContain(yubikey.RegistryId, _hid.Seized);
        Assert.Equal(KeyboardState.Ignored, StatusOf(yubikey).State);
    }

    [Fact]
    public void The_first_matching_device_block_decides_as_on_Linux_and_in_remapper_test()
    {
        // A remap block for every USB keyboard before a YubiKey ignore block: the first match decides, so the YubiKey
        // (a USB device) is remapped — the engine and `remapper test` decide the same way.
        var yubikey = PropertyFixtures.Load("yubikey");
        Manager(Keymaps.CapsToEscape("""
            [[device]]
            match = { bus = "usb" }
            remap = { a = "b" }

            [[device]]
            match = { vendor_id = 0x1050 }
            ignore = true
            """));
        _manager.OnMatched(yubikey);
        Assert.Equal(KeyboardState.Seized, StatusOf(yubikey).State);
        Assert.Contains(yubikey.RegistryId, _hid.SeizeCalls);
    }

    [Fact]
    public void Non_keyboards_are_not_listed()
    {
        Manager();
        _manager.OnMatched(PropertyFixtures.Load("builtin-trackpad"));
        Assert.Empty(_manager.Keyboards);
        Assert.Empty(_hid.SeizeCalls);
    }

    [Fact]
    public void The_caps_lock_LED_of_the_virtual_keyboard_is_mirrored_to_seized_keyboards()
    {
        Manager();
        _manager.OnMatched(_virtual);
        _manager.OnMatched(_usb);
        _hid.CapsLockLeds[_virtual.RegistryId] = true;
        _manager.Tick();
        _nowMs += 1_000;
        _manager.Tick(); // unchanged: not set again
        Assert.Equal([(_usb.RegistryId, true)], _hid.LedCalls);
        Assert.True(_engine.CapsLockOn); // the engine follows the real lock state (caps_lock rules)
        _hid.CapsLockLeds[_virtual.RegistryId] = false;
        _manager.Tick(); // too soon after the last look: the LED is read a few times a second, not per key
        Assert.Single(_hid.LedCalls);
        _nowMs += 1_000;
        _manager.Tick();
        Assert.Equal((_usb.RegistryId, false), _hid.LedCalls[^1]);
        Assert.False(_engine.CapsLockOn);
    }

    [Fact]
    public void Usages_outside_the_engines_pages_are_dropped()
    {
        Assert.False(MacDeviceManager.ToUsage(0x07, 0x01, out _)); // ErrorRollOver
        Assert.False(MacDeviceManager.ToUsage(0x07, 0xFFFFFFFF, out _));
        Assert.False(MacDeviceManager.ToUsage(0xFF, 0x03, out _)); // Apple vendor top case (fn)
        Assert.True(MacDeviceManager.ToUsage(0x07, 0xE3, out var command));
        Assert.True(command.IsModifier);
        Assert.True(MacDeviceManager.ToUsage(0x0C, 0xCD, out _)); // play/pause
    }
}
