using Remapper.Core.Devices;

namespace Remapper.Core.Engine;

/// <summary>
/// The rule engine: physical key events in, virtual key changes out. Pure and single-threaded; time comes
/// only from the events and <see cref="Advance"/>, so the same input gives the same output.
/// </summary>
public sealed class RemapEngine
{
    public RemapEngine(CompiledKeymap keymap, IKeyOutput output) => throw new NotImplementedException();

    /// <summary>Registers a keyboard and returns the slot its events carry.</summary>
    public int AttachDevice(KeyboardIdentity identity) => throw new NotImplementedException();

    /// <summary>A keyboard went away: whatever it held is released as if its keys went up.</summary>
    public void DetachDevice(int slot, long nowUs) => throw new NotImplementedException();

    public void Process(in KeyEvent e) => throw new NotImplementedException();

    /// <summary>Lets timers (tap-hold terms, combo windows, held-down thresholds) that are due at <paramref name="nowUs"/> fire.</summary>
    public void Advance(long nowUs) => throw new NotImplementedException();

    /// <summary>When <see cref="Advance"/> next has work, or <see cref="long.MaxValue"/>.</summary>
    public long NextDeadlineUs => throw new NotImplementedException();
}
