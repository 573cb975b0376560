namespace Remapper.Core.Hid;

/// <summary>
/// Parses a HID report descriptor (HID 1.11 §6.2.2) into collections and fields. Descriptors come from
/// devices and sysfs, i.e. from outside, so this never throws and never loops: it walks the bytes once,
/// bounds nesting, and reports the first problem in <see cref="ReportDescriptor.Error"/> with its byte offset.
/// </summary>
public static class ReportDescriptorParser
{
    /// <summary>Deeper nesting than this is treated as corrupt (real devices use a handful of levels).</summary>
    public const int MaxCollectionDepth = 32;

    /// <summary>Push items without a Pop beyond this depth are treated as corrupt.</summary>
    public const int MaxPushDepth = 16;

    /// <summary>The kernel rejects fields with larger values; so do we, to keep offsets meaningful.</summary>
    public const uint MaxReportSize = 256;
    public const uint MaxReportCount = 12288;

    private const byte LongItemPrefix = 0xFE;

    public static ReportDescriptor Parse(ReadOnlySpan<byte> bytes)
    {
        var state = new ParseState();
        int pos = 0;
        while (pos < bytes.Length && state.Error is null)
        {
            int start = pos;
            byte prefix = bytes[pos++];

            if (prefix == LongItemPrefix)
            {
                // Long items carry vendor data with no meaning for us: check they fit, then skip them.
                if (bytes.Length - pos < 2)
                {
                    state.Error = $"long item at byte {start} is truncated (no size/tag bytes)";
                    break;
                }
                int longSize = bytes[pos];
                pos += 2;
                if (bytes.Length - pos < longSize)
                {
                    state.Error = $"long item at byte {start} declares {longSize} data bytes but only {bytes.Length - pos} remain";
                    break;
                }
                pos += longSize;
                continue;
            }

            int size = (prefix & 0x03) == 0x03 ? 4 : prefix & 0x03;
            if (bytes.Length - pos < size)
            {
                state.Error = $"item 0x{prefix:x2} at byte {start} needs {size} data byte(s) but only {bytes.Length - pos} remain";
                break;
            }
            uint data = 0;
            for (int i = 0; i < size; i++) data |= (uint)bytes[pos + i] << (8 * i);
            pos += size;

            var item = new Item(start, (prefix >> 2) & 0x03, prefix >> 4, size, data);
            switch (item.Type)
            {
                case 0: state.Main(item); break;
                case 1: state.Global(item); break;
                case 2: state.Local(item); break;
                default: break; // reserved item type: skip, as the spec asks of parsers
            }
        }

        if (state.Error is null && state.Current is not null)
            state.Error = $"{state.Depth} collection(s) still open at the end of the descriptor ({bytes.Length} bytes)";
        return new ReportDescriptor(state.Roots, state.Fields, state.Error);
    }

    private readonly record struct Item(int Offset, int Type, int Tag, int Size, uint Data)
    {
        public int Signed => Size switch
        {
            1 => (sbyte)(byte)Data,
            2 => (short)(ushort)Data,
            _ => (int)Data,
        };
    }

    private struct Globals
    {
        public ushort UsagePage;
        public int LogicalMinimum;
        public Item LogicalMaximumItem;
        public uint ReportSize;
        public uint ReportCount;
        public byte ReportId;
    }

    private sealed class ParseState
    {
        public readonly List<HidCollection> Roots = [];
        public readonly List<ReportField> Fields = [];
        public HidCollection? Current;
        public int Depth;
        public string? Error;

        private Globals _globals;
        private readonly Stack<Globals> _pushed = new();
        private readonly List<(uint Value, bool Extended)> _usages = [];
        private readonly List<UsageRange> _ranges = [];
        private (uint Value, bool Extended)? _min;
        private (uint Value, bool Extended)? _max;
        private readonly Dictionary<(ReportKind, byte), long> _bitOffsets = [];

        public void Main(Item item)
        {
            switch (item.Tag)
            {
                case 0x8: AddField(item, ReportKind.Input); break;
                case 0x9: AddField(item, ReportKind.Output); break;
                case 0xB: AddField(item, ReportKind.Feature); break;
                case 0xA: OpenCollection(item); break;
                case 0xC:
                    if (Current is null)
                    {
                        Error = $"End Collection at byte {item.Offset} has no matching Collection";
                        return;
                    }
                    Current = Current.Parent;
                    Depth--;
                    break;
                default: break; // reserved main tag: ignored
            }
            // Local items apply to the next main item only.
            _usages.Clear();
            _ranges.Clear();
            _min = _max = null;
        }

