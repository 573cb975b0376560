namespace Remapper.MacOS.Devices;

/// <summary>
/// What IOKit's property dictionary says about one HID device (the <c>kIOHID*Key</c> values), read once by the
/// native layer when the device is matched. Everything above the native layer works on this plain record, which
/// is why identity and classification can be tested from fixtures on any OS.
/// </summary>
/// <param name="RegistryId">The IORegistry entry id: unique while the device exists, the key for its callbacks.</param>
/// <param name="Transport"><c>Transport</c>: "USB", "Bluetooth", "Bluetooth Low Energy", "SPI", "FIFO", "I2C", "Virtual"...</param>
/// <param name="BuiltIn"><c>Built-In</c>, when the driver sets it.</param>
/// <param name="UsagePairs"><c>DeviceUsagePairs</c>: every (usage page, usage) the device's top-level collections declare.</param>
public sealed record HidDeviceProperties(
    ulong RegistryId,
    string? Transport = null,
    int? VendorId = null,
    int? ProductId = null,
    int? LocationId = null,
    string? Product = null,
    string? Manufacturer = null,
    string? SerialNumber = null,
    int? PrimaryUsagePage = null,
    int? PrimaryUsage = null,
    bool? BuiltIn = null,
    IReadOnlyList<HidUsagePair>? UsagePairs = null);

/// <summary>One top-level collection's usage page and usage.</summary>
public readonly record struct HidUsagePair(int Page, int Usage)
{
    public const int GenericDesktopPage = 0x01, ConsumerPage = 0x0C;
    public const int KeyboardUsage = 0x06, KeypadUsage = 0x07, ConsumerControlUsage = 0x01;
    public const int MouseUsage = 0x02, PointerUsage = 0x01;

    public bool IsKeyboard => Page == GenericDesktopPage && Usage is KeyboardUsage or KeypadUsage;
    public bool IsConsumerControl => Page == ConsumerPage && Usage == ConsumerControlUsage;
}
