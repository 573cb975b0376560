using Remapper.Core.Hid;

namespace Remapper.Linux.Input;

/// <summary>
/// evdev key codes (KEY_*) ↔ HID usages, both ways, for every key the HID model names — the same
/// correspondence the kernel's hid-input driver applies, so a key read from a physical keyboard and the
/// usage we write to the virtual keyboard name the same key.
/// </summary>
/// <remarks>
/// Several usages share one code (keyboard-page Mute and consumer Mute are both KEY_MUTE). Going from a
/// code to a usage picks the usage a real key sends: system control first, then consumer, then the
/// keyboard page, and within a page the lowest id (so KEY_DELETE is Delete Forward 0x4C, not Clear).
/// Lookups index arrays built once, so the per-event path does no hashing and allocates nothing.
/// </remarks>
public static class LinuxKeyCodes
{
    public const ushort KeyMax = 0x2FF;

    private const int KeyboardIds = 0x100;
    private const int ConsumerIds = 0x300;
    private const int DesktopIds = 0x100;

    /// <summary>Every (code, usage) pair, in reverse-lookup priority order.</summary>
    // Assigned in the static constructor: the data arrays below must be initialised first.
    private static readonly (ushort Code, Usage Usage)[] PairList;

    private static readonly Usage[] CodeToUsage = new Usage[KeyMax + 1];
    private static readonly ushort[] KeyboardToCode = new ushort[KeyboardIds];
    private static readonly ushort[] ConsumerToCode = new ushort[ConsumerIds];
    private static readonly ushort[] DesktopToCode = new ushort[DesktopIds];

    static LinuxKeyCodes()
    {
        PairList = BuildPairs();
        foreach (var (code, usage) in PairList)
        {
            if (CodeToUsage[code].IsNone) CodeToUsage[code] = usage;
            var table = TableFor(usage.Page);
            if (table is not null && usage.Id < table.Length && table[usage.Id] == 0) table[usage.Id] = code;
        }
    }

    /// <summary>Every usage ↔ code correspondence known here (several usages may share a code).</summary>
    public static IReadOnlyList<(ushort Code, Usage Usage)> Pairs => PairList;

    public static bool TryToUsage(ushort code, out Usage usage)
    {
        if (code <= KeyMax)
        {
            usage = CodeToUsage[code];
            return !usage.IsNone;
        }
        usage = default;
        return false;
    }

    public static bool TryToCode(Usage usage, out ushort code)
    {
        var table = TableFor(usage.Page);
        code = table is not null && usage.Id < table.Length ? table[usage.Id] : (ushort)0;
        return code != 0;
    }

    private static ushort[]? TableFor(ushort page) => page switch
    {
        UsagePages.Keyboard => KeyboardToCode,
        UsagePages.Consumer => ConsumerToCode,
        UsagePages.GenericDesktop => DesktopToCode,
        _ => null,
    };

    private static (ushort, Usage)[] BuildPairs()
    {
        var pairs = new List<(ushort, Usage)>();
        foreach (var (id, code) in SystemControl) pairs.Add((code, Usage.Desktop(id)));
        foreach (var (id, code) in Consumer) pairs.Add((code, Usage.Consumer(id)));
        foreach (var (id, code) in Keyboard) pairs.Add((code, Usage.Key(id)));
        return [.. pairs];
    }

    // Generic Desktop System Control: Power Down, Sleep, Wake Up.
    private static readonly (ushort Id, ushort Code)[] SystemControl =
    [
        (0x81, 116 /* KEY_POWER */), (0x82, 142 /* KEY_SLEEP */), (0x83, 143 /* KEY_WAKEUP */),
    ];

    // Consumer page, for the usages KeyNames names. Sorted by id so the lowest wins a shared code.
    private static readonly (ushort Id, ushort Code)[] Consumer =
    [
        (0x06F, 225 /* KEY_BRIGHTNESSUP */), (0x070, 224 /* KEY_BRIGHTNESSDOWN */),
        (0x079, 230 /* KEY_KBDILLUMUP */), (0x07A, 229 /* KEY_KBDILLUMDOWN */), (0x07C, 228 /* KEY_KBDILLUMTOGGLE */),
        (0x0B3, 208 /* KEY_FASTFORWARD */), (0x0B4, 168 /* KEY_REWIND */),
        (0x0B5, 163 /* KEY_NEXTSONG */), (0x0B6, 165 /* KEY_PREVIOUSSONG */),
        (0x0B7, 166 /* KEY_STOPCD */), (0x0B8, 161 /* KEY_EJECTCD */),
        (0x0CD, 164 /* KEY_PLAYPAUSE */), (0x0CF, 0x246 /* KEY_VOICECOMMAND */),
        (0x0E2, 113 /* KEY_MUTE */), (0x0E9, 115 /* KEY_VOLUMEUP */), (0x0EA, 114 /* KEY_VOLUMEDOWN */),
        (0x183, 171 /* KEY_CONFIG */), (0x184, 0x1A5 /* KEY_WORDPROCESSOR */),
        (0x185, 0x1A6 /* KEY_EDITOR */), (0x186, 0x1A7 /* KEY_SPREADSHEET */),
        (0x18A, 155 /* KEY_MAIL */), (0x18E, 0x18D /* KEY_CALENDAR */), (0x192, 140 /* KEY_CALC */),
        (0x194, 144 /* KEY_FILE */), (0x196, 150 /* KEY_WWW */), (0x19E, 152 /* KEY_SCREENLOCK */),
        (0x19F, 0x243 /* KEY_CONTROLPANEL */), (0x1A2, 0x244 /* KEY_APPSELECT */),
        (0x1A7, 235 /* KEY_DOCUMENTS */), (0x1AE, 0x176 /* KEY_KEYBOARD */),
        (0x1B4, 144 /* KEY_FILE */), (0x1B6, 0x1BA /* KEY_IMAGES */), (0x1B7, 0x188 /* KEY_AUDIO */),
        (0x1B8, 0x189 /* KEY_VIDEO */), (0x1CB, 0x247 /* KEY_ASSISTANT */),
        (0x221, 217 /* KEY_SEARCH */), (0x223, 172 /* KEY_HOMEPAGE */), (0x224, 158 /* KEY_BACK */),
        (0x225, 159 /* KEY_FORWARD */), (0x226, 128 /* KEY_STOP */), (0x227, 173 /* KEY_REFRESH */),
        (0x22A, 156 /* KEY_BOOKMARKS */), (0x22D, 0x1A2 /* KEY_ZOOMIN */), (0x22E, 0x1A3 /* KEY_ZOOMOUT */),
    ];