        public void Global(Item item)
        {
            switch (item.Tag)
            {
                case 0x0: _globals.UsagePage = (ushort)item.Data; break;
                case 0x1: _globals.LogicalMinimum = item.Signed; break;
                case 0x2: _globals.LogicalMaximumItem = item; break;
                case 0x7: _globals.ReportSize = item.Data; break;
                case 0x8:
                    if (item.Data is 0 or > 255)
                    {
                        Error = $"Report ID {item.Data} at byte {item.Offset} is outside 1–255";
                        return;
                    }
                    _globals.ReportId = (byte)item.Data;
                    break;
                case 0x9: _globals.ReportCount = item.Data; break;
                case 0xA:
                    if (_pushed.Count >= MaxPushDepth)
                    {
                        Error = $"Push at byte {item.Offset} nests deeper than {MaxPushDepth}";
                        return;
                    }
                    _pushed.Push(_globals);
                    break;
                case 0xB:
                    if (_pushed.Count == 0)
                    {
                        Error = $"Pop at byte {item.Offset} has no matching Push";
                        return;
                    }
                    _globals = _pushed.Pop();
                    break;
                default: break; // physical extent, unit, unit exponent, reserved: not needed
            }
        }

        public void Local(Item item)
        {
            var value = (item.Data, item.Size == 4);
            switch (item.Tag)
            {
                case 0x0: _usages.Add(value); break;
                case 0x1: _min = value; CompleteRange(); break;
                case 0x2: _max = value; CompleteRange(); break;
                default: break; // designators, strings, delimiters: not needed
            }
        }

        private void CompleteRange()
        {
            if (_min is not { } min || _max is not { } max) return;
            // An extended (4-byte) end names its own page; a short one takes the current page. When only one
            // end is extended its page applies to both, as the kernel does.
            ushort page = min.Extended ? (ushort)(min.Value >> 16)
                : max.Extended ? (ushort)(max.Value >> 16)
                : _globals.UsagePage;
            _ranges.Add(new UsageRange(new Usage(page, (ushort)min.Value), new Usage(page, (ushort)max.Value)));
            _min = _max = null;
        }

        private Usage Resolve((uint Value, bool Extended) u) =>
            u.Extended ? new Usage((ushort)(u.Value >> 16), (ushort)u.Value) : new Usage(_globals.UsagePage, (ushort)u.Value);

        private void OpenCollection(Item item)
        {
            if (Depth >= MaxCollectionDepth)
            {
                Error = $"Collection at byte {item.Offset} nests deeper than {MaxCollectionDepth}";
                return;
            }
            var usage = _usages.Count > 0 ? Resolve(_usages[0])
                : _ranges.Count > 0 ? _ranges[0].Minimum
                : Usages.None;
            var collection = new HidCollection((CollectionType)(byte)item.Data, usage, Current);
            if (Current is null) Roots.Add(collection);
            else Current.AddChild(collection);
            Current = collection;
            Depth++;
        }

        private void AddField(Item item, ReportKind kind)
        {
            var g = _globals;
            if (g.ReportSize > MaxReportSize)
            {
                Error = $"{kind} item at byte {item.Offset} has Report Size {g.ReportSize}, more than {MaxReportSize} bits";
                return;
            }
            if (g.ReportCount > MaxReportCount)
            {
                Error = $"{kind} item at byte {item.Offset} has Report Count {g.ReportCount}, more than {MaxReportCount}";
                return;
            }

            var usages = new Usage[_usages.Count];
            for (int i = 0; i < usages.Length; i++) usages[i] = Resolve(_usages[i]);

            var key = (kind, g.ReportId);
            _bitOffsets.TryGetValue(key, out long offset);
            var field = new ReportField
            {
                Kind = kind,
                ReportId = g.ReportId,
                UsagePage = g.UsagePage,
                Usages = usages,
                UsageRanges = _ranges.ToArray(),
                ReportSize = g.ReportSize,
                ReportCount = g.ReportCount,
                LogicalMinimum = g.LogicalMinimum,
                LogicalMaximum = LogicalMaximum(g),
                Flags = item.Data,
                BitOffset = offset,
                Collection = Current,
                Application = FindApplication(Current),
            };
            _bitOffsets[key] = offset + field.BitLength;
            Fields.Add(field);
            Current?.AddField(field);
        }

        // Many devices write e.g. Logical Maximum 255 as the single byte 0xFF; read as signed that is -1, below a
        // non-negative minimum. Read it unsigned then, which is what the device meant.
        private static int LogicalMaximum(Globals g)
        {
            var item = g.LogicalMaximumItem;
            int signed = item.Signed;
            if (signed >= g.LogicalMinimum || g.LogicalMinimum < 0) return signed;
            return item.Data > int.MaxValue ? int.MaxValue : (int)item.Data;
        }

        private static Usage FindApplication(HidCollection? c)
        {
            for (; c is not null; c = c.Parent)
                if (c.IsApplication) return c.Usage;
            return Usages.None;
        }
    }
}
