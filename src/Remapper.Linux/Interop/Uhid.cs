using System.Buffers.Binary;

namespace Remapper.Linux.Interop;

/// <summary>
/// struct uhid_event from linux/uhid.h: a u32 type followed by a packed union. The union is large
/// (UHID_CREATE2 carries a 4 KiB descriptor) and packed, so the backend builds and reads events in a byte
/// buffer at the kernel's offsets instead of mirroring the union as a struct.
/// </summary>
internal static class Uhid
{
    // enum uhid_event_type (legacy entries keep their slots).
    public const uint Destroy = 1;
    public const uint Start = 2;
    public const uint Stop = 3;
    public const uint Open = 4;
    public const uint Close = 5;
    public const uint Output = 6;
    public const uint GetReport = 9;
    public const uint GetReportReply = 10;
    public const uint Create2 = 11;
    public const uint Input2 = 12;
    public const uint SetReport = 13;
    public const uint SetReportReply = 14;

    /// <summary>UHID_DATA_MAX.</summary>
    public const int DataMax = 4096;

    /// <summary>sizeof(struct uhid_create2_req): name[128] phys[64] uniq[64] rd_size bus vendor product version country rd_data[4096].</summary>
    public const int Create2ReqSize = 128 + 64 + 64 + 2 + 2 + 4 + 4 + 4 + 4 + DataMax;

    /// <summary>sizeof(struct uhid_event): the type plus the largest union member (create2).</summary>
    public const int EventSize = 4 + Create2ReqSize;

    // Offsets within the event (after the 4-byte type).
    public const int Create2Name = 4;
    public const int Create2Phys = Create2Name + 128;
    public const int Create2Uniq = Create2Phys + 64;
    public const int Create2RdSize = Create2Uniq + 64;
    public const int Create2Bus = Create2RdSize + 2;
    public const int Create2Vendor = Create2Bus + 2;
    public const int Create2Product = Create2Vendor + 4;
    public const int Create2Version = Create2Product + 4;
    public const int Create2Country = Create2Version + 4;
    public const int Create2RdData = Create2Country + 4;

    /// <summary>uhid_input2_req: u16 size, data[4096].</summary>
    public const int Input2Size = 4;
    public const int Input2Data = 6;

    /// <summary>uhid_output_req: data[4096], u16 size, u8 rtype.</summary>
    public const int OutputData = 4;
    public const int OutputSize = OutputData + DataMax;
    public const int OutputRtype = OutputSize + 2;

    /// <summary>uhid_get_report_req / uhid_set_report_req start with u32 id; replies are id, u16 err (, u16 size, data).</summary>
    public const int ReportId = 4;
    public const int ReplyErr = 8;
    public const int ReplySize = 10;

    public const byte OutputReportType = 1; // UHID_OUTPUT_REPORT

    public static uint TypeOf(ReadOnlySpan<byte> ev) => BinaryPrimitives.ReadUInt32LittleEndian(ev);

    /// <summary>Fills a UHID_CREATE2 event. Returns the number of bytes to write. Off the hot path (allocates for strings).</summary>
    public static int WriteCreate2(Span<byte> ev, string name, string phys, string uniq, ushort bus, uint vendor, uint product,
        uint version, ReadOnlySpan<byte> descriptor)
    {
        if (descriptor.Length > DataMax)
            throw new ArgumentException($"report descriptor is {descriptor.Length} bytes; uhid takes at most {DataMax}", nameof(descriptor));
        ev[..EventSize].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, Create2);
        WriteCString(ev.Slice(Create2Name, 128), name);
        WriteCString(ev.Slice(Create2Phys, 64), phys);
        WriteCString(ev.Slice(Create2Uniq, 64), uniq);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[Create2RdSize..], (ushort)descriptor.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[Create2Bus..], bus);
        BinaryPrimitives.WriteUInt32LittleEndian(ev[Create2Vendor..], vendor);
        BinaryPrimitives.WriteUInt32LittleEndian(ev[Create2Product..], product);
        BinaryPrimitives.WriteUInt32LittleEndian(ev[Create2Version..], version);
        descriptor.CopyTo(ev[Create2RdData..]);
        return EventSize;
    }

    /// <summary>Fills a UHID_INPUT2 event carrying one input report. Returns the bytes to write (header + report only).</summary>
    public static int WriteInput2(Span<byte> ev, ReadOnlySpan<byte> report)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(ev, Input2);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[Input2Size..], (ushort)report.Length);
        report.CopyTo(ev[Input2Data..]);
        return Input2Data + report.Length;
    }

    public static int WriteDestroy(Span<byte> ev)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(ev, Destroy);
        return 4;
    }

    /// <summary>The report carried by a UHID_OUTPUT event (empty when the size field is out of range).</summary>
    public static ReadOnlySpan<byte> OutputReport(ReadOnlySpan<byte> ev)
    {
        int size = BinaryPrimitives.ReadUInt16LittleEndian(ev[OutputSize..]);
        return size <= DataMax ? ev.Slice(OutputData, size) : default;
    }

    /// <summary>Refuses a GET_REPORT (we have no feature reports) so the kernel does not wait for its timeout.</summary>
    public static int WriteGetReportReply(Span<byte> ev, uint id, ushort errno)
    {
        ev[..(ReplySize + 2)].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, GetReportReply);
        BinaryPrimitives.WriteUInt32LittleEndian(ev[ReportId..], id);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[ReplyErr..], errno);
        return ReplySize + 2; // uhid zero-fills what a short write leaves out (size 0, no data)
    }

    public static int WriteSetReportReply(Span<byte> ev, uint id, ushort errno)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(ev, SetReportReply);
        BinaryPrimitives.WriteUInt32LittleEndian(ev[ReportId..], id);
        BinaryPrimitives.WriteUInt16LittleEndian(ev[ReplyErr..], errno);
        return ReplyErr + 2;
    }

    public static uint RequestId(ReadOnlySpan<byte> ev) => BinaryPrimitives.ReadUInt32LittleEndian(ev[ReportId..]);

    private static void WriteCString(Span<byte> field, string value)
    {
        // Truncate on a character boundary and keep the final NUL the kernel expects.
        field.Clear();
        System.Text.Unicode.Utf8.FromUtf16(value, field[..^1], out _, out _, replaceInvalidSequences: true, isFinalBlock: true);
    }
}
