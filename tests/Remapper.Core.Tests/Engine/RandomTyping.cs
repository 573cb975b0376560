using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>
/// Random typing on a random keymap (<see cref="EngineInvariantTests.BuildKeymap"/>) on up to three keyboards, with
/// keymap swaps, pauses and unplugs in between, then every key released and every timer run: the setup the invariant
/// and clock property tests share, and the one check they both make.
/// </summary>
internal static class RandomTyping
{
    /// <summary>The keys random typing uses: letters, modifiers, and the emergency keys so pausing gets exercised too.</summary>
    public static readonly Usage[] Pool = [A, B, C, D, F, H, J, KK, L, S, Space, Caps, LCtrl, LShift, Esc, RGui];

    /// <summary>What happens, besides the key itself, at one event.</summary>
    public enum Op { None, Advance, SwapKeymap, Pause, Resume, Replug, ReleaseKeys }

    private static readonly KeyboardIdentity[] Keyboards =
    [
        new("i8042", "AT Translated Set 2 keyboard", DeviceBus.I8042, 1, 1),
        new("usb", "USB Keyboard", DeviceBus.Usb, 2, 2),
        new("spi", "Apple Internal Keyboard", DeviceBus.Spi, 0x05ac, 0x0340),
    ];

    /// <summary>
    /// Types <paramref name="events"/> from <paramref name="startUs"/> on: each waits its (possibly negative: stamped
    /// earlier than the last one) milliseconds, does its <see cref="Op"/>, then presses its key on its keyboard, or
    /// releases it when held. Afterwards every held key is released, remapping resumed and a minute of timers run.
    /// </summary>
    public static (RecordingOutput Output, RemapEngine Engine) Run(int[] genome, int[] combos, long startUs,
        IEnumerable<(int Key, int Device, int WaitMs, Op Op)> events)
    {
        var output = new RecordingOutput();
        var engine = new RemapEngine(Compile(genome, combos), output);
        output.Clock = () => engine.NowUs;
        Type(engine, () => Compile([.. genome.Reverse()], combos), startUs, events, 60_000_000);
        return (output, engine);
    }

    /// <summary>
    /// The property tests' drive for a keymap a test builds from its genome, combos and extra genes: types
    /// <paramref name="events"/> through it (a swap puts in the keymap of the reversed genome and extras), then releases
    /// everything and runs <paramref name="settleUs"/> of timers.
    /// </summary>
    public static (RecordingOutput Output, RemapEngine Engine) Run(Func<int[], int[], int[], KeymapModel> build,
        int[] genome, int[] combos, int[] extra, (int Key, int Device, int Wait)[] events, long settleUs)
    {
        var output = new RecordingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(build(genome, combos, extra)), output);
        output.Clock = () => engine.NowUs;
        Type(engine, () => CompiledKeymap.Compile(build([.. genome.Reverse()], combos, [.. extra.Reverse()])), 0,
            events.Select(e => (e.Key, e.Device, e.Wait, OpFor(e.Wait))), settleUs);
        return (output, engine);
    }

    /// <summary>The usual extra step for a wait: 97 ms swaps the keymap, 113/114 pause/resume, 131 unplugs, 173 clears the keys, every 7th advances time.</summary>
    public static Op OpFor(int waitMs) => waitMs switch
    {
        97 => Op.SwapKeymap,
        113 => Op.Pause,
        114 => Op.Resume,
        131 => Op.Replug,
        173 => Op.ReleaseKeys,
        _ => waitMs % 7 == 0 ? Op.Advance : Op.None,
    };

    /// <summary>
    /// The typing itself, on an engine the caller made (its keymap and outputs): keys from <see cref="Pool"/> on up to
    /// three keyboards, <paramref name="swapped"/> the keymap a swap puts in; afterwards every held key is released,
    /// remapping resumed and <paramref name="settleUs"/> of timers run. Returns the time of the last key.
    /// </summary>
    public static long Type(RemapEngine engine, Func<CompiledKeymap> swapped, long startUs,
        IEnumerable<(int Key, int Device, int WaitMs, Op Op)> events, long settleUs)
    {
        var slots = Keyboards.Select(engine.AttachDevice).ToArray();
        var held = new HashSet<(int, Usage)>();
        var now = startUs;
        foreach (var (key, device, wait, op) in events)
        {
            now += wait * 1000L;
            switch (op)
            {
                case Op.Advance: engine.Advance(now); break;
                case Op.SwapKeymap: engine.ReplaceKeymap(swapped()); break;
                case Op.Pause: engine.SetPaused(true); break;
                case Op.Resume: engine.SetPaused(false); break;
                case Op.Replug:
                    // Unplugged mid-typing, then plugged back in under a new slot.
                    engine.DetachDevice(slots[device], now);
                    held.RemoveWhere(h => h.Item1 == slots[device]);
                    slots[device] = engine.AttachDevice(Keyboards[device]);
                    break;
                case Op.ReleaseKeys:
                    // The keyboard reports all its keys up with no key-up events (a resync); the LED tells the lock state.
                    engine.ReleaseDeviceKeys(slots[device], now);
                    held.RemoveWhere(h => h.Item1 == slots[device]);
                    engine.SetCapsLockState(key % 2 == 0);
                    break;
            }
            var usage = Pool[key];
            bool down = held.Add((slots[device], usage));
            if (!down) held.Remove((slots[device], usage));
            engine.Process(new KeyEvent(slots[device], usage, down, now));
        }
        foreach (var (device, usage) in held)
        {
            now += 5000;
            engine.Process(new KeyEvent(device, usage, false, now));
        }
        engine.SetPaused(false);
        engine.Advance(Math.Max(now, engine.NowUs) + settleUs);
        return now;
    }

    /// <summary>The random keymap; for half the genomes with Karabiner's same-instant reordering (a wait of 0 puts events at one instant).</summary>
    private static CompiledKeymap Compile(int[] genome, int[] combos)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, combos);
        if (genome.Length % 2 == 1) model = model with { Settings = model.Settings with { ModifiersFirstAtSameInstant = true } };
        return CompiledKeymap.Compile(model);
    }

    /// <summary>Every up matched a down, and nothing is left pressed but a sticky modifier the last rule latched on purpose.</summary>
    public static void AssertNothingStaysPressed(RecordingOutput output, RemapEngine engine)
    {
        Assert.Empty(output.Violations);
        // A sticky_modifier latched by the last rule press stays down by request, until the next key.
        byte latched = engine.LatchedModifiers;
        Assert.DoesNotContain(output.Down, u => (u.ModifierBit & latched) == 0);
        Assert.Equal(System.Numerics.BitOperations.PopCount(latched), engine.PressedOutputCount);
    }
}
