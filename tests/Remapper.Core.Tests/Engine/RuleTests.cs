using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class RuleTests
{
    private const byte ControlEither = 0x11;

    [Fact]
    public void To_if_alone_taps_when_released_alone()
    {
        // The held to-key goes up at once; its own modifiers go up just before the escape (in HID bit order).
        var hyper = Chord(LShift, LCtrl, LAlt, LGui);
        var rig = new EngineRig(Model(rules: [Rule(RGui, to: hyper, alone: Chord(Esc))]));
        rig.Down(RGui).Wait(100).Up(RGui);
        Assert.Equal([$"{LShift} down", $"{LCtrl} down", $"{LAlt} down", $"{LGui} down",
            $"{LGui} up", $"{LCtrl} up", $"{LShift} up", $"{LAlt} up", $"{Esc} down", $"{Esc} up"], rig.Settle());
    }

    [Fact]
    public void To_if_alone_is_dropped_when_another_key_was_pressed()
    {
        var rig = new EngineRig(Model(rules: [Rule(RGui, to: Chord(LCtrl), alone: Chord(Esc))]));
        rig.Down(RGui).Tap(C).Up(RGui);
        Assert.Equal([$"{LCtrl} down", $"{C} down", $"{C} up", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void To_if_alone_expires_after_the_alone_timeout()
    {
        var rig = new EngineRig(Model(rules: [Rule(RGui, to: Chord(LCtrl), alone: Chord(Esc))]));
        rig.Down(RGui).Wait(1500).Up(RGui);
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up"], rig.Settle());
    }

    [Fact]
    public void Mandatory_modifiers_are_hidden_while_the_rule_key_is_held()
    {
        var rig = new EngineRig(Model(rules: [Rule(H, to: Chord(Backspace), mandatory: [ControlEither])]));
        rig.Down(LCtrl).Tap(H).Up(LCtrl);
        // Control comes back only for a key that needs it; released first, it never comes back at all.
        Assert.Equal([$"{LCtrl} down", $"{LCtrl} up", $"{Backspace} down", $"{Backspace} up"], rig.Settle());
    }

    [Fact]
    public void Rule_without_its_mandatory_modifier_does_not_match()
    {
        var rig = new EngineRig(Model(rules: [Rule(H, to: Chord(Backspace), mandatory: [ControlEither])]));
        rig.Tap(H);
        Assert.Equal([$"{H} down", $"{H} up"], rig.Settle());
    }

    [Fact]
    public void Extra_modifiers_block_the_match_unless_optional()
    {
        var strict = new EngineRig(Model(rules: [Rule(H, to: Chord(Backspace), mandatory: [ControlEither])]));
        strict.Down(LCtrl).Down(LShift).Tap(H).Up(LShift).Up(LCtrl);
        Assert.Contains($"{H} down", strict.Settle());

        var any = new EngineRig(Model(rules: [Rule(H, to: Chord(Backspace), mandatory: [ControlEither], optional: 0xFF)]));
        any.Down(LCtrl).Down(LShift).Tap(H).Up(LShift).Up(LCtrl);
        Assert.Contains($"{Backspace} down", any.Settle());
    }

    [Fact]
    public void To_if_held_down_fires_after_the_threshold()
    {
        // As in Karabiner, to_if_alone still follows a release within the alone timeout (a halt would stop it).
        var rig = new EngineRig(Model(rules: [Rule(Caps, alone: Chord(Esc), heldDown: Chord(LCtrl))]));
        rig.Down(Caps).Wait(700).Up(Caps);
        Assert.Equal([$"{LCtrl} down @500ms", $"{LCtrl} up @700ms", $"{Esc} down @700ms", $"{Esc} up @700ms"], rig.Output.TimedLog);
    }

    [Fact]
    public void Variables_switch_rules_on_and_off()
    {
        var model = Model(rules:
        [
            Rule(F, to: new SetVariableAction("vim", 1, At), afterUp: new SetVariableAction("vim", 0, At)),
            Rule(H, to: Chord(Left), conditions: [new VariableCondition("vim", 1, false, At)]),
        ]);
        var rig = new EngineRig(model);
        rig.Tap(H).Down(F).Tap(H).Up(F).Tap(H);
        Assert.Equal([$"{H} down", $"{H} up", $"{Left} down", $"{Left} up", $"{H} down", $"{H} up"], rig.Settle());
    }

    [Fact]
    public void Device_condition_limits_a_rule_to_matching_keyboards()
    {
        var builtIn = new DeviceCondition([new DeviceMatch(BuiltIn: true)], false, At);
        var rig = new EngineRig(Model(rules: [Rule(Caps, to: Chord(Esc), conditions: [builtIn])]));
        int laptop = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("i8042", "AT Translated Set 2 keyboard", Devices.DeviceBus.I8042, 1, 1));
        int usb = rig.Engine.AttachDevice(new Devices.KeyboardIdentity("usb", "USB kb", Devices.DeviceBus.Usb, 2, 2));
        rig.Tap(Caps, laptop).Tap(Caps, usb);
        Assert.Equal([$"{Esc} down", $"{Esc} up", $"{Caps} down", $"{Caps} up"], rig.Settle());
    }
}
