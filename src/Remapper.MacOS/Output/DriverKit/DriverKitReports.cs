using System.Buffers.Binary;
using Remapper.Core.Hid;

namespace Remapper.MacOS.Output.DriverKit;

/// <summary>Which of the driver's input reports a usage travels in.</summary>
public enum DriverReport : byte { None, Keyboard, Consumer, GenericDesktop }

/// <summary>
/// The pressed state of the DriverKit virtual keyboard, laid out as the driver's packed report structs, so a change
/// becomes the full report to post (the driver takes the set of pressed usages, not deltas). One instance per
/// virtual keyboard, owned by the loop thread; nothing here allocates after construction.
/// </summary>
/// <remarks>
/// keyboard_input: <c>u8 report id 1, u8 modifiers, u8 reserved, u16 keys[32]</c> (67 bytes; modifier bit n is usage
/// 0xE0+n). consumer_input (id 2) and generic_desktop_input (id 7): <c>u8 id, u16 keys[32]</c> (65 bytes). Keys fill the
/// first free slot, like the driver's own client; a 33rd key at once has no slot and is reported as dropped.
/// </remarks>
public sealed class DriverKitReports
{
    public const byte KeyboardReportId = 1, ConsumerReportId = 2, GenericDesktopReportId = 7;
    public const int Slots = 32;
    public const int KeyboardReportLength = 3 + Slots * 2;
    public const int KeysReportLength = 1 + Slots * 2;

    private readonly byte[] _keyboard = new byte[KeyboardReportLength];
    private readonly byte[] _consumer = new byte[KeysReportLength];
    private readonly byte[] _desktop = new byte[KeysReportLength];

    public DriverKitReports()
    {
        _keyboard[0] = KeyboardReportId;
        _consumer[0] = ConsumerReportId;
        _desktop[0] = GenericDesktopReportId;
    }

    /// <summary>How many key presses found every slot taken (a user can notice: the key did not type).</summary>
    public long Dropped { get; private set; }

    public static DriverReport ReportFor(Usage usage) => usage.Page switch
    {
        UsagePages.Keyboard when usage.Id is >= 0x04 and <= 0xE7 => DriverReport.Keyboard,
        UsagePages.Consumer when usage.Id is > 0 and < 0x1000 => DriverReport.Consumer,
        // System power down / sleep / wake up: the driver's generic desktop report carries them.
        UsagePages.GenericDesktop when usage.Id is >= 0x81 and <= 0x83 => DriverReport.GenericDesktop,
        _ => DriverReport.None,
    };

    /// <summary>Records a change; returns the report to post (empty when the usage has no place or nothing changed).</summary>
    public ReadOnlySpan<byte> Apply(Usage usage, bool down, out DriverReport report)
    {
        report = ReportFor(usage);
        switch (report)
        {
            case DriverReport.Keyboard:
                if (usage.IsModifier)
                {
                    byte before = _keyboard[1];
                    _keyboard[1] = down ? (byte)(before | usage.ModifierBit) : (byte)(before & ~usage.ModifierBit);
                    return _keyboard[1] == before ? [] : _keyboard;
                }
                return Change(_keyboard.AsSpan(3), usage.Id, down) ? _keyboard : [];
            case DriverReport.Consumer:
                return Change(_consumer.AsSpan(1), usage.Id, down) ? _consumer : [];
            case DriverReport.GenericDesktop:
                return Change(_desktop.AsSpan(1), usage.Id, down) ? _desktop : [];
            default:
                return [];
        }
    }

    /// <summary>Forgets every pressed usage (the virtual keyboard went away, so nothing is held there any more).</summary>
    public void Clear()
    {
        _keyboard.AsSpan(1).Clear();
        _consumer.AsSpan(1).Clear();
        _desktop.AsSpan(1).Clear();
    }

    public bool AnyPressed => _keyboard.AsSpan(1).ContainsAnyExcept((byte)0)
        || _consumer.AsSpan(1).ContainsAnyExcept((byte)0) || _desktop.AsSpan(1).ContainsAnyExcept((byte)0);

    private bool Change(Span<byte> slots, ushort id, bool down)
    {
        int free = -1;
        for (int i = 0; i < Slots; i++)
        {
            ushort k = BinaryPrimitives.ReadUInt16LittleEndian(slots[(i * 2)..]);
            if (k == id)
            {
                if (down) return false;
                BinaryPrimitives.WriteUInt16LittleEndian(slots[(i * 2)..], 0);
                return true;
            }
            if (k == 0 && free < 0) free = i;
        }
        if (!down) return false;
        if (free < 0)
        {
            Dropped++;
            return false;
        }
        BinaryPrimitives.WriteUInt16LittleEndian(slots[(free * 2)..], id);
        return true;
    }
}
