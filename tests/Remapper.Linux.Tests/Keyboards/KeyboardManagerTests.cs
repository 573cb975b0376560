using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Linux.Interop;
using Remapper.Linux.Keyboards;

namespace Remapper.Linux.Tests.Keyboards;

/// <summary>The life of keyboards in the daemon, driven through fake OS ports: no devices, no threads, no sleeping.</summary>
public class KeyboardManagerTests
{
    private static readonly KeyboardManagerOptions Options = new()
    {
        WaitForRelease = TimeSpan.FromSeconds(2),
        BusyReprobeInterval = TimeSpan.FromSeconds(2),
        ReprobeInterval = TimeSpan.FromSeconds(30),
    };

    private readonly FakeKeyboardPorts _ports = new();

    private KeyboardManager<FakeHandle> Manager(string keymap = "")
    {
        var compiled = Compile(keymap);
        _ports.Engine = new RemapEngine(compiled, new NullOutput());
        return new KeyboardManager<FakeHandle>(compiled.DeviceRules, _ports, _ports, _ports, _ports, _ports, _ports, Options);
    }

    private static CompiledKeymap Compile(string keymap)
    {
        var loaded = KeymapLoader.Load("version = 1\n" + keymap, "test.toml");
        Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
        return CompiledKeymap.Compile(loaded.Model);
    }

