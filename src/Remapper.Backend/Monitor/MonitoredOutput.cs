using Remapper.Core.Engine;
using Remapper.Core.Hid;
namespace Remapper.Backend.Monitor;

/// <summary>
/// Sits on both sides of the engine on the loop thread (Linux and macOS alike): records input and output key events into the monitor ring
/// and counts them, then passes output on to the virtual keyboard. Lock-free and allocation-free. An output is stamped
/// with <paramref name="engineTimeUs"/> (the engine's <see cref="RemapEngine.NowUs"/>: the time of the key or timer
/// that caused it), never with a clock read: in a guest without a vDSO clock that is a system call per key change.
/// </summary>
public sealed class MonitoredOutput(MonitorRing ring, Func<long> engineTimeUs) : IKeyOutput, IInputTap
{
    /// <summary>The virtual keyboard; set once it exists, before the loop starts (nothing is sent before that).</summary>
    public IKeyOutput? Inner { get; set; }

    private long _in;
    private long _out;

    public long EventsIn => Volatile.Read(ref _in);
    public long EventsOut => Volatile.Read(ref _out);

    public void OnInput(int device, Usage usage, bool down, long timeUs)
    {
        ring.WriteInput(timeUs, device, usage, down);
        Volatile.Write(ref _in, _in + 1);
    }

    public void Send(Usage usage, bool down)
    {
        Inner?.Send(usage, down);
        ring.WriteOutput(engineTimeUs(), usage, down);
        Volatile.Write(ref _out, _out + 1);
    }
}
