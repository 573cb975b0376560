using System.Globalization;

namespace Remapper.Core.Hid;

/// <summary>
/// Pointer button names and HID button numbers (Button page 0x09): 1 left, 2 right, 3 middle, 4 back, 5 forward
/// (the kernel's BTN_SIDE and BTN_EXTRA), 6–8 by number. Shared by the keymap, the .keytest format and the writers.
/// </summary>
public static class PointerButtons
{
    public const int Count = 8;

    public static readonly IReadOnlyList<string> Names = ["left", "right", "middle", "back", "forward"];

    public static Usage Usage(int button) => new(UsagePages.Button, (ushort)button);

    public static string Name(int button) =>
        button >= 1 && button <= Names.Count ? Names[button - 1] : button.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out int button)
    {
        var lower = text.ToLowerInvariant();
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] != lower) continue;
            button = i + 1;
            return true;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out button) && button is >= 1 and <= Count;
    }
}
