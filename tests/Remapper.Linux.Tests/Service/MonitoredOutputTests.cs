using Remapper.Backend.Monitor;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Linux.Service;

namespace Remapper.Linux.Tests.Service;

/// <summary>
/// The monitor tap between the engine and the virtual keyboard, wired as <see cref="LinuxBackend"/> wires it: each key
/// change reaches the virtual keyboard once (one write), and what <c>remapper monitor</c> shows is stamped with the time
/// of the key or timer that caused it — the engine's time, not a clock read per key change (a system call in a guest
/// without a vDSO clock).
/// </summary>
public sealed class MonitoredOutputTests
{
    private const string Keymap = """
        version = 1

        [settings]
        tapping_term_ms = 200

        [remap]
        a = "b"
        f = { tap = "f", hold = "left_control" }

        """;

    private readonly MonitorRing _ring = new();
    private readonly CountingKeyboard _keyboard = new();
    private readonly RemapEngine _engine;
    private readonly MonitoredOutput _monitored;
    private readonly int _slot;

    public MonitoredOutputTests()
    {
        _monitored = new MonitoredOutput(_ring, () => _engine!.NowUs);
        _engine = new RemapEngine(CompiledKeymap.Compile(KeymapLoader.Load(Keymap, "test.toml").Model!), _monitored);
        _monitored.Inner = _keyboard;
        _slot = _engine.AttachDevice(new KeyboardIdentity("usb", "USB Keyboard", DeviceBus.Usb, 1, 2));
    }

    private static Usage Key(string name) => KeyNames.TryParse(name, out var usage) ? usage : throw new ArgumentException(name);

    private void Input(string key, bool down, long timeUs)
    {
        _monitored.OnInput(_slot, Key(key), down, timeUs);
        _engine.Process(new KeyEvent(_slot, Key(key), down, timeUs));
    }

    private List<MonitorEvent> Outputs()
    {
        var events = new MonitorEvent[64];
        int n = new MonitorCursor(_ring, 0).Poll(events, out _);
        return [.. events.Take(n).Where(e => e.Direction == MonitorDirection.Output)];
    }

    [Fact]
    public void A_remapped_key_is_one_write_per_change_and_the_monitor_shows_it_at_the_time_of_the_key()
    {
        Input("a", true, 1_000);
        Input("a", false, 51_000);

        Assert.Equal([(Key("b"), true), (Key("b"), false)], _keyboard.Sent);
        // Times a clock read on this machine could not give: they are the key events' own stamps.
        Assert.Equal([(1_000L, Key("b"), true), (51_000L, Key("b"), false)], Outputs().Select(e => (e.TimeUs, e.Usage, e.Down)));
        Assert.Equal(2, _monitored.EventsIn);
        Assert.Equal(2, _monitored.EventsOut);
    }

    [Fact]
    public void A_hold_decided_by_its_timer_shows_at_the_deadline_not_when_the_loop_woke()
    {
        Input("f", true, 10_000);
        _engine.Advance(900_000); // the loop woke late; the hold was due at 210 ms

        var outputs = Outputs();
        Assert.Equal((210_000L, Key("left_control"), true), (outputs[0].TimeUs, outputs[0].Usage, outputs[0].Down));
        Assert.Single(_keyboard.Sent);
    }

    private sealed class CountingKeyboard : IKeyOutput
    {
        public List<(Usage, bool)> Sent { get; } = [];

        public void Send(Usage usage, bool down) => Sent.Add((usage, down));
    }
}
