namespace Remapper.Core.Hid;

/// <summary>
/// One Input, Output or Feature main item: <see cref="ReportCount"/> values of <see cref="ReportSize"/> bits
/// each, at <see cref="BitOffset"/> in the report (counted after the report id byte, if any).
/// </summary>
public sealed class ReportField
{
    public required ReportKind Kind { get; init; }

    /// <summary>0 when the descriptor declares no report ids.</summary>
    public required byte ReportId { get; init; }

    /// <summary>The global Usage Page in effect at this item.</summary>
    public required ushort UsagePage { get; init; }

    /// <summary>Usages given one by one (Usage items), in order.</summary>
    public required IReadOnlyList<Usage> Usages { get; init; }

    /// <summary>Usages given as Usage Minimum..Usage Maximum.</summary>
    public required IReadOnlyList<UsageRange> UsageRanges { get; init; }

    public required uint ReportSize { get; init; }
    public required uint ReportCount { get; init; }
    public required int LogicalMinimum { get; init; }
    public required int LogicalMaximum { get; init; }

    /// <summary>The main item's data bits (bit 0 constant, bit 1 variable, bit 2 relative...).</summary>
    public required uint Flags { get; init; }

    public required long BitOffset { get; init; }

    /// <summary>The innermost enclosing collection; null for a field outside every collection.</summary>
    public required HidCollection? Collection { get; init; }

    /// <summary>The usage of the enclosing application collection; none when there is none.</summary>
    public required Usage Application { get; init; }

    public long BitLength => (long)ReportSize * ReportCount;
    public bool IsConstant => (Flags & 0x01) != 0;
    public bool IsVariable => (Flags & 0x02) != 0;
    public bool IsArray => !IsVariable;
    public bool IsRelative => (Flags & 0x04) != 0;

    /// <summary>True when the field carries <paramref name="usage"/>, listed or within a range.</summary>
    public bool Contains(Usage usage)
    {
        foreach (var u in Usages)
            if (u == usage) return true;
        foreach (var r in UsageRanges)
            if (r.Contains(usage)) return true;
        return false;
    }

    /// <summary>True when any of the field's usages is on <paramref name="page"/>.</summary>
    public bool HasUsageOnPage(ushort page)
    {
        foreach (var u in Usages)
            if (u.Page == page) return true;
        foreach (var r in UsageRanges)
            if (r.Minimum.Page == page || r.Maximum.Page == page) return true;
        return false;
    }

    public override string ToString() =>
        $"{Kind} id={ReportId} page=0x{UsagePage:x2} {ReportCount}x{ReportSize} {(IsConstant ? "const" : IsVariable ? "var" : "array")}";
}
