namespace Remapper.Core.Devices;

/// <summary>How a keyboard is attached. Values are Linux's BUS_* numbers so the backend can cast.</summary>
public enum DeviceBus : ushort
{
    Unknown = 0,
    Pci = 0x01,
    Usb = 0x03,
    Hil = 0x04,
    Bluetooth = 0x05,
    Virtual = 0x06,
    I8042 = 0x11,
    Host = 0x19,
    I2c = 0x18,
    Spi = 0x1C,
}

public static class DeviceBusExtensions
{
    /// <summary>
    /// Built-in keyboards sit on the buses a laptop wires its own keyboard to (PS/2 via i8042,
    /// SPI on MacBooks, I2C on many ultrabooks, platform/host); USB and Bluetooth are external.
    /// </summary>
    public static bool IsBuiltInBus(this DeviceBus bus) =>
        bus is DeviceBus.I8042 or DeviceBus.Spi or DeviceBus.I2c or DeviceBus.Host;

    /// <summary>The lowercase name used in keymaps (<c>bus = "usb"</c>).</summary>
    public static string KeymapName(this DeviceBus bus) => bus switch
    {
        DeviceBus.Usb => "usb",
        DeviceBus.Bluetooth => "bluetooth",
        DeviceBus.I8042 => "i8042",
        DeviceBus.Spi => "spi",
        DeviceBus.I2c => "i2c",
        DeviceBus.Host => "host",
        DeviceBus.Virtual => "virtual",
        DeviceBus.Pci => "pci",
        DeviceBus.Hil => "hil",
        _ => "unknown",
    };

    public static bool TryParseKeymapName(string name, out DeviceBus bus)
    {
        bus = name.ToLowerInvariant() switch
        {
            "usb" => DeviceBus.Usb,
            "bluetooth" or "bt" => DeviceBus.Bluetooth,
            "i8042" or "ps2" or "serio" => DeviceBus.I8042,
            "spi" => DeviceBus.Spi,
            "i2c" => DeviceBus.I2c,
            "host" or "platform" => DeviceBus.Host,
            "virtual" => DeviceBus.Virtual,
            "pci" => DeviceBus.Pci,
            _ => DeviceBus.Unknown,
        };
        return bus != DeviceBus.Unknown;
    }
}
