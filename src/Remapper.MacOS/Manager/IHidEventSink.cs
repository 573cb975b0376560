using Remapper.MacOS.Devices;

namespace Remapper.MacOS.Manager;

/// <summary>Where the IOKit layer delivers what happens, on the loop thread (from IOHIDManager and IOHIDDevice callbacks).</summary>
public interface IHidEventSink
{
    void OnMatched(HidDeviceProperties properties);

    void OnRemoved(ulong registryId);

    /// <summary>One element value of a device (hot path: no allocation).</summary>
    void OnInput(ulong registryId, uint page, uint usage, long value, long timeUs);
}
