using System.Runtime.InteropServices;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Input;

/// <summary>
/// One key event read straight from an evdev node, for <c>remapper monitor --raw</c> (finding a key's name without a
/// daemon, like <c>keyd monitor</c>): not the remapping path, which has its own reader.
/// </summary>
public readonly record struct RawKeyEvent(ushort Code, int Value)
{
    /// <summary>The size of one struct input_event record.</summary>
    public const int RecordSize = InputEvent.Size;

    public bool Down => Value == InputCodes.KeyDown;
    public bool Repeat => Value == InputCodes.KeyRepeat;

    /// <summary>The key event in one 24-byte record, or null for every other event type (sync, scan codes, LEDs).</summary>
    public static RawKeyEvent? Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length < InputEvent.Size) return null;
        var e = MemoryMarshal.Read<InputEvent>(record);
        return e.Type == InputCodes.EvKey ? new RawKeyEvent(e.Code, e.Value) : null;
    }

    /// <summary>A record as the kernel writes it (tests build input from these).</summary>
    public static byte[] Encode(ushort type, ushort code, int value)
    {
        var e = new InputEvent { Type = type, Code = code, Value = value };
        var bytes = new byte[InputEvent.Size];
        MemoryMarshal.Write(bytes, in e);
        return bytes;
    }
}
