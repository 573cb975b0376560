using System.Runtime.InteropServices;

namespace Remapper.MacOS.Native;

/// <summary>The IOKit HID calls the backend needs (source-generated, AOT-safe). macOS only.</summary>
internal static unsafe partial class IOKit
{
    public const string Lib = "/System/Library/Frameworks/IOKit.framework/IOKit";

    public const uint OptionsTypeNone = 0x00;
    public const uint OptionsTypeSeizeDevice = 0x01;

    /// <summary>kIOHIDRequestTypeListenEvent: Input Monitoring.</summary>
    public const uint RequestTypeListenEvent = 1;

    [LibraryImport(Lib)] public static partial nint IOHIDManagerCreate(nint allocator, uint options);
    [LibraryImport(Lib)] public static partial void IOHIDManagerSetDeviceMatchingMultiple(nint manager, nint multiple);
    [LibraryImport(Lib)] public static partial void IOHIDManagerRegisterDeviceMatchingCallback(nint manager, delegate* unmanaged[Cdecl]<nint, int, nint, nint, void> callback, nint context);
    [LibraryImport(Lib)] public static partial void IOHIDManagerRegisterDeviceRemovalCallback(nint manager, delegate* unmanaged[Cdecl]<nint, int, nint, nint, void> callback, nint context);
    [LibraryImport(Lib)] public static partial nint IOHIDManagerCopyDevices(nint manager);
    [LibraryImport(Lib)] public static partial void IOHIDManagerScheduleWithRunLoop(nint manager, nint runLoop, nint mode);
    [LibraryImport(Lib)] public static partial void IOHIDManagerUnscheduleFromRunLoop(nint manager, nint runLoop, nint mode);

    [LibraryImport(Lib)] public static partial int IOHIDDeviceOpen(nint device, uint options);
    [LibraryImport(Lib)] public static partial int IOHIDDeviceClose(nint device, uint options);
    [LibraryImport(Lib)] public static partial nint IOHIDDeviceGetProperty(nint device, nint key);
    [LibraryImport(Lib)] public static partial uint IOHIDDeviceGetService(nint device);
    [LibraryImport(Lib)] public static partial void IOHIDDeviceRegisterInputValueCallback(nint device, delegate* unmanaged[Cdecl]<nint, int, nint, nint, void> callback, nint context);
    [LibraryImport(Lib)] public static partial void IOHIDDeviceScheduleWithRunLoop(nint device, nint runLoop, nint mode);
    [LibraryImport(Lib)] public static partial void IOHIDDeviceUnscheduleFromRunLoop(nint device, nint runLoop, nint mode);
    [LibraryImport(Lib)] public static partial nint IOHIDDeviceCopyMatchingElements(nint device, nint matching, uint options);
    [LibraryImport(Lib)] public static partial int IOHIDDeviceSetValue(nint device, nint element, nint value);
    [LibraryImport(Lib)] public static partial int IOHIDDeviceGetValue(nint device, nint element, nint* value);

    [LibraryImport(Lib)] public static partial nint IOHIDValueGetElement(nint value);
    [LibraryImport(Lib)] public static partial nint IOHIDValueGetIntegerValue(nint value);
    [LibraryImport(Lib)] public static partial nint IOHIDValueCreateWithIntegerValue(nint allocator, nint element, ulong timeStamp, nint value);
    [LibraryImport(Lib)] public static partial uint IOHIDElementGetUsagePage(nint element);
    [LibraryImport(Lib)] public static partial uint IOHIDElementGetUsage(nint element);

    [LibraryImport(Lib)] public static partial int IORegistryEntryGetRegistryEntryID(uint entry, ulong* id);

    [LibraryImport(Lib)] public static partial uint IOHIDCheckAccess(uint requestType);
    [LibraryImport(Lib)] public static partial byte IOHIDRequestAccess(uint requestType);
}

/// <summary>libproc: the process table, to name the program that holds a keyboard.</summary>
internal static unsafe partial class LibProc
{
    private const string Lib = "/usr/lib/libproc.dylib";

    [LibraryImport(Lib, EntryPoint = "proc_listallpids")]
    public static partial int ListAllPids(int* buffer, int bufferSize);

    [LibraryImport(Lib, EntryPoint = "proc_name")]
    public static partial int Name(int pid, byte* buffer, uint bufferSize);
}