    [Fact]
    public void A_keyboard_with_no_key_held_is_seized_at_once()
    {
        var manager = Manager();
        manager.OnScan([FakeKeyboardPorts.Keyboard("event3")]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event3"));
        Assert.Equal(["attach event3"], _ports.Events);
    }

    [Fact]
    public void A_keyboard_with_a_key_held_is_pending_and_grabbed_only_once_the_key_is_released()
    {
        var manager = Manager();
        _ports.HeldOnOpen.Add("event3");
        manager.OnScan([FakeKeyboardPorts.Keyboard("event3")]);
        Assert.Equal(KeyboardState.Pending, manager.StateOf("event3"));
        Assert.Empty(_ports.Events);
        Assert.True(manager.NextWakeMs <= _ports.NowMs + 10, "a waiting keyboard is polled soon");

        _ports.NowMs += 500;
        manager.Tick();
        Assert.Equal(KeyboardState.Pending, manager.StateOf("event3")); // still held

        _ports.Opened["event3"].AnyKeyHeld = false;
        _ports.NowMs += 10;
        manager.Tick();
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event3"));
        Assert.Equal(["attach event3"], _ports.Events);
    }

    [Fact]
    public void A_key_held_past_the_wait_is_grabbed_anyway_and_status_says_so()
    {
        var manager = Manager();
        _ports.HeldOnOpen.Add("event3");
        manager.OnScan([FakeKeyboardPorts.Keyboard("event3")]);
        _ports.NowMs += 2_001;
        manager.Tick();
        var finding = Assert.Single(manager.Keyboards);
        Assert.Equal(KeyboardState.Seized, finding.State);
        Assert.Contains("still held", finding.Detail);
    }

    [Fact]
    public void A_busy_keyboard_is_retried_every_two_seconds_explained_once_and_taken_when_the_other_program_lets_go()
    {
        var manager = Manager();
        _ports.GrabErrno["event3"] = Errno.EBUSY;
        var keyboard = FakeKeyboardPorts.Keyboard("event3");
        manager.OnScan([keyboard]);
        Assert.Equal(KeyboardState.Busy, manager.StateOf("event3"));
        Assert.True(_ports.Opened["event3"].Disposed, "a refused grab closes the node");
        _ports.DeliverExplanations(manager);

        for (int retry = 0; retry < 5; retry++)
        {
            Assert.False(manager.ScanWanted);
            _ports.NowMs += 2_000;
            manager.Tick();
            Assert.True(manager.ScanWanted, "a busy keyboard is looked at again after the busy interval");
            manager.OnScan([keyboard]);
            Assert.Equal(KeyboardState.Busy, manager.StateOf("event3"));
        }
        Assert.Equal(1, _ports.Explained); // the same EBUSY is not re-explained (that walks /proc) on every retry
        Assert.Single(_ports.Warnings);    // and logged once, not every two seconds

        _ports.GrabErrno.Remove("event3");
        _ports.NowMs += 2_000;
        manager.Tick();
        manager.OnScan([keyboard]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event3"));
    }

    [Fact]
    public void A_denied_keyboard_is_seized_on_the_scan_after_its_permissions_are_fixed()
    {
        var manager = Manager();
        _ports.OpenErrno["event3"] = Errno.EACCES;
        var keyboard = FakeKeyboardPorts.Keyboard("event3");
        manager.OnScan([keyboard, FakeKeyboardPorts.Keyboard("event4")]);
        Assert.Equal(KeyboardState.AccessDenied, manager.StateOf("event3"));
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event4")); // one denied keyboard does not stop the others
        _ports.DeliverExplanations(manager);
        Assert.Equal("the fix", manager.Keyboards.First().Fix);

        _ports.OpenErrno.Remove("event3"); // e.g. the udev rule was installed: inotify sees the attrib change and a scan runs
        manager.OnScan([keyboard, FakeKeyboardPorts.Keyboard("event4")]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event3"));
        Assert.Equal(["attach event4", "attach event3"], _ports.Events);
    }

    [Fact]
    public void A_refusal_shows_at_once_and_its_explanation_made_off_the_loop_replaces_it_unless_the_keyboard_moved_on()
    {
        var manager = Manager();
        _ports.GrabErrno["event3"] = Errno.EBUSY;
        var keyboard = FakeKeyboardPorts.Keyboard("event3");
        manager.OnScan([keyboard]);

        // Before the explainer answers, status already says what failed; nothing is logged yet (the answer is, once).
        var bare = Assert.Single(manager.Keyboards);
        Assert.Equal(KeyboardState.Busy, bare.State);
        Assert.Equal("EVIOCGRAB on /dev/input/event3 failed: EBUSY", bare.Detail);
        Assert.Null(bare.Fix);
        Assert.Empty(_ports.Warnings);
        int version = manager.Version;

        _ports.DeliverExplanations(manager);
        var explained = Assert.Single(manager.Keyboards);
        Assert.Equal(KeyboardState.Busy, explained.State);
        Assert.Equal("the fix", explained.Fix);
        Assert.True(manager.Version > version, "the explanation is published");
        Assert.Single(_ports.Warnings);

        // The other program lets go, and a second failure's answer comes late: the seized keyboard stays seized.
        _ports.GrabErrno["event4"] = Errno.EACCES;
        var other = FakeKeyboardPorts.Keyboard("event4");
        manager.OnScan([keyboard, other]);
        _ports.GrabErrno.Remove("event3");
        _ports.GrabErrno.Remove("event4");
        _ports.NowMs += 2_000;
        manager.Tick();
        manager.OnScan([keyboard, other]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event4"));
        _ports.DeliverExplanations(manager);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event4"));
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event3"));
        Assert.DoesNotContain(manager.Keyboards, k => k.Fix == "the fix");
    }

    [Fact]
    public void A_keyboard_plugged_in_later_is_seized_and_one_that_vanishes_while_waiting_is_gone()
    {
        var manager = Manager();
        var laptop = FakeKeyboardPorts.Keyboard("event0", "AT Translated Set 2 keyboard", bus: 0x11, vendor: 1, product: 1);
        manager.OnScan([laptop]);
        _ports.HeldOnOpen.Add("event5");
        manager.OnScan([laptop, FakeKeyboardPorts.Keyboard("event5")]);
        Assert.Equal(KeyboardState.Pending, manager.StateOf("event5"));

        _ports.Opened["event5"].BrokenErrno = Errno.ENODEV; // unplugged before its key was released
        manager.Tick();
        Assert.True(_ports.Opened["event5"].Disposed);
        Assert.True(manager.ScanWanted);
        manager.OnScan([laptop]);
        Assert.Equal(KeyboardState.Gone, manager.StateOf("event5"));
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event0"));
        manager.OnScan([laptop]);
        Assert.DoesNotContain(manager.Keyboards, f => f.Path!.EndsWith("event5", StringComparison.Ordinal)); // gone is said once, then forgotten
    }

    [Fact]
    public void A_keyboard_unplugged_mid_press_is_let_go_and_nothing_it_held_stays_pressed()
    {
        var manager = Manager("[remap]\ncaps_lock = \"left_control\"\n");
        manager.OnScan([FakeKeyboardPorts.Keyboard("event3")]);
        var handle = _ports.Opened["event3"];
        int slot = _ports.Slots[handle];
        _ports.Engine.Process(new KeyEvent(slot, Usage.Key(0x39), true, 1_000_000)); // caps_lock down → left_control down
        _ports.Engine.Process(new KeyEvent(slot, Usage.Key(0x04), true, 1_000_100));
        Assert.Equal(2, _ports.Engine.PressedOutputCount);

        manager.OnLost(handle, Errno.ENODEV);
        Assert.Equal(0, _ports.Engine.PressedOutputCount);
        Assert.True(handle.Disposed);
        Assert.Equal(["attach event3", "detach event3"], _ports.Events);
        var finding = Assert.Single(manager.Keyboards);
        Assert.Equal(KeyboardState.Gone, finding.State);
        Assert.Contains("held keys were released", finding.Detail);

        manager.OnScan([FakeKeyboardPorts.Keyboard("event3")]); // plugged back in
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event3"));
    }

    [Fact]
    public void A_reload_that_ignores_a_seized_keyboard_lets_it_go_and_one_that_stops_ignoring_it_takes_it_back()
    {
        var manager = Manager();
        var yubikey = FakeKeyboardPorts.Keyboard("event7", "Yubico YubiKey", vendor: 0x1050, product: 0x0407);
        manager.OnScan([yubikey]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event7"));

        manager.ApplyRules(Compile("[[device]]\nmatch = { vendor_id = 0x1050 }\nignore = true\n").DeviceRules);
        Assert.True(_ports.Opened["event7"].Disposed);
        Assert.Equal(["attach event7", "detach event7"], _ports.Events);
        Assert.True(manager.ScanWanted);
        manager.OnScan([yubikey]);
        var ignored = Assert.Single(manager.Keyboards);
        Assert.Equal(KeyboardState.Ignored, ignored.State);
        Assert.Equal("ignored by [[device]] at test.toml:2:1 (vendor_id = 0x1050)", ignored.Detail);

        manager.ApplyRules(Compile("[[device]]\nmatch = { vendor_id = 0x1050 }\nignore = true\n").DeviceRules);
        Assert.False(manager.ScanWanted); // same rules: no rescan, nothing touched

        manager.ApplyRules(Compile("").DeviceRules);
        Assert.True(manager.ScanWanted);
        manager.OnScan([yubikey]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event7"));
    }

    [Fact]
    public void The_first_matching_device_block_decides_so_a_usb_remap_block_before_a_yubikey_ignore_block_seizes_the_yubikey()
    {
        const string keymap = "[[device]]\nmatch = { bus = \"usb\" }\nremap = { a = \"b\" }\n\n" +
            "[[device]]\nmatch = { vendor_id = 0x1050 }\nignore = true\n";
        var manager = Manager(keymap);
        var yubikey = FakeKeyboardPorts.Keyboard("event7", "Yubico YubiKey", vendor: 0x1050, product: 0x0407);
        manager.OnScan([yubikey]);
        Assert.Equal(KeyboardState.Seized, manager.StateOf("event7"));
        Assert.False(Compile(keymap).IsIgnored(yubikey.Identity)); // what `remapper test` and the engine decide too
    }

    [Fact]
    public void Status_changes_bump_the_version_and_a_quiet_rescan_does_not()
    {
        var manager = Manager();
        var keyboard = FakeKeyboardPorts.Keyboard("event3");
        manager.OnScan([keyboard]);
        int version = manager.Version;
        manager.OnScan([keyboard]);
        Assert.Equal(version, manager.Version);
        manager.OnLost(_ports.Opened["event3"], Errno.ENODEV);
        Assert.NotEqual(version, manager.Version);
    }

    private sealed class NullOutput : IKeyOutput
    {
        public void Send(Usage usage, bool down) { }
    }
}
