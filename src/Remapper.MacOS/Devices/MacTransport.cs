using Remapper.Core.Devices;

namespace Remapper.MacOS.Devices;

/// <summary>IOKit's <c>Transport</c> strings, told in the keymap's bus names (<c>bus = "spi"</c> matches on macOS as on Linux).</summary>
public static class MacTransport
{
    public static DeviceBus ToBus(string? transport) => transport?.Trim().ToLowerInvariant() switch
    {
        "usb" => DeviceBus.Usb,
        "bluetooth" or "bluetooth low energy" or "bluetoothle" => DeviceBus.Bluetooth,
        "spi" => DeviceBus.Spi,
        "i2c" => DeviceBus.I2c,
        // The MacBook keyboards of Apple silicon machines hang off the SoC's HID FIFO transport: built in, like SPI.
        "fifo" or "aid" or "adb" => DeviceBus.Host,
        "virtual" => DeviceBus.Virtual,
        "pci" => DeviceBus.Pci,
        _ => DeviceBus.Unknown,
    };
}
