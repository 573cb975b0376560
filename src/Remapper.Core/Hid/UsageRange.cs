namespace Remapper.Core.Hid;

/// <summary>A Usage Minimum..Usage Maximum pair from a report descriptor, both ends inclusive.</summary>
public readonly record struct UsageRange(Usage Minimum, Usage Maximum)
{
    /// <summary>Number of usages covered; 0 when the range is malformed (ends on different pages or reversed).</summary>
    public int Count => Minimum.Page == Maximum.Page && Maximum.Id >= Minimum.Id ? Maximum.Id - Minimum.Id + 1 : 0;

    public bool Contains(Usage usage) =>
        usage.Page == Minimum.Page && Minimum.Page == Maximum.Page && usage.Id >= Minimum.Id && usage.Id <= Maximum.Id;
}
