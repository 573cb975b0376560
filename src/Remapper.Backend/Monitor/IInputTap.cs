using Remapper.Core.Hid;

namespace Remapper.Backend.Monitor;

/// <summary>
/// Sees every key event the loop hands to the engine (for <c>remapper monitor</c> and counters). Called on the loop
/// thread for every event: implementations must not allocate, block or lock.
/// </summary>
public interface IInputTap
{
    void OnInput(int device, Usage usage, bool down, long timeUs);
}
