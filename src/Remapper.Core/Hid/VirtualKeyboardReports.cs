using System.Diagnostics.CodeAnalysis;

namespace Remapper.Core.Hid;

/// <summary>
/// The report format of Remapper's own virtual HID keyboard (created through uhid on Linux, the
/// DriverKit virtual device on macOS later): its report descriptor, and the input reports for the
/// current set of pressed usages.
/// </summary>
/// <remarks>
/// Three input reports, each starting with its report id:
/// <list type="number">
/// <item>Keyboard (id 1): the modifier byte (0xE0–0xE7, 8 Variable bits), then an Array of
/// <see cref="KeySlots"/> one-byte slots, each holding the usage (0x04–0xDF) of one pressed key or 0 for
/// none, like the boot keyboard's six slots but more of them. The kernel's hid-core compares an Array
/// field with the previous report and passes on only the usages that came or went, where a bitmap of
/// 224 Variable bits made it process every bit of every report. hid-input maps each keyboard-page usage
/// to the same key code either way (the map is per usage, not per item kind). A slot holding 0 is "no
/// key": usage 0 is inside Usage Minimum..Maximum but hid-input maps it to nothing, so the kernel drops
/// it. Usage 0x01 (ErrorRollOver) would make the kernel ignore the whole report; it is never sent.
/// Output report 1 is the LED byte: num, caps, scroll, compose, kana, 3 bits padding.</item>
/// <item>Consumer control (id 2): one bit per consumer usage named in <see cref="KeyNames"/>.</item>
/// <item>System control (id 3): power down, sleep, wake up.</item>
/// </list>
/// One instance holds the pressed state of one virtual device; it is not thread-safe (the event loop owns it).
/// <para>A pressed key takes the first free slot and keeps it until released; a release frees that slot and
/// moves nothing (no compaction). The kernel treats the slots as a set, so their order means nothing to it,
/// and leaving the other keys where they are makes a change one byte, not a shift of the rest. A usage is
/// never in two slots. When all <see cref="KeySlots"/> slots are taken, a further key has no place:
/// <see cref="Apply"/> returns 0 for it, as for a usage the device cannot send (the caller counts it), and
/// its release later changes nothing. Modifiers have their own bits and never take a slot.</para>
/// </remarks>
public sealed class VirtualKeyboardReports
{
    public const byte KeyboardReportId = 1;
    public const byte ConsumerReportId = 2;
    public const byte SystemReportId = 3;

    /// <summary>How many input reports the device has; <see cref="WriteAllReleased"/> takes 0..ReportCount-1.</summary>
    public const int ReportCount = 3;

    /// <summary>Largest input report <see cref="Apply"/> can write, in bytes (report id included).</summary>
    public const int MaxReportLength = 64;

    /// <summary>
    /// How many non-modifier keys report 1 carries at once. 30 makes the report 32 bytes (id, modifiers,
    /// 30 slots): more keys than ten fingers plus chords, steno strokes or a held layer's keys need, while
    /// the kernel's per-report work stays small (its set comparison is at most 2 × 30 × 30 integer compares,
    /// far fewer with few keys down, and only the keys that changed become input events). A key beyond the 30th is not sent.
    /// </summary>
    public const int KeySlots = 30;

    /// <summary>The array's usage range: keyboard-page usages 0x00..KeyArrayEnd-1 (0 meaning an empty slot).</summary>
    private const int KeyArrayEnd = 0xE0;
    private const int ModifierFirst = 0xE0;
    private const int SystemFirstId = 0x81, SystemLastId = 0x83;

    /// <summary>The consumer usages with a bit in report 2, in bit order.</summary>
    private static readonly ushort[] ConsumerIds = [.. KeyNames.All
        .Where(k => k.Usage.Page == UsagePages.Consumer).Select(k => k.Usage.Id).Distinct().Order()];

    /// <summary>Consumer usage id → bit index in report 2, or -1. Indexed, so Apply does no hashing.</summary>
    private static readonly short[] ConsumerBit = BuildConsumerBits();

    private static readonly int ConsumerBytes = (ConsumerIds.Length + 7) / 8;

    private static readonly byte[] DescriptorBytes = BuildDescriptor();

    // Pressed state, laid out exactly as the report bodies (after the id byte): report 1 is the modifier
    // byte then KeySlots slots.
    private readonly byte[] _keyboard = new byte[1 + KeySlots];

    // Keyboard usage (0x00..0xDF) → its slot index + 1, or 0 when not pressed: IsDown, the duplicate check
    // and finding a released key's slot without scanning.
    private readonly byte[] _slotOf = new byte[KeyArrayEnd];
    private readonly byte[] _consumer = new byte[ConsumerBytes];
    private byte _system;

