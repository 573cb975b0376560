using System.Text.Json;
using Remapper.MacOS.Devices;

namespace Remapper.MacOS.Tests.Fakes;

/// <summary>Device property dictionaries (the keys ioreg shows) from Fixtures/*.json, as the native layer would read them.</summary>
public static class PropertyFixtures
{
    public static HidDeviceProperties Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        string? S(string key) => root.TryGetProperty(key, out var v) ? v.GetString() : null;
        int? N(string key) => root.TryGetProperty(key, out var v) ? v.GetInt32() : null;
        bool? B(string key) => root.TryGetProperty(key, out var v) ? v.GetBoolean() : null;
        var pairs = root.TryGetProperty("DeviceUsagePairs", out var array)
            ? array.EnumerateArray().Select(p => new HidUsagePair(p.GetProperty("DeviceUsagePage").GetInt32(), p.GetProperty("DeviceUsage").GetInt32())).ToList()
            : null;
        return new HidDeviceProperties(root.GetProperty("IORegistryEntryID").GetUInt64(), S("Transport"), N("VendorID"), N("ProductID"),
            N("LocationID"), S("Product"), S("Manufacturer"), S("SerialNumber"), N("PrimaryUsagePage"), N("PrimaryUsage"), B("Built-In"), pairs);
    }
}
