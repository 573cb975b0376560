using Remapper.Core.Hid;

namespace Remapper.Linux.Discovery;

/// <summary>Decides from key capabilities whether an input device is something a user types on.</summary>
public static class KeyboardClassifier
{
    // KEY_Q..KEY_P, KEY_A..KEY_L, KEY_Z..KEY_M: the three letter rows of linux/input-event-codes.h.
    private static readonly (int First, int Last)[] LetterRows = [(16, 25), (30, 38), (44, 50)];

    // KEY_MUTE, KEY_VOLUMEDOWN, KEY_VOLUMEUP, KEY_NEXTSONG, KEY_PLAYPAUSE, KEY_PREVIOUSSONG, KEY_STOPCD.
    private static readonly int[] MediaKeys = [113, 114, 115, 163, 164, 165, 166];

    private const int BtnMouse = 0x110; // BTN_LEFT: a pointer, whatever else it has
    private const int BtnTouch = 0x14a;
    private const int EvKey = 1;

    /// <summary>
    /// Capabilities decide; a HID report descriptor, when there is one, can only veto. hid-input maps page-0x07
    /// usages to keys wherever they appear, so a vendor collection can grow "letter keys" without being a
    /// keyboard — but the descriptor never promotes a node: every node of a HID device shares one descriptor,
    /// and its mouse node must not be grabbed because the device also has a keyboard collection.
    /// </summary>
    public static DeviceKind Classify(CapabilityBitmap eventTypes, CapabilityBitmap keys, byte[]? reportDescriptor)
    {
        var kind = Classify(eventTypes, keys);
        if (kind != DeviceKind.Keyboard || reportDescriptor is null || reportDescriptor.Length == 0) return kind;
        var descriptor = ReportDescriptorParser.Parse(reportDescriptor);
        if (!descriptor.IsValid) return kind;
        return descriptor.IsKeyboard || descriptor.HasConsumerControl ? kind : DeviceKind.NotKeyboard;
    }

    public static DeviceKind Classify(CapabilityBitmap eventTypes, CapabilityBitmap keys)
    {
        if (!eventTypes.IsEmpty && !eventTypes.Has(EvKey)) return DeviceKind.NotKeyboard;

        bool allLetters = true;
        foreach (var (first, last) in LetterRows)
            for (int code = first; code <= last; code++)
                allLetters &= keys.Has(code);
        if (allLetters) return DeviceKind.Keyboard;

        if (keys.Has(BtnMouse) || keys.Has(BtnTouch)) return DeviceKind.NotKeyboard;

        // One media key alone is a special button (a headset's mute); two or more is a media keypad or
        // a keyboard's consumer-control interface, whose keys must be remapped with the keyboard's.
        int media = 0;
        foreach (var code in MediaKeys)
            if (keys.Has(code)) media++;
        return media >= 2 ? DeviceKind.MediaKeys : DeviceKind.NotKeyboard;
    }
}