    /// <summary>The HID report descriptor to hand to UHID_CREATE2.</summary>
    public static ReadOnlySpan<byte> Descriptor => DescriptorBytes;

    /// <summary>The consumer usages the device can send, in report bit order.</summary>
    public static IReadOnlyList<ushort> ConsumerUsageIds => ConsumerIds;

    /// <summary>True when <paramref name="usage"/> has a place in one of the reports.</summary>
    public static bool CanSend(Usage usage) => usage.Page switch
    {
        UsagePages.Keyboard => usage.Id is >= 0x04 and <= 0xE7,
        UsagePages.Consumer => usage.Id < ConsumerBit.Length && ConsumerBit[usage.Id] >= 0,
        UsagePages.GenericDesktop => usage.Id is >= SystemFirstId and <= SystemLastId,
        _ => false,
    };

    /// <summary>Length in bytes (id included) of input report <paramref name="reportIndex"/> (0..ReportCount-1).</summary>
    public static int ReportLength(int reportIndex) => reportIndex switch
    {
        0 => 1 + 1 + KeySlots,
        1 => 1 + ConsumerBytes,
        2 => 1 + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(reportIndex), reportIndex, $"report index must be 0..{ReportCount - 1}"),
    };

    /// <summary>
    /// Records the change and writes the full input report that carries <paramref name="usage"/>
    /// into <paramref name="report"/>. Returns the report length, or 0 if the usage has no place: a usage
    /// the device cannot send, or a key pressed while all <see cref="KeySlots"/> slots are taken.
    /// Allocates nothing.
    /// </summary>
    public int Apply(Usage usage, bool down, Span<byte> report)
    {
        if (!CanSend(usage)) return 0;
        switch (usage.Page)
        {
            case UsagePages.Keyboard:
                if (usage.Id >= ModifierFirst) SetBit(_keyboard, usage.Id - ModifierFirst, down);
                else if (down) { if (!Press(usage.Id)) return 0; }
                else Release(usage.Id);
                return Write(KeyboardReportId, _keyboard, report);
            case UsagePages.Consumer:
                SetBit(_consumer, ConsumerBit[usage.Id], down);
                return Write(ConsumerReportId, _consumer, report);
            default:
                int bit = usage.Id - SystemFirstId;
                _system = down ? (byte)(_system | (1 << bit)) : (byte)(_system & ~(1 << bit));
                return Write(SystemReportId, new ReadOnlySpan<byte>(in _system), report);
        }
    }

    /// <summary>
    /// Forgets everything pressed in input report <paramref name="reportIndex"/> (0..ReportCount-1) and writes
    /// that report with nothing pressed (used on start and when releasing everything). Returns its length.
    /// </summary>
    public int WriteAllReleased(int reportIndex, Span<byte> report)
    {
        switch (reportIndex)
        {
            case 0:
                Array.Clear(_keyboard);
                Array.Clear(_slotOf);
                return Write(KeyboardReportId, _keyboard, report);
            case 1:
                Array.Clear(_consumer);
                return Write(ConsumerReportId, _consumer, report);
            case 2:
                _system = 0;
                return Write(SystemReportId, new ReadOnlySpan<byte>(in _system), report);
            default:
                throw new ArgumentOutOfRangeException(nameof(reportIndex), reportIndex, $"report index must be 0..{ReportCount - 1}");
        }
    }

    /// <summary>True when <paramref name="usage"/> is currently recorded as pressed.</summary>
    public bool IsDown(Usage usage)
    {
        if (!CanSend(usage)) return false;
        return usage.Page switch
        {
            UsagePages.Keyboard => usage.Id >= ModifierFirst ? GetBit(_keyboard, usage.Id - ModifierFirst) : _slotOf[usage.Id] != 0,
            UsagePages.Consumer => GetBit(_consumer, ConsumerBit[usage.Id]),
            _ => (_system & (1 << (usage.Id - SystemFirstId))) != 0,
        };
    }

    /// <summary>
    /// Reads the LED output report the host sends (caps/num/scroll lock...), with or without the leading
    /// report id byte (uhid passes it when the device numbers its reports; other paths strip it).
    /// </summary>
    public static bool TryParseLedReport(ReadOnlySpan<byte> report, out KeyboardLeds leds)
    {
        const byte ledMask = 0x1F;
        switch (report.Length)
        {
            case 1:
                leds = (KeyboardLeds)(report[0] & ledMask);
                return true;
            case 2 when report[0] == KeyboardReportId:
                leds = (KeyboardLeds)(report[1] & ledMask);
                return true;
            default:
                leds = KeyboardLeds.None;
                return false;
        }
    }

    /// <summary>Puts key <paramref name="id"/> in the first free slot; false when every slot is taken.</summary>
    private bool Press(int id)
    {
        if (_slotOf[id] != 0) return true;
        var slots = _keyboard.AsSpan(1);
        int free = slots.IndexOf((byte)0);
        if (free < 0) return false;
        slots[free] = (byte)id;
        _slotOf[id] = (byte)(free + 1);
        return true;
    }

    private void Release(int id)
    {
        int slot = _slotOf[id];
        if (slot == 0) return;
        _keyboard[slot] = 0;   // slot index + 1 is its offset in the body, after the modifier byte
        _slotOf[id] = 0;
    }

    private static int Write(byte reportId, ReadOnlySpan<byte> body, Span<byte> report)
    {
        int length = 1 + body.Length;
        if (report.Length < length) ThrowTooShort(report.Length, length);
        report[0] = reportId;
        body.CopyTo(report[1..]);
        return length;
    }

    [DoesNotReturn]
    private static void ThrowTooShort(int given, int needed) =>
        throw new ArgumentException($"report buffer holds {given} bytes; this report needs {needed} (MaxReportLength is {MaxReportLength})", "report");

    private static void SetBit(Span<byte> bytes, int bit, bool on)
    {
        if (on) bytes[bit >> 3] |= (byte)(1 << (bit & 7));
        else bytes[bit >> 3] &= (byte)~(1 << (bit & 7));
    }

    private static bool GetBit(ReadOnlySpan<byte> bytes, int bit) => (bytes[bit >> 3] & (1 << (bit & 7))) != 0;

    private static short[] BuildConsumerBits()
    {
        int size = ConsumerIds.Length == 0 ? 0 : ConsumerIds[^1] + 1;
        var bits = new short[size];
        Array.Fill(bits, (short)-1);
        for (int i = 0; i < ConsumerIds.Length; i++) bits[ConsumerIds[i]] = (short)i;
        return bits;
    }

    private static byte[] BuildDescriptor()
    {
        const uint dataVarAbs = ReportDescriptorWriter.Data | ReportDescriptorWriter.Variable | ReportDescriptorWriter.Absolute;
        const uint dataArrayAbs = ReportDescriptorWriter.Data | ReportDescriptorWriter.Array | ReportDescriptorWriter.Absolute;
        const uint constant = ReportDescriptorWriter.Constant;
        var w = new ReportDescriptorWriter();

        // Report 1: keyboard.
        w.UsagePage(UsagePages.GenericDesktop).Usage(0x06).Collection(CollectionType.Application)
            .ReportId(KeyboardReportId)
            .UsagePage(UsagePages.Keyboard).UsageMinimum(0xE0).UsageMaximum(0xE7)
            .LogicalMinimum(0).LogicalMaximum(1).ReportSize(1).ReportCount(8).Input(dataVarAbs)
            .UsageMinimum(0x00).UsageMaximum(KeyArrayEnd - 1)
            .LogicalMinimum(0).LogicalMaximum(KeyArrayEnd - 1).ReportSize(8).ReportCount(KeySlots).Input(dataArrayAbs)
            .UsagePage(UsagePages.Led).UsageMinimum(0x01).UsageMaximum(0x05)
            .LogicalMinimum(0).LogicalMaximum(1).ReportSize(1).ReportCount(5).Output(dataVarAbs)
            .ReportSize(3).ReportCount(1).Output(constant)
            .EndCollection();

        // Report 2: consumer control, one variable bit per usage.
        w.UsagePage(UsagePages.Consumer).Usage(0x01).Collection(CollectionType.Application)
            .ReportId(ConsumerReportId)
            .LogicalMinimum(0).LogicalMaximum(1).ReportSize(1);
        foreach (var id in ConsumerIds) w.Usage(id);
        w.ReportCount((uint)ConsumerIds.Length).Input(dataVarAbs);
        int consumerPad = ConsumerBytes * 8 - ConsumerIds.Length;
        if (consumerPad > 0) w.ReportCount((uint)consumerPad).Input(constant);
        w.EndCollection();

        // Report 3: system control.
        w.UsagePage(UsagePages.GenericDesktop).Usage(0x80).Collection(CollectionType.Application)
            .ReportId(SystemReportId)
            .UsageMinimum(SystemFirstId).UsageMaximum(SystemLastId)
            .LogicalMinimum(0).LogicalMaximum(1).ReportSize(1).ReportCount(SystemLastId - SystemFirstId + 1).Input(dataVarAbs)
            .ReportCount(8 - (SystemLastId - SystemFirstId + 1)).Input(constant)
            .EndCollection();

        return w.ToArray();
    }
}

[Flags]
public enum KeyboardLeds : byte
{
    None = 0,
    NumLock = 1 << 0,
    CapsLock = 1 << 1,
    ScrollLock = 1 << 2,
    Compose = 1 << 3,
    Kana = 1 << 4,
}
