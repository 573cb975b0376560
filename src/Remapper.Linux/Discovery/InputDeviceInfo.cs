using Remapper.Backend;
using Remapper.Core.Devices;

namespace Remapper.Linux.Discovery;

/// <summary>One <c>/sys/class/input/eventN</c> device, as discovery read it.</summary>
/// <param name="EventName">e.g. <c>event3</c>.</param>
/// <param name="DevNode">e.g. <c>/dev/input/event3</c>.</param>
/// <param name="ReportDescriptor">The HID report descriptor when the device sits on a HID device, else null.</param>
public sealed record InputDeviceInfo(
    string EventName,
    string DevNode,
    string Name,
    string Phys,
    string Uniq,
    ushort BusType,
    ushort Vendor,
    ushort Product,
    ushort Version,
    CapabilityBitmap EventTypes,
    CapabilityBitmap Keys,
    byte[]? ReportDescriptor)
{
    public DeviceBus Bus => (DeviceBus)BusType;

    public DeviceKind Kind { get; } = KeyboardClassifier.Classify(EventTypes, Keys, ReportDescriptor);

    /// <summary>Ours (from this or another Remapper instance): never seized, whatever its name says.</summary>
    public bool IsOwnVirtualKeyboard => VirtualKeyboardIdentity.Matches(Name, Vendor, Product, Uniq);

    /// <summary>A keyboard Remapper should try to take over (before config rules).</summary>
    public bool IsCandidate => Kind != DeviceKind.NotKeyboard && !IsOwnVirtualKeyboard;

    public KeyboardIdentity Identity => new(
        KeyboardIdentity.MakeId(Bus, Vendor, Product, Phys), Name, Bus, Vendor, Product, Phys);

    public bool IsBuiltIn => Identity.IsBuiltIn;

    /// <summary>This device in the status model: in <paramref name="state"/>, explained by <paramref name="detail"/>.</summary>
    public KeyboardStatus Status(KeyboardState state, string detail, string? fix = null) =>
        new(Identity, DevNode, state, detail, fix) { Kind = Kind == DeviceKind.MediaKeys ? KeyboardKind.MediaKeys : KeyboardKind.Keyboard };
}
