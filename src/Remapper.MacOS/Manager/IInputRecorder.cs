using Remapper.Core.Hid;

namespace Remapper.MacOS.Manager;

/// <summary>Sees every physical key event before the engine does (the monitor ring and counters). Loop thread, no allocation.</summary>
public interface IInputRecorder
{
    void OnInput(int device, Usage usage, bool down, long timeUs);
}
