namespace Remapper.Core.Devices;

/// <summary>
/// Who our own virtual keyboard says it is. Discovery compares against all of these (not the name
/// alone) so Remapper never seizes its own output, even from another running instance.
/// </summary>
public static class VirtualKeyboardIdentity
{
    public const string Name = "Remapper Virtual Keyboard";

    /// <summary>pid.codes' shared vendor id for open-source hardware and test devices.</summary>
    public const ushort VendorId = 0x1209;

    public const ushort ProductId = 0x5245;

    /// <summary>Set as the HID <c>uniq</c> string; a second, name-independent marker.</summary>
    public const string Uniq = "remapper-virtual-keyboard";

    public static bool Matches(string name, ushort vendor, ushort product, string uniq) =>
        (vendor == VendorId && product == ProductId) || uniq == Uniq;
}
