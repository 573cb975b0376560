using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// Where the engine's output goes: the virtual keyboard in the daemon, a recorder in tests.
/// Called once per change of the output state (never a down for a key already down).
/// Implementations on the hot path must not allocate.
/// </summary>
public interface IKeyOutput
{
    void Send(Usage usage, bool down);
}
