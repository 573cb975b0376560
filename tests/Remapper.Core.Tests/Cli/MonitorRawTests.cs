using Remapper.Linux.Input;

namespace Remapper.Core.Tests.Cli;

/// <summary><c>remapper monitor --raw</c>: physical keys and their names, read from an evdev node (here a file of records).</summary>
public class MonitorRawTests
{
    private const ushort EvSyn = 0, EvKey = 1, EvMsc = 4, KeyCapsLock = 58, KeyA = 30;

    private static string Events(TempDir dir, params byte[][] records) =>
        dir.Bytes("event-records", records.SelectMany(r => r).ToArray());

    [Fact]
    public void Shows_each_press_and_release_with_the_keymap_name_and_skips_repeats_and_other_events()
    {
        using var dir = new TempDir();
        var node = Events(dir,
            RawKeyEvent.Encode(EvMsc, 4, 0x70039), RawKeyEvent.Encode(EvKey, KeyCapsLock, 1), RawKeyEvent.Encode(EvSyn, 0, 0),
            RawKeyEvent.Encode(EvKey, KeyCapsLock, 2), RawKeyEvent.Encode(EvKey, KeyCapsLock, 0), RawKeyEvent.Encode(EvSyn, 0, 0),
            RawKeyEvent.Encode(EvKey, KeyA, 1));

        var run = CliRun.OfRemapper("monitor", "--raw", "--device", node);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n').Where(l => l.StartsWith(node[..Math.Min(node.Length, 29)], StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Matches(@"caps_lock\s+0x07:0x39\s+down$", lines[0]);
        Assert.Matches(@"caps_lock\s+0x07:0x39\s+up$", lines[1]);
        Assert.Matches(@"\ba\s+0x07:0x04\s+down$", lines[2]);
    }

    [Fact]
    public void Count_stops_after_that_many_keys()
    {
        using var dir = new TempDir();
        var node = Events(dir, RawKeyEvent.Encode(EvKey, KeyA, 1), RawKeyEvent.Encode(EvKey, KeyA, 0), RawKeyEvent.Encode(EvKey, KeyA, 1));
        var run = CliRun.OfRemapper("monitor", "--raw", "--device", node, "--count", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Out.Split('\n').Count(l => l.Contains("0x07:0x04", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_node_that_cannot_be_opened_is_one_line()
    {
        var run = CliRun.OfRemapper("monitor", "--raw", "--device", "/nonexistent/event99");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("remapper monitor: cannot read /nonexistent/event99", run.Error);
    }
}
