using Remapper.Backend.Monitor;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.MacOS.Manager;

namespace Remapper.MacOS.Loop;

/// <summary>
/// Sits on both sides of the engine on the loop thread: records input and output key events into the monitor ring and
/// counts them, then passes output on to the virtual keyboard. Lock-free and allocation-free.
/// </summary>
public sealed class MonitoredKeyboard(MonitorRing ring, IKeyOutput inner) : IKeyOutput, IInputRecorder
{
    private long _in, _out;

    public long EventsIn => Volatile.Read(ref _in);
    public long EventsOut => Volatile.Read(ref _out);

    public void OnInput(int device, Usage usage, bool down, long timeUs)
    {
        ring.WriteInput(timeUs, device, usage, down);
        Volatile.Write(ref _in, _in + 1);
    }

    public void Send(Usage usage, bool down)
    {
        inner.Send(usage, down);
        ring.WriteOutput(MacClock.NowUs(), usage, down);
        Volatile.Write(ref _out, _out + 1);
    }
}
