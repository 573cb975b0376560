using BenchmarkDotNet.Attributes;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Benchmarks;

/// <summary>
/// Engine cost per key event (press or release), with timers driven the way the event loop drives them.
/// Each invocation replays one typing script; OperationsPerInvoke divides by its event count.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineBenchmarks
{
    private const int ScriptLength = 1000;

    private sealed class NullOutput : IKeyOutput
    {
        public int Changes;
        public void Send(Usage usage, bool down) => Changes++;
    }

    private RemapEngine _engine = null!;
    private KeyEvent[] _script = [];
    private long _offsetUs;
    private long _spanUs;

    [Params("plain-keys", "tap-hold-rolls", "combos", "layer-heavy", "karabiner-heavy", "macros-text", "tap-hold-options", "oneshot-dance-sequences")]
    public string Workload { get; set; } = "plain-keys";

    [GlobalSetup]
    public void Setup()
    {
        var (keymap, keys, gapMs, overlap) = Workload switch
        {
            "tap-hold-rolls" => (BenchmarkKeymaps.HomeRowMods, "asdfjkl;asdf", 35, true),
            "combos" => (BenchmarkKeymaps.Combos, "jkxklysdzdfq", 12, true),
            "layer-heavy" => (BenchmarkKeymaps.LayerHeavy, " hjkl uimn", 40, true),
            "karabiner-heavy" => (BenchmarkKeymaps.KarabinerHeavy, "shjklwqbdsuxeotn", 35, true),
            "macros-text" => (BenchmarkKeymaps.MacrosText, "qabrabc dewxty ", 40, true),
            "tap-hold-options" => (BenchmarkKeymaps.TapHoldOptions, "asdfjklqqaskdq", 35, true),
            "oneshot-dance-sequences" => (BenchmarkKeymaps.OneShotDanceSequences, "zaxabqqvcxcdexgstxgx qw", 40, true),
            _ => (BenchmarkKeymaps.PassThrough, "thequickbrownfoxjumps", 60, false),
        };
        var loaded = KeymapLoader.Load(keymap, "benchmark.toml");
        if (!loaded.Success) throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        _engine = new RemapEngine(CompiledKeymap.Compile(loaded.Model!), new NullOutput());
        int device = _engine.AttachDevice(new KeyboardIdentity("usb", "bench", DeviceBus.Usb, 1, 1));
        _script = Typing(device, keys, gapMs, overlap);
        _spanUs = _script[^1].TimeUs + 1_000_000;
    }

    /// <summary>Types the keys in a loop; with overlap each key goes down before the previous one is up (a roll).</summary>
    private static KeyEvent[] Typing(int device, string keys, int gapMs, bool overlap)
    {
        var events = new List<KeyEvent>(ScriptLength);
        long t = 0;
        Usage previous = default;
        for (int i = 0; events.Count < ScriptLength - 1; i++)
        {
            var usage = ToUsage(keys[i % keys.Length]);
            t += gapMs * 1000L;
            events.Add(new KeyEvent(device, usage, true, t));
            if (overlap && !previous.IsNone) events.Add(new KeyEvent(device, previous, false, t + 5000));
            else if (!overlap) events.Add(new KeyEvent(device, usage, false, t + 20_000));
            previous = overlap ? usage : default;
        }
        if (!previous.IsNone) events.Add(new KeyEvent(device, previous, false, t + 30_000));
        return [.. events];
    }

    private static Usage ToUsage(char c) => c switch
    {
        ' ' => Usage.Key(0x2C),
        ';' => Usage.Key(0x33),
        >= 'a' and <= 'z' => Usage.Key((ushort)(0x04 + c - 'a')),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    [Benchmark(OperationsPerInvoke = ScriptLength)]
    public void ProcessEvent()
    {
        var engine = _engine;
        long offset = _offsetUs;
        foreach (var e in _script)
        {
            long time = e.TimeUs + offset;
            if (engine.NextDeadlineUs <= time) engine.Advance(time);
            engine.Process(e with { TimeUs = time });
        }
        engine.Advance(offset + _spanUs);
        _offsetUs = offset + _spanUs;
    }
}
