using Remapper.Core.Hid;

namespace Remapper.Linux.Input;

/// <summary>
/// evdev key codes (KEY_*) ↔ HID usages, both ways, for every key the HID model names.
/// STUB: the complete table replaces this (same API).
/// </summary>
public static class LinuxKeyCodes
{
    public const ushort KeyMax = 0x2FF;

    public static bool TryToUsage(ushort code, out Usage usage) => throw new NotImplementedException();

    public static bool TryToCode(Usage usage, out ushort code) => throw new NotImplementedException();
}
