using Remapper.Core.Devices;

namespace Remapper.MacOS.Devices;

/// <summary>
/// Turns a device's IOKit properties into its identity and kind. Pure: the fixtures in the tests are property
/// dictionaries as <c>ioreg -c IOHIDDevice</c> shows them.
/// </summary>
public static class MacKeyboardClassifier
{
    /// <summary>The Karabiner DriverKit virtual devices say so in their manufacturer string (Karabiner checks the same).</summary>
    public const string DriverKitManufacturer = "pqrs.org";

    /// <summary>Product names Apple gives the keyboard built into its laptops, whatever transport it reports.</summary>
    private static readonly string[] AppleInternalNames = ["Apple Internal Keyboard", "Internal Keyboard"];

    public static MacDeviceInfo Classify(HidDeviceProperties p)
    {
        var bus = MacTransport.ToBus(p.Transport);
        ushort vendor = (ushort)(p.VendorId ?? 0);
        ushort product = (ushort)(p.ProductId ?? 0);
        bool builtIn = IsBuiltIn(p, bus);
        string name = Name(p, vendor, product);
        string phys = p.LocationId is { } location ? $"location-0x{location:x8}" : $"registry-0x{p.RegistryId:x}";
        var identity = new KeyboardIdentity(KeyboardIdentity.MakeId(bus, vendor, product, phys), name, bus, vendor, product, phys,
            BuiltInOverride: builtIn);
        return new MacDeviceInfo(p, identity, Kind(p, vendor, product));
    }

    public static bool IsBuiltIn(HidDeviceProperties p, DeviceBus bus)
    {
        if (p.BuiltIn is { } flag && flag) return true;
        if (bus is DeviceBus.Spi or DeviceBus.Host or DeviceBus.I2c) return true;
        return p.Product is { } name && AppleInternalNames.Any(n => name.Contains(n, StringComparison.OrdinalIgnoreCase));
    }

    private static MacDeviceKind Kind(HidDeviceProperties p, ushort vendor, ushort product)
    {
        // Our own output first: seizing it would feed every key we type back into the engine.
        bool karabinerVirtual = string.Equals(p.Manufacturer?.Trim(), DriverKitManufacturer, StringComparison.OrdinalIgnoreCase)
            || (string.Equals(p.Transport, "Virtual", StringComparison.OrdinalIgnoreCase)
                && p.Product?.Contains("Karabiner", StringComparison.OrdinalIgnoreCase) == true);
        if (karabinerVirtual || VirtualKeyboardIdentity.Matches(p.Product ?? "", vendor, product, p.SerialNumber ?? ""))
            return MacDeviceKind.VirtualOutput;

        var pairs = p.UsagePairs is { Count: > 0 } declared
            ? declared
            : p.PrimaryUsagePage is { } page && p.PrimaryUsage is { } usage ? [new HidUsagePair(page, usage)] : [];
        if (pairs.Any(u => u.IsKeyboard)) return MacDeviceKind.Keyboard;
        if (pairs.Any(u => u.IsConsumerControl)) return MacDeviceKind.ConsumerKeys;
        return MacDeviceKind.NotKeyboard;
    }

    private static string Name(HidDeviceProperties p, ushort vendor, ushort product)
    {
        if (!string.IsNullOrWhiteSpace(p.Product)) return p.Product.Trim();
        if (!string.IsNullOrWhiteSpace(p.Manufacturer)) return $"{p.Manufacturer.Trim()} keyboard {vendor:x4}:{product:x4}";
        return $"keyboard {vendor:x4}:{product:x4}";
    }
}
