using Remapper.MacOS.Devices;
using static Remapper.MacOS.Native.CoreFoundation;

namespace Remapper.MacOS.Native;

/// <summary>The IOHIDManager matching Remapper uses everywhere: Generic Desktop Keyboard and Keypad, and Consumer Control.</summary>
internal static class HidMatching
{
    /// <summary>A CFArray of matching dictionaries (the caller releases it).</summary>
    public static nint Create()
    {
        nint matching = CFValues.CreateArray();
        foreach (var (page, usage) in new[] { (HidUsagePair.GenericDesktopPage, HidUsagePair.KeyboardUsage),
                     (HidUsagePair.GenericDesktopPage, HidUsagePair.KeypadUsage), (HidUsagePair.ConsumerPage, HidUsagePair.ConsumerControlUsage) })
        {
            nint dictionary = CFValues.CreateDictionary();
            CFValues.SetNumber(dictionary, HidPropertyReader.DeviceUsagePageKey, page);
            CFValues.SetNumber(dictionary, HidPropertyReader.DeviceUsageKey, usage);
            CFArrayAppendValue(matching, dictionary);
            CFRelease(dictionary);
        }
        return matching;
    }
}
