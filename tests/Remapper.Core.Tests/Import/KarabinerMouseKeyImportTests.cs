using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Engine;
using Remapper.Core.Tests.Engine.Mouse;

namespace Remapper.Core.Tests.Import;

/// <summary>Karabiner's mouse_key and pointing_button to-events come through the import and move the pointer.</summary>
public class KarabinerMouseKeyImportTests
{
    private static (RemapEngine Engine, PointerRecorder Pointer, RecordingOutput Keys, string Toml) Import(string manipulators)
    {
        var result = KarabinerImporter.Import($"[{manipulators}]", "rules.json");
        Assert.Empty(result.NotConverted);
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics) + "\n" + result.Toml);
        var pointer = new PointerRecorder();
        var keys = new RecordingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(loaded.Model!), keys, pointer);
        pointer.Clock = () => engine.NowUs;
        return (engine, pointer, keys, result.Toml!);
    }

    [Fact]
    public void A_mouse_key_velocity_moves_the_pointer_while_its_key_is_held()
    {
        var (engine, pointer, _, toml) = Import("""{"from":{"key_code":"d"},"to":[{"mouse_key":{"x":1536,"y":-768}}]}""");
        Assert.Contains("mouse_key = { x = 1536, y = -768 }", toml);
        engine.Process(new KeyEvent(0, Usage.Key(0x07), true, 0));
        engine.Advance(40_000);
        engine.Process(new KeyEvent(0, Usage.Key(0x07), false, 40_000));
        engine.Advance(1_000_000);
        Assert.Equal(36, pointer.SumX(0, 1_000_000));
        Assert.Equal(-18, pointer.Reports.Sum(r => r.Report.Y));
    }

    [Fact]
    public void A_speed_multiplier_with_modifiers_keeps_the_modifier_and_scales_other_velocities()
    {
        var (engine, pointer, keys, toml) = Import("""
            {"from":{"key_code":"right_option","modifiers":{"optional":["any"]}},"to":[{"mouse_key":{"speed_multiplier":0.5},"modifiers":["right_option"]}]},
            {"from":{"key_code":"d","modifiers":{"optional":["any"]}},"to":[{"mouse_key":{"x":1536}}]}
            """);
        Assert.Contains("speed_multiplier = 0.5", toml);
        engine.Process(new KeyEvent(0, Usage.Key(0xE6), true, 0));
        engine.Process(new KeyEvent(0, Usage.Key(0x07), true, 0));
        engine.Advance(20_000);
        engine.Process(new KeyEvent(0, Usage.Key(0x07), false, 20_000));
        engine.Process(new KeyEvent(0, Usage.Key(0xE6), false, 20_000));
        Assert.Equal(12, pointer.SumX(0, 1_000_000)); // 6 + 6: half of 12 px per 20 ms
        Assert.Equal(["right_option down", "right_option up"], keys.Log);
    }

    [Fact]
    public void A_pointing_button_is_held_while_its_key_is()
    {
        var (engine, pointer, _, _) = Import("""{"from":{"key_code":"f"},"to":[{"pointing_button":"button2"}]}""");
        engine.Process(new KeyEvent(0, Usage.Key(0x09), true, 0));
        Assert.Equal(0b10, pointer.Buttons);
        engine.Process(new KeyEvent(0, Usage.Key(0x09), false, 5_000));
        Assert.Equal(0, pointer.Buttons);
    }
}
