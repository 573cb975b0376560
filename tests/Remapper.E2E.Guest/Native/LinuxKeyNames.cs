namespace Remapper.E2E.Guest.Native;

/// <summary>
/// KEY_* names for the codes the scenarios look at (input-event-codes.h). Written out here rather than taken
/// from src/ so a wrong table in the code under test cannot hide behind the same wrong table in the test.
/// </summary>
internal static class LinuxKeyNames
{
    private static readonly Dictionary<int, string> Names = Build();

    public static string Name(int code) => Names.TryGetValue(code, out string? name) ? name : $"KEY_0x{code:x}";

    private static Dictionary<int, string> Build()
    {
        var names = new Dictionary<int, string>
        {
            [1] = "KEY_ESC", [12] = "KEY_MINUS", [13] = "KEY_EQUAL", [14] = "KEY_BACKSPACE", [15] = "KEY_TAB",
            [26] = "KEY_LEFTBRACE", [27] = "KEY_RIGHTBRACE", [28] = "KEY_ENTER", [29] = "KEY_LEFTCTRL",
            [39] = "KEY_SEMICOLON", [40] = "KEY_APOSTROPHE", [41] = "KEY_GRAVE", [42] = "KEY_LEFTSHIFT",
            [43] = "KEY_BACKSLASH", [51] = "KEY_COMMA", [52] = "KEY_DOT", [53] = "KEY_SLASH", [54] = "KEY_RIGHTSHIFT",
            [55] = "KEY_KPASTERISK", [56] = "KEY_LEFTALT", [57] = "KEY_SPACE", [58] = "KEY_CAPSLOCK",
            [69] = "KEY_NUMLOCK", [70] = "KEY_SCROLLLOCK", [86] = "KEY_102ND", [87] = "KEY_F11", [88] = "KEY_F12",
            [96] = "KEY_KPENTER", [97] = "KEY_RIGHTCTRL", [98] = "KEY_KPSLASH", [99] = "KEY_SYSRQ",
            [100] = "KEY_RIGHTALT", [102] = "KEY_HOME", [103] = "KEY_UP", [104] = "KEY_PAGEUP", [105] = "KEY_LEFT",
            [106] = "KEY_RIGHT", [107] = "KEY_END", [108] = "KEY_DOWN", [109] = "KEY_PAGEDOWN", [110] = "KEY_INSERT",
            [111] = "KEY_DELETE", [113] = "KEY_MUTE", [114] = "KEY_VOLUMEDOWN", [115] = "KEY_VOLUMEUP",
            [116] = "KEY_POWER", [119] = "KEY_PAUSE", [125] = "KEY_LEFTMETA", [126] = "KEY_RIGHTMETA",
            [127] = "KEY_COMPOSE",
            [0x110] = "BTN_LEFT", [0x111] = "BTN_RIGHT", [0x112] = "BTN_MIDDLE", [0x113] = "BTN_SIDE", [0x114] = "BTN_EXTRA",
        };
        // Digit row: KEY_1 = 2 ... KEY_9 = 10, KEY_0 = 11.
        for (int digit = 1; digit <= 9; digit++)
        {
            names[digit + 1] = $"KEY_{digit}";
        }
        names[11] = "KEY_0";
        AddRow(names, 16, "QWERTYUIOP");
        AddRow(names, 30, "ASDFGHJKL");
        AddRow(names, 44, "ZXCVBNM");
        for (int f = 1; f <= 10; f++)
        {
            names[58 + f] = $"KEY_F{f}";
        }
        return names;
    }

    private static void AddRow(Dictionary<int, string> names, int firstCode, string letters)
    {
        for (int i = 0; i < letters.Length; i++)
        {
            names[firstCode + i] = $"KEY_{letters[i]}";
        }
    }
}
