using Remapper.MacOS.Detector;

namespace Remapper.MacOS.Manager;

/// <summary>
/// What the device manager needs from IOKit, in plain data. The native implementation (IOHIDManager, IOHIDDevice)
/// calls back into the manager on the loop thread; tests use a fake. Every method is called on the loop thread.
/// </summary>
public interface IHidDevicePort : IDisposable
{
    /// <summary>
    /// Starts matching keyboards, keypads and consumer-control devices on the loop thread's run loop; every device
    /// present now and plugged in later is reported to <paramref name="sink"/>, as is every value it sends.
    /// </summary>
    void Start(IHidEventSink sink);

    /// <summary>
    /// <c>IOHIDDeviceOpen(kIOHIDOptionsTypeSeizeDevice)</c>. The device's value callback is already registered and
    /// scheduled when this runs, so no key pressed right after the open is lost.
    /// </summary>
    IOReturnCode Seize(ulong registryId);

    /// <summary><c>IOHIDDeviceClose</c>: the keyboard types unchanged again.</summary>
    void Release(ulong registryId);

    /// <summary>Sets the caps-lock LED (page 0x08, usage 0x02) of a seized keyboard; false when it has none or refused.</summary>
    bool SetCapsLockLed(ulong registryId, bool on);

    /// <summary>The caps-lock LED of the virtual keyboard (what macOS thinks caps lock is); null when it cannot be read.</summary>
    bool? ReadCapsLockLed(ulong registryId);

    /// <summary><c>IOHIDCheckAccess(kIOHIDRequestTypeListenEvent)</c>.</summary>
    InputMonitoringAccess CheckAccess();

    /// <summary><c>IOHIDRequestAccess(kIOHIDRequestTypeListenEvent)</c>: shows macOS's prompt once.</summary>
    void RequestAccess();
}
