using Remapper.Core.Engine;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;

namespace Remapper.Core.Testing;

/// <summary>One change the engine sent to its output, stamped with the virtual time it happened at.</summary>
public readonly record struct RecordedOutput(Usage Usage, bool Down, long TimeUs)
{
    public override string ToString() =>
        $"{(PointerExpectations.TryFormatButton(Usage, out var button) ? button : KeyNames.NameOf(Usage))} {(Down ? "down" : "up")} @{KeyTestTime.Format(TimeUs)}";
}

/// <summary>
/// Stands in for the virtual keyboard: records every change and keeps the pressed set, so a test can also
/// fail on what a user would feel as a stuck or phantom key (an up with no down, a down twice). It is the virtual
/// pointer too: button changes join <see cref="Events"/> (as Button-page usages), motion goes to <see cref="Motion"/>.
/// </summary>
public sealed class OutputRecorder : IKeyOutput, IPointerOutput
{
    private readonly List<RecordedMotion> _motion = [];
    private byte _buttons;

    private readonly List<RecordedOutput> _events = [];
    private readonly List<Usage> _pressed = [];
    private readonly List<string> _problems = [];

    /// <summary>The virtual time stamped on changes; the runner sets it before each call into the engine.</summary>
    public long NowUs { get; set; }

    public IReadOnlyList<RecordedOutput> Events => _events;

    /// <summary>Every pointer motion report, in order.</summary>
    public IReadOnlyList<RecordedMotion> Motion => _motion;

    public void SendPointer(in PointerReport report)
    {
        byte changed = (byte)(report.Buttons ^ _buttons);
        _buttons = report.Buttons;
        for (int i = 0; i < PointerButtons.Count; i++)
            if ((changed & (1 << i)) != 0) Send(PointerButtons.Usage(i + 1), (report.Buttons & (1 << i)) != 0);
        if (report.HasMotion) _motion.Add(PointerExpectations.Record(report, NowUs));
    }

    /// <summary>Output keys down right now, in the order they went down.</summary>
    public IReadOnlyList<Usage> Pressed => _pressed;

    /// <summary>Changes that contradict the output state (up without down, down while down).</summary>
    public IReadOnlyList<string> Problems => _problems;

    public void Send(Usage usage, bool down)
    {
        _events.Add(new RecordedOutput(usage, down, NowUs));
        var at = $"@{KeyTestTime.Format(NowUs)}";
        if (down)
        {
            if (_pressed.Contains(usage)) _problems.Add($"{KeyNames.NameOf(usage)} down {at} while it was already down");
            else _pressed.Add(usage);
        }
        else if (!_pressed.Remove(usage))
        {
            _problems.Add($"{KeyNames.NameOf(usage)} up {at} without a matching down");
        }
    }
}
