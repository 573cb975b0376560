namespace Remapper.MacOS.Devices;

/// <summary>What a matched HID device is to Remapper.</summary>
public enum MacDeviceKind
{
    /// <summary>A keyboard or keypad collection: seized and remapped.</summary>
    Keyboard,

    /// <summary>Only consumer-control keys (a media keypad, a keyboard's media interface): seized with the keyboards.</summary>
    ConsumerKeys,

    /// <summary>The Karabiner DriverKit virtual keyboard we type through, or another remapper's: never seized.</summary>
    VirtualOutput,

    /// <summary>Not something a user types on (a mouse, a trackpad, a sensor).</summary>
    NotKeyboard,
}
