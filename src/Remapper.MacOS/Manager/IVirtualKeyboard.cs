using Remapper.Backend;
using Remapper.Core.Engine;

namespace Remapper.MacOS.Manager;

/// <summary>The keyboard the engine types through: the DriverKit virtual keyboard, or a recorder in tests.</summary>
public interface IVirtualKeyboard : IKeyOutput
{
    /// <summary>Reports can be posted; keyboards are seized only while this holds (seized keys would otherwise vanish).</summary>
    bool IsReady { get; }

    /// <summary>For status, devices, doctor and the tray.</summary>
    OutputDeviceStatus Status { get; }

    /// <summary>The registry id of the virtual keyboard's own IOHIDDevice once it is matched (for the caps-lock LED), else 0.</summary>
    ulong RegistryId { get; set; }
}
