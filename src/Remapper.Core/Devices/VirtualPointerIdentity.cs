namespace Remapper.Core.Devices;

/// <summary>Who our own virtual pointer (mouse keys' output, a device of its own beside the virtual keyboard) says it is.</summary>
public static class VirtualPointerIdentity
{
    public const string Name = "Remapper Virtual Pointer";

    /// <summary>The virtual keyboard's vendor (pid.codes), the next product id.</summary>
    public const ushort VendorId = VirtualKeyboardIdentity.VendorId;

    public const ushort ProductId = 0x5246;

    public const string Uniq = "remapper-virtual-pointer";
}