    // Keyboard page. Usages Linux leaves unmapped (locking keys, LANG6–9, most of 0x99–0xDD...) are absent.
    private static readonly (ushort Id, ushort Code)[] Keyboard =
    [
        // Letters a–z.
        (0x04, 30), (0x05, 48), (0x06, 46), (0x07, 32), (0x08, 18), (0x09, 33), (0x0A, 34), (0x0B, 35),
        (0x0C, 23), (0x0D, 36), (0x0E, 37), (0x0F, 38), (0x10, 50), (0x11, 49), (0x12, 24), (0x13, 25),
        (0x14, 16), (0x15, 19), (0x16, 31), (0x17, 20), (0x18, 22), (0x19, 47), (0x1A, 17), (0x1B, 45),
        (0x1C, 21), (0x1D, 44),
        // Digits 1–9, 0 (KEY_1 = 2 … KEY_0 = 11).
        (0x1E, 2), (0x1F, 3), (0x20, 4), (0x21, 5), (0x22, 6), (0x23, 7), (0x24, 8), (0x25, 9), (0x26, 10), (0x27, 11),
        // Enter, Esc, Backspace, Tab, Space, - = [ ] \ (ISO #) ; ' ` , . / CapsLock.
        (0x28, 28), (0x29, 1), (0x2A, 14), (0x2B, 15), (0x2C, 57), (0x2D, 12), (0x2E, 13), (0x2F, 26),
        (0x30, 27), (0x31, 43), (0x32, 43), (0x33, 39), (0x34, 40), (0x35, 41), (0x36, 51), (0x37, 52),
        (0x38, 53), (0x39, 58),
        // F1–F12: F1–F10 are 59–68, F11/F12 are 87/88.
        (0x3A, 59), (0x3B, 60), (0x3C, 61), (0x3D, 62), (0x3E, 63), (0x3F, 64), (0x40, 65), (0x41, 66),
        (0x42, 67), (0x43, 68), (0x44, 87), (0x45, 88),
        // SysRq, ScrollLock, Pause, Insert, Home, PageUp, Delete, End, PageDown, Right, Left, Down, Up.
        (0x46, 99), (0x47, 70), (0x48, 119), (0x49, 110), (0x4A, 102), (0x4B, 104), (0x4C, 111), (0x4D, 107),
        (0x4E, 109), (0x4F, 106), (0x50, 105), (0x51, 108), (0x52, 103),
        // NumLock, KP / * - + Enter, KP1–KP9, KP0, KP.
        (0x53, 69), (0x54, 98), (0x55, 55), (0x56, 74), (0x57, 78), (0x58, 96), (0x59, 79), (0x5A, 80),
        (0x5B, 81), (0x5C, 75), (0x5D, 76), (0x5E, 77), (0x5F, 71), (0x60, 72), (0x61, 73), (0x62, 82),
        (0x63, 83),
        // 102ND, Compose, Power, KP=, F13–F24 (183–194).
        (0x64, 86), (0x65, 127), (0x66, 116), (0x67, 117),
        (0x68, 183), (0x69, 184), (0x6A, 185), (0x6B, 186), (0x6C, 187), (0x6D, 188), (0x6E, 189), (0x6F, 190),
        (0x70, 191), (0x71, 192), (0x72, 193), (0x73, 194),
        // Open (Execute), Help, Props (Menu), Front (Select), Stop, Again, Undo, Cut, Copy, Paste, Find,
        // Mute, VolumeUp, VolumeDown.
        (0x74, 134), (0x75, 138), (0x76, 130), (0x77, 132), (0x78, 128), (0x79, 129), (0x7A, 131), (0x7B, 137),
        (0x7C, 133), (0x7D, 135), (0x7E, 136), (0x7F, 113), (0x80, 115), (0x81, 114),
        // KPComma, RO, KatakanaHiragana, Yen, Henkan, Muhenkan, KPJPComma.
        (0x85, 121), (0x87, 89), (0x88, 93), (0x89, 124), (0x8A, 92), (0x8B, 94), (0x8C, 95),
        // Hangeul, Hanja, Katakana, Hiragana, ZenkakuHankaku.
        (0x90, 122), (0x91, 123), (0x92, 90), (0x93, 91), (0x94, 85),
        // Clear → KEY_DELETE; KP ( ); Keypad Clear → KEY_DELETE.
        (0x9C, 111), (0xB6, 179), (0xB7, 180), (0xD8, 111),
        // Modifiers: LeftCtrl, LeftShift, LeftAlt, LeftMeta, RightCtrl, RightShift, RightAlt, RightMeta.
        (0xE0, 29), (0xE1, 42), (0xE2, 56), (0xE3, 125), (0xE4, 97), (0xE5, 54), (0xE6, 100), (0xE7, 126),
    ];
}
