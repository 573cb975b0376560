using Remapper.Linux.Interop;

namespace Remapper.Linux.Seizing;

/// <summary>One bit per evdev key code (KEY_MAX+1 bits), the layout EVIOCGKEY fills. Preallocated; no allocation after construction.</summary>
public sealed class KeyBitmap
{
    public const int Bytes = InputCodes.KeyBitmapBytes;

    public byte[] Raw { get; } = new byte[Bytes];

    public bool Get(int code) => (uint)code <= InputCodes.KeyMax && (Raw[code >> 3] & (1 << (code & 7))) != 0;

    public void Set(int code, bool on)
    {
        if ((uint)code > InputCodes.KeyMax) return;
        if (on) Raw[code >> 3] |= (byte)(1 << (code & 7));
        else Raw[code >> 3] &= (byte)~(1 << (code & 7));
    }

    public void Clear() => Array.Clear(Raw);

    public bool IsEmpty => Raw.AsSpan().IndexOfAnyExcept((byte)0) < 0;

    public void CopyFrom(ReadOnlySpan<byte> bitmap)
    {
        Clear();
        bitmap[..Math.Min(bitmap.Length, Bytes)].CopyTo(Raw);
    }

    /// <summary>
    /// Writes every key whose state differs between this bitmap (what the engine was told) and <paramref name="actual"/>
    /// (what the kernel says now) into <paramref name="changes"/>, releases first so a resync never briefly holds
    /// more keys than the user does. Returns how many were written.
    /// </summary>
    public int Diff(ReadOnlySpan<byte> actual, Span<KeyChange> changes)
    {
        int n = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            bool wantDown = pass == 1;
            for (int i = 0; i < Bytes; i++)
            {
                byte now = i < actual.Length ? actual[i] : (byte)0;
                int differ = Raw[i] ^ now;
                if (differ == 0) continue;
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((differ & (1 << bit)) == 0) continue;
                    bool down = (now & (1 << bit)) != 0;
                    if (down == wantDown && n < changes.Length) changes[n++] = new KeyChange((ushort)(i * 8 + bit), down);
                }
            }
        }
        return n;
    }
}

public readonly record struct KeyChange(ushort Code, bool Down);
