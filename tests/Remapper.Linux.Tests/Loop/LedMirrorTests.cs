using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Linux.Loop;

namespace Remapper.Linux.Tests.Loop;

/// <summary>
/// The caps lock LED the desktop sets on the virtual keyboard is the real lock state; the engine must follow it, or a
/// rule with caps_lock in from.modifiers acts on the opposite of what the user sees (caps lock toggled on another
/// keyboard, by the desktop, or already on when the daemon started).
/// </summary>
public class LedMirrorTests
{
    private const string Keymap = """
        version = 1

        [[rule]]
        from = { key_code = "a", modifiers = { mandatory = ["caps_lock"] } }
        to = [{ key_code = "b" }]
        """;

    private sealed class Recorder : IKeyOutput
    {
        public List<string> Log { get; } = [];
        public void Send(Usage usage, bool down) => Log.Add($"{KeyNames.NameOf(usage)} {(down ? "down" : "up")}");
    }

    private static Usage Key(string name) => KeyNames.TryParse(name, out var usage) ? usage : throw new ArgumentException(name);

    [Fact]
    public void The_desktop_turning_caps_lock_on_makes_a_caps_lock_rule_apply()
    {
        var result = KeymapLoader.Load(Keymap, "test.toml");
        Assert.NotNull(result.Model);
        var output = new Recorder();
        var engine = new RemapEngine(CompiledKeymap.Compile(result.Model!), output);
        var leds = new LedMirror { CapsLockChanged = on => engine.SetCapsLockState(on) };
        int slot = engine.AttachDevice(new KeyboardIdentity("usb", "USB Keyboard", DeviceBus.Usb, 1, 1));

        engine.Process(new KeyEvent(slot, Key("a"), true, 1_000));
        engine.Process(new KeyEvent(slot, Key("a"), false, 2_000));
        Assert.Equal(["a down", "a up"], output.Log); // caps lock off: the rule does not match

        output.Log.Clear();
        leds.SetLeds(KeyboardLeds.CapsLock | KeyboardLeds.NumLock);
        engine.Process(new KeyEvent(slot, Key("a"), true, 3_000));
        engine.Process(new KeyEvent(slot, Key("a"), false, 4_000));
        Assert.Contains("b down", output.Log);
        Assert.DoesNotContain("a down", output.Log);
    }

    [Fact]
    public void Only_a_change_of_the_caps_lock_LED_is_passed_on()
    {
        var seen = new List<bool>();
        var leds = new LedMirror { CapsLockChanged = seen.Add };
        leds.SetLeds(KeyboardLeds.NumLock);
        leds.SetLeds(KeyboardLeds.NumLock | KeyboardLeds.CapsLock);
        leds.SetLeds(KeyboardLeds.CapsLock);
        leds.SetLeds(KeyboardLeds.None);
        Assert.Equal([true, false], seen);
    }
}
