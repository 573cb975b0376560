using System.Runtime.InteropServices;

namespace Remapper.MacOS.Native;

/// <summary>The CoreFoundation calls the backend needs (source-generated, AOT-safe). macOS only.</summary>
internal static unsafe partial class CoreFoundation
{
    public const string Lib = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation";

    public const uint StringEncodingUtf8 = 0x08000100;
    // CFNumberType is a CFIndex (pointer-sized), so these are passed as nint.
    public const int NumberSInt32Type = 3;
    public const int NumberSInt64Type = 4;

    /// <summary>kCFRunLoopRunTimedOut and friends (what CFRunLoopRunInMode returns).</summary>
    public const int RunLoopRunFinished = 1, RunLoopRunStopped = 2, RunLoopRunTimedOut = 3, RunLoopRunHandledSource = 4;

    [LibraryImport(Lib)] public static partial void CFRelease(nint cf);
    [LibraryImport(Lib)] public static partial nint CFRetain(nint cf);
    [LibraryImport(Lib)] public static partial nuint CFGetTypeID(nint cf);
    [LibraryImport(Lib)] public static partial nuint CFStringGetTypeID();
    [LibraryImport(Lib)] public static partial nuint CFNumberGetTypeID();
    [LibraryImport(Lib)] public static partial nuint CFBooleanGetTypeID();
    [LibraryImport(Lib)] public static partial nuint CFArrayGetTypeID();
    [LibraryImport(Lib)] public static partial nuint CFDictionaryGetTypeID();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint CFStringCreateWithCString(nint allocator, string text, uint encoding);

    [LibraryImport(Lib)] public static partial nint CFStringGetLength(nint text);
    [LibraryImport(Lib)] public static partial nint CFStringGetMaximumSizeForEncoding(nint length, uint encoding);
    [LibraryImport(Lib)] public static partial byte CFStringGetCString(nint text, byte* buffer, nint size, uint encoding);

    [LibraryImport(Lib)] public static partial nint CFNumberCreate(nint allocator, nint type, void* value);
    [LibraryImport(Lib)] public static partial byte CFNumberGetValue(nint number, nint type, void* value);
    [LibraryImport(Lib)] public static partial byte CFBooleanGetValue(nint boolean);

    [LibraryImport(Lib)] public static partial nint CFArrayGetCount(nint array);
    [LibraryImport(Lib)] public static partial nint CFArrayGetValueAtIndex(nint array, nint index);
    [LibraryImport(Lib)] public static partial nint CFArrayCreateMutable(nint allocator, nint capacity, nint callbacks);
    [LibraryImport(Lib)] public static partial void CFArrayAppendValue(nint array, nint value);

    [LibraryImport(Lib)] public static partial nint CFSetGetCount(nint set);
    [LibraryImport(Lib)] public static partial void CFSetGetValues(nint set, nint* values);

    [LibraryImport(Lib)] public static partial nint CFDictionaryGetValue(nint dictionary, nint key);
    [LibraryImport(Lib)] public static partial nint CFDictionaryCreateMutable(nint allocator, nint capacity, nint keyCallbacks, nint valueCallbacks);
    [LibraryImport(Lib)] public static partial void CFDictionarySetValue(nint dictionary, nint key, nint value);

    [LibraryImport(Lib)] public static partial nint CFRunLoopGetCurrent();
    [LibraryImport(Lib)] public static partial int CFRunLoopRunInMode(nint mode, double seconds, byte returnAfterSourceHandled);
    [LibraryImport(Lib)] public static partial void CFRunLoopStop(nint runLoop);
    [LibraryImport(Lib)] public static partial void CFRunLoopWakeUp(nint runLoop);
    [LibraryImport(Lib)] public static partial nint CFRunLoopSourceCreate(nint allocator, nint order, CFRunLoopSourceContext* context);
    [LibraryImport(Lib)] public static partial void CFRunLoopAddSource(nint runLoop, nint source, nint mode);
    [LibraryImport(Lib)] public static partial void CFRunLoopSourceSignal(nint source);
    [LibraryImport(Lib)] public static partial void CFRunLoopSourceInvalidate(nint source);

    private static readonly Lazy<nint> Library = new(() => NativeLibrary.Load(Lib));

    /// <summary>The address of an exported data symbol (the callback structs are passed by address).</summary>
    public static nint Export(string name) => NativeLibrary.GetExport(Library.Value, name);

    /// <summary>An exported CFStringRef constant such as <c>kCFRunLoopDefaultMode</c> (the symbol holds the pointer).</summary>
    public static nint ExportedString(string name) => *(nint*)Export(name);

    public static nint DefaultMode => ExportedString("kCFRunLoopDefaultMode");
}

/// <summary>CFRunLoopSourceContext, version 0 (a source that is signalled, then performed on the run loop).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CFRunLoopSourceContext
{
    public nint Version;
    public nint Info;
    public nint Retain;
    public nint Release;
    public nint CopyDescription;
    public nint Equal;
    public nint Hash;
    public nint Schedule;
    public nint Cancel;
    public nint Perform;
}
