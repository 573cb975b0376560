namespace Remapper.Core.Hid;

/// <summary>
/// What a HID report descriptor declares: its collection tree and its input/output/feature fields.
/// A malformed descriptor still yields everything parsed before the problem, plus <see cref="Error"/>.
/// </summary>
public sealed class ReportDescriptor
{
    internal ReportDescriptor(IReadOnlyList<HidCollection> collections, IReadOnlyList<ReportField> fields, string? error)
    {
        Collections = collections;
        Fields = fields;
        Error = error;
    }

    /// <summary>Top-level collections, in descriptor order.</summary>
    public IReadOnlyList<HidCollection> Collections { get; }

    /// <summary>Every main data item, in descriptor order.</summary>
    public IReadOnlyList<ReportField> Fields { get; }

    /// <summary>What was wrong with the bytes (with the byte offset), or null when they parsed cleanly.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    /// <summary>
    /// A Generic Desktop / Keyboard (or Keypad) application collection that reports keyboard-page keys.
    /// A mouse, a consumer-control-only device or a vendor collection that happens to use page 0x07 is not one.
    /// </summary>
    public bool IsKeyboard => HasApplicationWith(Usage.Desktop(0x06), UsagePages.Keyboard)
        || HasApplicationWith(Usage.Desktop(0x07), UsagePages.Keyboard);

    /// <summary>A Consumer / Consumer Control application collection (media keys).</summary>
    public bool HasConsumerControl => HasApplication(Usage.Consumer(0x01));

    /// <summary>A Generic Desktop / System Control application collection (power, sleep, wake).</summary>
    public bool HasSystemControl => HasApplication(Usage.Desktop(0x80));

    /// <summary>A Generic Desktop / Mouse application collection.</summary>
    public bool HasMouse => HasApplication(Usage.Desktop(0x02));

    /// <summary>True when the descriptor uses report ids (then every report starts with its id byte).</summary>
    public bool UsesReportIds
    {
        get
        {
            foreach (var f in Fields)
                if (f.ReportId != 0) return true;
            return false;
        }
    }

    /// <summary>Every collection, depth first.</summary>
    public IEnumerable<HidCollection> AllCollections()
    {
        var stack = new Stack<HidCollection>(Collections.Reverse());
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            yield return c;
            for (int i = c.Children.Count - 1; i >= 0; i--) stack.Push(c.Children[i]);
        }
    }

    private bool HasApplication(Usage usage)
    {
        foreach (var c in AllCollections())
            if (c.IsApplication && c.Usage == usage) return true;
        return false;
    }

    private bool HasApplicationWith(Usage application, ushort inputPage)
    {
        foreach (var c in AllCollections())
        {
            if (!c.IsApplication || c.Usage != application) continue;
            foreach (var f in c.AllFields())
                if (f.Kind == ReportKind.Input && !f.IsConstant && f.HasUsageOnPage(inputPage)) return true;
        }
        return false;
    }
}
