namespace Remapper.Core.Hid;

/// <summary>Which of a HID device's report families a field belongs to.</summary>
public enum ReportKind : byte
{
    Input,
    Output,
    Feature,
}
