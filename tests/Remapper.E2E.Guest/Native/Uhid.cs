using System.Buffers.Binary;
using System.Text;

namespace Remapper.E2E.Guest.Native;

/// <summary>
/// <c>struct uhid_event</c> (linux/uhid.h): a packed 32-bit type followed by a union. Handled as a byte buffer
/// with the union members' offsets, which is exactly what the packed C layout is.
/// </summary>
internal static class Uhid
{
    public const uint UHID_DESTROY = 1;
    public const uint UHID_START = 2;
    public const uint UHID_STOP = 3;
    public const uint UHID_OPEN = 4;
    public const uint UHID_CLOSE = 5;
    public const uint UHID_OUTPUT = 6;
    public const uint UHID_GET_REPORT = 9;
    public const uint UHID_GET_REPORT_REPLY = 10;
    public const uint UHID_CREATE2 = 11;
    public const uint UHID_INPUT2 = 12;
    public const uint UHID_SET_REPORT = 13;
    public const uint UHID_SET_REPORT_REPLY = 14;

    public const int DataMax = 4096;

    /// <summary>sizeof(struct uhid_event): 4 + the largest union member (create2: 128+64+64+2+2+4*4+4096).</summary>
    public const int EventSize = 4 + 128 + 64 + 64 + 2 + 2 + 16 + DataMax;

    private const int Union = 4;

    public static byte[] Create2(string name, string phys, string uniq, ushort bus, uint vendor, uint product, ReadOnlySpan<byte> descriptor)
    {
        var ev = new byte[EventSize];
        BinaryPrimitives.WriteUInt32LittleEndian(ev, UHID_CREATE2);
        WriteString(ev.AsSpan(Union, 128), name);
        WriteString(ev.AsSpan(Union + 128, 64), phys);
        WriteString(ev.AsSpan(Union + 192, 64), uniq);
        BinaryPrimitives.WriteUInt16LittleEndian(ev.AsSpan(Union + 256), (ushort)descriptor.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(ev.AsSpan(Union + 258), bus);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.AsSpan(Union + 260), vendor);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.AsSpan(Union + 264), product);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.AsSpan(Union + 268), 1); // version
        BinaryPrimitives.WriteUInt32LittleEndian(ev.AsSpan(Union + 272), 0); // country
        descriptor.CopyTo(ev.AsSpan(Union + 276));
        return ev;
    }

    public static void Input2(Span<byte> ev, ReadOnlySpan<byte> report)
    {
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, UHID_INPUT2);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[Union..], (ushort)report.Length);
        report.CopyTo(ev[(Union + 2)..]);
    }

    public static void Destroy(Span<byte> ev)
    {
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, UHID_DESTROY);
    }

    public static uint Type(ReadOnlySpan<byte> ev) => BinaryPrimitives.ReadUInt32LittleEndian(ev);

    /// <summary>uhid_output_req: data[4096], then size (u16), then rtype (u8).</summary>
    public static ReadOnlySpan<byte> OutputData(ReadOnlySpan<byte> ev)
    {
        ushort size = BinaryPrimitives.ReadUInt16LittleEndian(ev[(Union + DataMax)..]);
        return ev.Slice(Union, Math.Min((int)size, DataMax));
    }

    /// <summary>uhid_get_report_req / uhid_set_report_req both start with the request id.</summary>
    public static uint RequestId(ReadOnlySpan<byte> ev) => BinaryPrimitives.ReadUInt32LittleEndian(ev[Union..]);

    /// <summary>uhid_get_report_reply_req {id, err, size, data} or uhid_set_report_reply_req {id, err}.</summary>
    public static void Reply(Span<byte> ev, uint type, uint requestId, ushort error)
    {
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, type);
        BinaryPrimitives.WriteUInt32LittleEndian(ev[Union..], requestId);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[(Union + 4)..], error);
    }

    private static void WriteString(Span<byte> field, string value)
    {
        // Leave room for the terminating NUL the kernel expects.
        int length = Encoding.UTF8.GetBytes(value.AsSpan(0, Math.Min(value.Length, field.Length - 1)), field);
        field[Math.Min(length, field.Length - 1)] = 0;
    }
}
