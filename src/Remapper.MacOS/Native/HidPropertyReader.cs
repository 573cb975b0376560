using Remapper.MacOS.Devices;
using static Remapper.MacOS.Native.CoreFoundation;
using static Remapper.MacOS.Native.IOKit;

namespace Remapper.MacOS.Native;

/// <summary>Reads an IOHIDDevice's property dictionary into the plain record everything above the native layer uses.</summary>
internal static unsafe class HidPropertyReader
{
    public const string DeviceUsagePageKey = "DeviceUsagePage", DeviceUsageKey = "DeviceUsage";

    /// <summary>The IORegistry entry id (unique while the device exists); the device pointer if IOKit cannot say.</summary>
    public static ulong RegistryId(nint device)
    {
        ulong id;
        return IORegistryEntryGetRegistryEntryID(IOHIDDeviceGetService(device), &id) == 0 ? id : (ulong)device;
    }

    public static HidDeviceProperties Read(nint device, ulong id)
    {
        string? S(string key) { nint k = CFValues.CreateString(key); try { return CFValues.ReadString(IOHIDDeviceGetProperty(device, k)); } finally { CFRelease(k); } }
        int? N(string key) { nint k = CFValues.CreateString(key); try { return CFValues.ReadNumber(IOHIDDeviceGetProperty(device, k)) is { } n ? (int)n : null; } finally { CFRelease(k); } }
        bool? B(string key) { nint k = CFValues.CreateString(key); try { return CFValues.ReadBoolean(IOHIDDeviceGetProperty(device, k)); } finally { CFRelease(k); } }

        var pairs = new List<HidUsagePair>();
        nint key = CFValues.CreateString("DeviceUsagePairs");
        try
        {
            nint array = IOHIDDeviceGetProperty(device, key);
            if (array != 0 && CFGetTypeID(array) == CFArrayGetTypeID())
            {
                for (nint i = 0, n = CFArrayGetCount(array); i < n; i++)
                {
                    nint pair = CFArrayGetValueAtIndex(array, i);
                    if (pair == 0 || CFGetTypeID(pair) != CFDictionaryGetTypeID()) continue;
                    if (CFValues.ReadNumber(CFValues.Get(pair, DeviceUsagePageKey)) is { } page
                        && CFValues.ReadNumber(CFValues.Get(pair, DeviceUsageKey)) is { } usage)
                        pairs.Add(new HidUsagePair((int)page, (int)usage));
                }
            }
        }
        finally { CFRelease(key); }

        return new HidDeviceProperties(id, S("Transport"), N("VendorID"), N("ProductID"), N("LocationID"), S("Product"),
            S("Manufacturer"), S("SerialNumber"), N("PrimaryUsagePage"), N("PrimaryUsage"), B("Built-In"), pairs);
    }

}
