namespace Remapper.Core.Devices;

/// <summary>
/// What is known about one physical keyboard: enough to match <c>[[device]]</c> blocks and
/// <c>device_if</c> conditions, and to name it to the user.
/// </summary>
/// <param name="LocationId">Where the backend knows one (macOS IOKit location id); null on Linux, so <c>location_id</c> matches nothing there.</param>
/// <param name="Id">Stable id: <c>bus:vendor:product</c> plus the physical path, e.g. <c>usb:046d:c31c:usb-0000:00:14.0-2/input0</c>.</param>
public sealed record KeyboardIdentity(
    string Id,
    string Name,
    DeviceBus Bus,
    ushort VendorId,
    ushort ProductId,
    string Phys = "",
    bool? BuiltInOverride = null,
    long? LocationId = null)
{
    /// <summary>Built in unless the backend knows better (e.g. an internal USB keyboard on some laptops).</summary>
    public bool IsBuiltIn => BuiltInOverride ?? Bus.IsBuiltInBus();

    public static string MakeId(DeviceBus bus, ushort vendor, ushort product, string phys) =>
        $"{bus.KeymapName()}:{vendor:x4}:{product:x4}:{phys}";
}
