using Remapper.Core.Engine.Mouse;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>
/// Remapper's virtual pointer (mouse keys' output): a device of its own beside the virtual keyboard, made the same way
/// (uhid, or uinput as the fallback). The event loop drains <see cref="Fd"/> when the kernel has something for it.
/// </summary>
public interface IVirtualPointer : IPointerOutput, IDisposable
{
    OutputKind Kind { get; }

    /// <summary>The fd to watch for what the kernel sends the device (uhid's start/open/close), or -1 for nothing to watch.</summary>
    int Fd { get; }

    void OnReadable();

    /// <summary>Reports that could not be written since the device was created.</summary>
    long FailedWrites { get; }
}

/// <summary>
/// The engine's pointer output before (and after) a virtual pointer exists: reports go to <see cref="Inner"/> when set,
/// nowhere otherwise. The engine is built before the output devices, and outlives them across retries.
/// </summary>
public sealed class PointerRelay : IPointerOutput
{
    public IPointerOutput? Inner { get; set; }

    public void SendPointer(in PointerReport report) => Inner?.SendPointer(report);
}
