namespace Remapper.E2E.Guest;

/// <summary>Keyboard-page (0x07) usages by name, as the uhid keyboard's input lines spell them (<c>down caps_lock</c>).</summary>
internal static class HidUsageNames
{
    public const byte FirstModifier = 0xE0;
    public const byte LastModifier = 0xE7;

    private static readonly Dictionary<string, byte> Usages = Build();

    /// <summary>A name (<c>a</c>, <c>caps_lock</c>, <c>left_shift</c>...) or a hex usage (<c>0x39</c>).</summary>
    public static byte Parse(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && byte.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out byte usage))
        {
            return usage;
        }
        if (Usages.TryGetValue(text.ToLowerInvariant(), out usage))
        {
            return usage;
        }
        throw new GuestToolException($"unknown key '{text}' (use a keyboard usage name like caps_lock, or hex like 0x39)");
    }

    private static Dictionary<string, byte> Build()
    {
        var usages = new Dictionary<string, byte>();
        for (int i = 0; i < 26; i++)
        {
            usages[((char)('a' + i)).ToString()] = (byte)(0x04 + i);
        }
        for (int digit = 1; digit <= 9; digit++)
        {
            usages[digit.ToString(System.Globalization.CultureInfo.InvariantCulture)] = (byte)(0x1E + digit - 1);
        }
        usages["0"] = 0x27;
        for (int f = 1; f <= 12; f++)
        {
            usages[$"f{f}"] = (byte)(0x3A + f - 1);
        }
        (string[] Names, byte Usage)[] named =
        [
            (["enter", "return"], 0x28), (["escape", "esc"], 0x29), (["backspace", "delete_or_backspace"], 0x2A),
            (["tab"], 0x2B), (["spacebar", "space"], 0x2C), (["hyphen", "minus"], 0x2D), (["equal_sign", "equal"], 0x2E),
            (["open_bracket"], 0x2F), (["close_bracket"], 0x30), (["backslash"], 0x31), (["semicolon"], 0x33),
            (["quote"], 0x34), (["grave_accent_and_tilde", "grave"], 0x35), (["comma"], 0x36), (["period"], 0x37),
            (["slash"], 0x38), (["caps_lock", "capslock"], 0x39), (["print_screen"], 0x46), (["scroll_lock"], 0x47),
            (["pause"], 0x48), (["insert"], 0x49), (["home"], 0x4A), (["page_up"], 0x4B),
            (["delete_forward", "delete"], 0x4C), (["end"], 0x4D), (["page_down"], 0x4E), (["right_arrow", "right"], 0x4F),
            (["left_arrow", "left"], 0x50), (["down_arrow", "down"], 0x51), (["up_arrow", "up"], 0x52),
            (["left_control", "left_ctrl", "lctrl"], 0xE0), (["left_shift", "lshift"], 0xE1),
            (["left_alt", "left_option", "lalt"], 0xE2), (["left_gui", "left_command", "left_meta"], 0xE3),
            (["right_control", "right_ctrl", "rctrl"], 0xE4), (["right_shift", "rshift"], 0xE5),
            (["right_alt", "right_option", "ralt"], 0xE6), (["right_gui", "right_command", "right_meta"], 0xE7),
        ];
        foreach ((string[] names, byte usage) in named)
        {
            foreach (string name in names)
            {
                usages[name] = usage;
            }
        }
        return usages;
    }
}
