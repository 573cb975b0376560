using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class EngineBasicsTests
{
    private static string Dn(Remapper.Core.Hid.Usage u) => $"{u} down";
    private static string UpE(Remapper.Core.Hid.Usage u) => $"{u} up";

    [Fact]
    public void Unmapped_keys_pass_through_unchanged()
    {
        var rig = new EngineRig(Model());
        rig.Down(A).Up(A);
        Assert.Equal([Dn(A), UpE(A)], rig.Settle());
    }

    [Fact]
    public void Simple_remap_replaces_the_key()
    {
        var rig = new EngineRig(Model(remap: [Bind(Caps, Chord(Esc))]));
        rig.Down(Caps).Wait(30).Up(Caps);
        Assert.Equal([Dn(Esc), UpE(Esc)], rig.Settle());
    }

    [Fact]
    public void Chord_target_presses_in_order_and_releases_in_reverse()
    {
        var rig = new EngineRig(Model(remap: [Bind(F, Chord(LCtrl, LShift, X))]));
        rig.Tap(F);
        Assert.Equal([Dn(LCtrl), Dn(LShift), Dn(X), UpE(X), UpE(LShift), UpE(LCtrl)], rig.Settle());
    }

    [Fact]
    public void None_swallows_the_key()
    {
        var rig = new EngineRig(Model(remap: [Bind(Caps, new NoAction(At))]));
        rig.Tap(Caps).Tap(A);
        Assert.Equal([Dn(A), UpE(A)], rig.Settle());
    }

    [Fact]
    public void Two_keys_holding_the_same_output_give_one_down_and_one_up()
    {
        var rig = new EngineRig(Model(remap: [Bind(Caps, Chord(LCtrl))]));
        rig.Down(Caps).Down(LCtrl).Up(Caps).Up(LCtrl);
        Assert.Equal([Dn(LCtrl), UpE(LCtrl)], rig.Settle());
    }

    [Fact]
    public void Repeated_down_and_stray_up_are_ignored()
    {
        var rig = new EngineRig(Model());
        rig.Up(B).Down(A).Down(A).Up(A).Up(A);
        Assert.Equal([Dn(A), UpE(A)], rig.Settle());
    }

    [Fact]
    public void Sequence_taps_each_step_on_press()
    {
        var rig = new EngineRig(Model(remap: [Bind(F, new SequenceAction([Chord(LCtrl, A), Chord(C)], At))]));
        rig.Down(F);
        Assert.Equal([Dn(LCtrl), Dn(A), UpE(A), UpE(LCtrl), Dn(C), UpE(C)], rig.Output.Log);
        rig.Up(F);
        Assert.Equal(6, rig.Settle().Count);
    }

    [Fact]
    public void Per_device_remap_applies_only_to_that_keyboard()
    {
        var apple = new DeviceBlock(new DeviceMatch(VendorId: 0x05ac), false, [Bind(Caps, Chord(Esc))], At);
        var rig = new EngineRig(Model(remap: [Bind(Caps, Chord(LCtrl))], devices: [apple]));
        int mac = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("spi:05ac", "Apple Internal Keyboard", Devices.DeviceBus.Spi, 0x05ac, 0x0342));
        int usb = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("usb:046d", "Logitech", Devices.DeviceBus.Usb, 0x046d, 0xc31c));
        rig.Tap(Caps, mac).Tap(Caps, usb);
        Assert.Equal([Dn(Esc), UpE(Esc), Dn(LCtrl), UpE(LCtrl)], rig.Settle());
    }

    [Fact]
    public void Ignored_keyboard_passes_through()
    {
        var yubikey = new DeviceBlock(new DeviceMatch(VendorId: 0x1050), true, [], At);
        var rig = new EngineRig(Model(remap: [Bind(A, Chord(B))], devices: [yubikey]));
        int yk = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("usb:1050", "YubiKey", Devices.DeviceBus.Usb, 0x1050, 0x0407));
        int kb = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("usb:046d", "Logitech", Devices.DeviceBus.Usb, 0x046d, 0xc31c));
        Assert.True(rig.Engine.Keymap.IsIgnored(new Devices.KeyboardIdentity("x", "YubiKey", Devices.DeviceBus.Usb, 0x1050, 1)));
        rig.Tap(A, yk).Tap(A, kb);
        Assert.Equal([Dn(A), UpE(A), Dn(B), UpE(B)], rig.Settle());
    }

    [Fact]
    public void Detaching_a_keyboard_mid_press_releases_what_it_held()
    {
        var rig = new EngineRig(Model(remap: [Bind(Caps, Chord(LCtrl))]));
        int kb = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("usb:1", "kb", Devices.DeviceBus.Usb, 1, 1));
        rig.Down(Caps, kb).Down(A, kb);
        rig.Engine.DetachDevice(kb, 5000);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
        Assert.Empty(rig.Output.Violations);
        Assert.Equal(4, rig.Output.Log.Count);
    }

    [Fact]
    public void Replacing_the_keymap_releases_held_keys_exactly_once()
    {
        var rig = new EngineRig(Model(remap: [Bind(Caps, Chord(LCtrl))]));
        rig.Down(Caps);
        rig.Engine.ReplaceKeymap(Remapper.Core.Engine.CompiledKeymap.Compile(Model(remap: [Bind(Caps, Chord(Esc))])));
        rig.Up(Caps).Tap(Caps);
        Assert.Equal([Dn(LCtrl), UpE(LCtrl), Dn(Esc), UpE(Esc)], rig.Settle());
        Assert.Empty(rig.Output.Violations);
    }
}
