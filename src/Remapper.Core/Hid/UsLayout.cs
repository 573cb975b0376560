namespace Remapper.Core.Hid;

/// <summary>
/// Which key (and whether shift) types a character on the US QWERTY layout: how <c>text("…")</c> is typed.
/// The desktop's layout must be US for the text to come out as written; other characters go through
/// <c>unicode("…")</c>.
/// </summary>
public static class UsLayout
{
    // Index: the ASCII code 0x20..0x7E. Value: the keyboard-page usage id, with bit 0x100 for "shifted".
    private const int Shifted = 0x100;
    private static readonly ushort[] Printable = Build();

    /// <summary>The key and shift for <paramref name="c"/>; false for a character no US key types.</summary>
    public static bool TryGetKey(char c, out Usage key, out bool shift)
    {
        key = default;
        shift = false;
        ushort code;
        switch (c)
        {
            case '\n': code = 0x28; break; // enter
            case '\t': code = 0x2B; break; // tab
            case >= ' ' and <= '~': code = Printable[c - ' ']; break;
            default: return false;
        }
        key = Usage.Key((ushort)(code & 0xFF));
        shift = (code & Shifted) != 0;
        return true;
    }

    /// <summary>True for the letters, whose case caps lock flips.</summary>
    public static bool IsLetterKey(Usage key) => key.Page == UsagePages.Keyboard && key.Id is >= 0x04 and <= 0x1D;

    private static ushort[] Build()
    {
        var table = new ushort[0x7F - 0x20];
        void Set(char c, int id, bool shift = false) => table[c - ' '] = (ushort)(id | (shift ? Shifted : 0));
        for (int i = 0; i < 26; i++)
        {
            Set((char)('a' + i), 0x04 + i);
            Set((char)('A' + i), 0x04 + i, shift: true);
        }
        Set('1', 0x1E); Set('2', 0x1F); Set('3', 0x20); Set('4', 0x21); Set('5', 0x22);
        Set('6', 0x23); Set('7', 0x24); Set('8', 0x25); Set('9', 0x26); Set('0', 0x27);
        Set('!', 0x1E, true); Set('@', 0x1F, true); Set('#', 0x20, true); Set('$', 0x21, true); Set('%', 0x22, true);
        Set('^', 0x23, true); Set('&', 0x24, true); Set('*', 0x25, true); Set('(', 0x26, true); Set(')', 0x27, true);
        Set(' ', 0x2C);
        Set('-', 0x2D); Set('_', 0x2D, true);
        Set('=', 0x2E); Set('+', 0x2E, true);
        Set('[', 0x2F); Set('{', 0x2F, true);
        Set(']', 0x30); Set('}', 0x30, true);
        Set('\\', 0x31); Set('|', 0x31, true);
        Set(';', 0x33); Set(':', 0x33, true);
        Set('\'', 0x34); Set('"', 0x34, true);
        Set('`', 0x35); Set('~', 0x35, true);
        Set(',', 0x36); Set('<', 0x36, true);
        Set('.', 0x37); Set('>', 0x37, true);
        Set('/', 0x38); Set('?', 0x38, true);
        return table;
    }
}
