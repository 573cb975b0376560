using Remapper.MacOS.Devices;
using Remapper.MacOS.Detector;
using static Remapper.MacOS.Native.CoreFoundation;
using static Remapper.MacOS.Native.IOKit;

namespace Remapper.MacOS.Native;

/// <summary>The keyboards present now, listed once through an IOHIDManager (nothing is opened or scheduled).</summary>
internal static unsafe class IOKitDeviceList
{
    public static IReadOnlyList<HidDeviceProperties> List()
    {
        nint manager = IOHIDManagerCreate(0, OptionsTypeNone);
        try
        {
            nint matching = HidMatching.Create();
            IOHIDManagerSetDeviceMatchingMultiple(manager, matching);
            CFRelease(matching);
            nint set = IOHIDManagerCopyDevices(manager);
            if (set == 0) return [];
            try
            {
                nint count = CFSetGetCount(set);
                var devices = new nint[count];
                fixed (nint* p = devices) CFSetGetValues(set, p);
                return [.. devices.Select(d => HidPropertyReader.Read(d, HidPropertyReader.RegistryId(d)))];
            }
            finally { CFRelease(set); }
        }
        finally { CFRelease(manager); }
    }

    public static InputMonitoringAccess Access() => IOHIDCheckAccess(RequestTypeListenEvent) switch
    {
        0 => InputMonitoringAccess.Granted,
        1 => InputMonitoringAccess.Denied,
        _ => InputMonitoringAccess.Unknown,
    };
}
