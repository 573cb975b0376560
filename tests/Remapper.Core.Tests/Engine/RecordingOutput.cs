using Remapper.Core.Engine;
using Remapper.Core.Hid;

namespace Remapper.Core.Tests.Engine;

/// <summary>Records what the engine sends and checks it is well-formed as it goes (no double down, no stray up).</summary>
internal sealed class RecordingOutput : IKeyOutput
{
    private readonly HashSet<Usage> _down = [];

    /// <summary>"usage down" / "usage up" in order.</summary>
    public List<string> Log { get; } = [];

    /// <summary>The same with the engine time: "usage down @200ms".</summary>
    public List<string> TimedLog { get; } = [];
    public List<string> Violations { get; } = [];
    public Func<long>? Clock { get; set; }
    public IReadOnlyCollection<Usage> Down => _down;

    public void Send(Usage usage, bool down)
    {
        if (down && !_down.Add(usage)) Violations.Add($"{usage} down while already down");
        if (!down && !_down.Remove(usage)) Violations.Add($"{usage} up while not down");
        var entry = $"{usage} {(down ? "down" : "up")}";
        Log.Add(entry);
        TimedLog.Add(Clock is null ? entry : $"{entry} @{Clock() / 1000}ms");
    }

    public void Clear()
    {
        Log.Clear();
        TimedLog.Clear();
    }
}
