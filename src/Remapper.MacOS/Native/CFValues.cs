using static Remapper.MacOS.Native.CoreFoundation;

namespace Remapper.MacOS.Native;

/// <summary>Reading and building CoreFoundation values, so the rest of the native layer deals in plain C# values.</summary>
internal static unsafe class CFValues
{
    /// <summary>A CFString we own (release it).</summary>
    public static nint CreateString(string text) => CFStringCreateWithCString(0, text, StringEncodingUtf8);

    public static nint CreateNumber(int value) => CFNumberCreate(0, NumberSInt32Type, &value);

    /// <summary>A mutable dictionary with CF-type callbacks (it retains what it holds).</summary>
    public static nint CreateDictionary() =>
        CFDictionaryCreateMutable(0, 0, Export("kCFTypeDictionaryKeyCallBacks"), Export("kCFTypeDictionaryValueCallBacks"));

    public static nint CreateArray() => CFArrayCreateMutable(0, 0, Export("kCFTypeArrayCallBacks"));

    /// <summary>Sets <paramref name="key"/> to a number in a dictionary built with <see cref="CreateDictionary"/>.</summary>
    public static void SetNumber(nint dictionary, string key, int value)
    {
        nint k = CreateString(key), v = CreateNumber(value);
        CFDictionarySetValue(dictionary, k, v);
        CFRelease(k);
        CFRelease(v);
    }

    public static string? ReadString(nint value)
    {
        if (value == 0 || CFGetTypeID(value) != CFStringGetTypeID()) return null;
        nint size = CFStringGetMaximumSizeForEncoding(CFStringGetLength(value), StringEncodingUtf8) + 1;
        var buffer = new byte[size];
        fixed (byte* p = buffer)
        {
            if (CFStringGetCString(value, p, size, StringEncodingUtf8) == 0) return null;
            return new string((sbyte*)p);
        }
    }

    public static long? ReadNumber(nint value)
    {
        if (value == 0 || CFGetTypeID(value) != CFNumberGetTypeID()) return null;
        long result;
        return CFNumberGetValue(value, NumberSInt64Type, &result) != 0 ? result : null;
    }

    public static bool? ReadBoolean(nint value)
    {
        if (value == 0) return null;
        if (CFGetTypeID(value) == CFBooleanGetTypeID()) return CFBooleanGetValue(value) != 0;
        return ReadNumber(value) is { } n ? n != 0 : null;
    }

    /// <summary>Looks up <paramref name="key"/> in a CFDictionary (not retained: valid while the dictionary is).</summary>
    public static nint Get(nint dictionary, string key)
    {
        nint k = CreateString(key);
        try { return CFDictionaryGetValue(dictionary, k); }
        finally { CFRelease(k); }
    }
}
