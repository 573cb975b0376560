namespace Remapper.Core.Hid;

/// <summary>
/// The data behind <see cref="KeyNames"/>: every key a keymap can name.
/// Canonical names are Karabiner-Elements' <c>key_code</c> / <c>consumer_key_code</c> / <c>generic_desktop</c>
/// names so Karabiner users can carry their muscle memory over; aliases are the spellings keyd, kanata, QMK
/// and evdev (KEY_*) users type. Every name and alias is unique case-insensitively (a test enforces it).
/// </summary>
/// <remarks>
/// Where Karabiner uses one name on two pages, the unprefixed name goes to the usage a real key sends,
/// because that is what a user means when they write it:
/// <list type="bullet">
/// <item><c>mute</c>, <c>volume_increment</c>, <c>volume_decrement</c> are the consumer-page usages laptops and
/// media keys send (Linux KEY_MUTE/KEY_VOLUMEUP/KEY_VOLUMEDOWN come back as these); the rarely used keyboard-page
/// 0x7F–0x81 are <c>keyboard_mute</c>, <c>keyboard_volume_up</c>, <c>keyboard_volume_down</c>, and Karabiner's
/// key_code spellings <c>volume_up</c>/<c>volume_down</c> are aliases of the consumer keys.</item>
/// <item><c>stop</c> is consumer Stop 0xB7 (the media key); keyboard-page 0x78 is <c>keyboard_stop</c>.</item>
/// <item><c>menu</c> is an alias of <c>application</c> (the PC menu/compose key, as in keyd and kanata);
/// keyboard-page 0x76 is <c>keyboard_menu</c>.</item>
/// <item><c>power</c> is Generic Desktop System Power Down 0x01:0x81 — what a power button arrives as
/// (Linux KEY_POWER); keyboard-page 0x66 is <c>keyboard_power</c>.</item>
/// <item><c>return</c> is an alias of <c>return_or_enter</c>; keyboard-page 0x9E (HUT "Return", Karabiner
/// <c>return</c>) is <c>keyboard_return</c>.</item>
/// </list>
/// </remarks>
internal static class KeyTable
{
    internal static readonly KeyInfo[] Entries =
    [
        // Letters and digits (0x04–0x27).
        K(0x04, "a", "A"), K(0x05, "b", "B"), K(0x06, "c", "C"), K(0x07, "d", "D"), K(0x08, "e", "E"),
        K(0x09, "f", "F"), K(0x0A, "g", "G"), K(0x0B, "h", "H"), K(0x0C, "i", "I"), K(0x0D, "j", "J"),
        K(0x0E, "k", "K"), K(0x0F, "l", "L"), K(0x10, "m", "M"), K(0x11, "n", "N"), K(0x12, "o", "O"),
        K(0x13, "p", "P"), K(0x14, "q", "Q"), K(0x15, "r", "R"), K(0x16, "s", "S"), K(0x17, "t", "T"),
        K(0x18, "u", "U"), K(0x19, "v", "V"), K(0x1A, "w", "W"), K(0x1B, "x", "X"), K(0x1C, "y", "Y"),
        K(0x1D, "z", "Z"),
        K(0x1E, "1", "1 and !"), K(0x1F, "2", "2 and @"), K(0x20, "3", "3 and #"), K(0x21, "4", "4 and $"),
        K(0x22, "5", "5 and %"), K(0x23, "6", "6 and ^"), K(0x24, "7", "7 and &"), K(0x25, "8", "8 and *"),
        K(0x26, "9", "9 and ("), K(0x27, "0", "0 and )"),

        // Editing and punctuation (0x28–0x39).
        K(0x28, "return_or_enter", "Return (Enter)", "enter", "return", "ret", "ent"),
        K(0x29, "escape", "Escape", "esc"),
        K(0x2A, "delete_or_backspace", "Backspace", "backspace", "bspc", "bksp", "bs"),
        K(0x2B, "tab", "Tab"),
        K(0x2C, "spacebar", "Space", "space", "spc"),
        K(0x2D, "hyphen", "- and _", "minus", "mins"),
        K(0x2E, "equal_sign", "= and +", "equal", "eql"),
        K(0x2F, "open_bracket", "[ and {", "lbrc", "leftbrace", "lbracket", "left_bracket"),
        K(0x30, "close_bracket", "] and }", "rbrc", "rightbrace", "rbracket", "right_bracket"),
        K(0x31, "backslash", "\\ and |", "bslash", "bsls"),
        K(0x32, "non_us_pound", "Non-US # and ~ (ISO key left of Enter)", "non_us_hash", "nuhs"),
        K(0x33, "semicolon", "; and :", "scln", "semi"),
        K(0x34, "quote", "' and \"", "apostrophe", "apos", "quot"),
        K(0x35, "grave_accent_and_tilde", "` and ~", "grave", "grv", "backtick"),
        K(0x36, "comma", ", and <", "comm"),
        K(0x37, "period", ". and >", "dot"),
        K(0x38, "slash", "/ and ?", "slsh"),
        K(0x39, "caps_lock", "Caps Lock", "capslock", "caps", "capslk", "clck"),

        // Function keys F1–F12 (0x3A–0x45).
        K(0x3A, "f1", "F1"), K(0x3B, "f2", "F2"), K(0x3C, "f3", "F3"), K(0x3D, "f4", "F4"),
        K(0x3E, "f5", "F5"), K(0x3F, "f6", "F6"), K(0x40, "f7", "F7"), K(0x41, "f8", "F8"),
        K(0x42, "f9", "F9"), K(0x43, "f10", "F10"), K(0x44, "f11", "F11"), K(0x45, "f12", "F12"),

        // Navigation block (0x46–0x52).
        K(0x46, "print_screen", "Print Screen / SysRq", "prtsc", "print", "sysrq", "printscreen", "pscr"),
        K(0x47, "scroll_lock", "Scroll Lock", "scrolllock", "slck", "scrlk"),
        K(0x48, "pause", "Pause / Break", "brk", "pause_break"),
        K(0x49, "insert", "Insert", "ins"),
        K(0x4A, "home", "Home"),
        K(0x4B, "page_up", "Page Up", "pgup", "pageup"),
        K(0x4C, "delete_forward", "Delete (forward)", "del", "delete"),
        K(0x4D, "end", "End"),
        K(0x4E, "page_down", "Page Down", "pgdn", "pagedown"),
        K(0x4F, "right_arrow", "Right Arrow", "right", "rght"),
        K(0x50, "left_arrow", "Left Arrow", "left"),
        K(0x51, "down_arrow", "Down Arrow", "down"),
        K(0x52, "up_arrow", "Up Arrow", "up"),

        // Keypad (0x53–0x63).
        K(0x53, "keypad_num_lock", "Num Lock", "numlock", "num_lock", "nlck"),
        K(0x54, "keypad_slash", "Keypad /", "kpslash", "kp_slash", "psls"),
        K(0x55, "keypad_asterisk", "Keypad *", "kpasterisk", "kp_asterisk", "past"),
        K(0x56, "keypad_hyphen", "Keypad -", "kpminus", "kp_minus", "pmns"),
        K(0x57, "keypad_plus", "Keypad +", "kpplus", "kp_plus", "ppls"),
        K(0x58, "keypad_enter", "Keypad Enter", "kpenter", "kp_enter", "pent"),
        K(0x59, "keypad_1", "Keypad 1", "kp1", "p1"),
        K(0x5A, "keypad_2", "Keypad 2", "kp2", "p2"),
        K(0x5B, "keypad_3", "Keypad 3", "kp3", "p3"),
        K(0x5C, "keypad_4", "Keypad 4", "kp4", "p4"),
        K(0x5D, "keypad_5", "Keypad 5", "kp5", "p5"),
        K(0x5E, "keypad_6", "Keypad 6", "kp6", "p6"),
        K(0x5F, "keypad_7", "Keypad 7", "kp7", "p7"),
        K(0x60, "keypad_8", "Keypad 8", "kp8", "p8"),
        K(0x61, "keypad_9", "Keypad 9", "kp9", "p9"),
        K(0x62, "keypad_0", "Keypad 0", "kp0", "p0"),
        K(0x63, "keypad_period", "Keypad .", "kpdot", "kp_dot", "pdot"),

        // 0x64–0x73.
        K(0x64, "non_us_backslash", "Non-US \\ and | (ISO key left of Z)", "102nd", "iso_backslash", "nubs"),
        K(0x65, "application", "Application (menu / compose key)", "menu", "compose", "app", "apps"),
        K(0x66, "keyboard_power", "Keyboard Power (keyboard page; the power button is `power`)"),
        K(0x67, "keypad_equal_sign", "Keypad =", "kpequal", "kp_equal", "peql"),
        K(0x68, "f13", "F13"), K(0x69, "f14", "F14"), K(0x6A, "f15", "F15"), K(0x6B, "f16", "F16"),
        K(0x6C, "f17", "F17"), K(0x6D, "f18", "F18"), K(0x6E, "f19", "F19"), K(0x6F, "f20", "F20"),
        K(0x70, "f21", "F21"), K(0x71, "f22", "F22"), K(0x72, "f23", "F23"), K(0x73, "f24", "F24"),

        // Legacy command keys (0x74–0x81): Sun-style keyboards send these.
        K(0x74, "execute", "Execute", "exec"),
        K(0x75, "help", "Help"),
        K(0x76, "keyboard_menu", "Menu (keyboard page; the PC menu key is `application`)"),
        K(0x77, "select", "Select", "front"),
        K(0x78, "keyboard_stop", "Stop (keyboard page; the media stop key is `stop`)"),
        K(0x79, "again", "Again"),
        K(0x7A, "undo", "Undo"),
        K(0x7B, "cut", "Cut"),
        K(0x7C, "copy", "Copy"),
        K(0x7D, "paste", "Paste"),
        K(0x7E, "find", "Find"),
        K(0x7F, "keyboard_mute", "Mute (keyboard page; the usual mute key is `mute`)"),
        K(0x80, "keyboard_volume_up", "Volume Up (keyboard page; the usual key is `volume_increment`)"),
        K(0x81, "keyboard_volume_down", "Volume Down (keyboard page; the usual key is `volume_decrement`)"),

        // 0x82–0xA4.
        K(0x82, "locking_caps_lock", "Locking Caps Lock"),
        K(0x83, "locking_num_lock", "Locking Num Lock"),
        K(0x84, "locking_scroll_lock", "Locking Scroll Lock"),
        K(0x85, "keypad_comma", "Keypad , (Brazilian keypad .)", "kpcomma", "kp_comma", "pcmm"),
        K(0x86, "keypad_equal_sign_as400", "Keypad = (AS/400)"),
        K(0x87, "international1", "International1 (JIS \\ and _, ro)", "ro", "intl1"),
        K(0x88, "international2", "International2 (katakana/hiragana)", "katakanahiragana", "japanese_pc_katakana", "intl2"),
        K(0x89, "international3", "International3 (JIS yen)", "yen", "intl3"),
        K(0x8A, "international4", "International4 (henkan / convert)", "henkan", "japanese_pc_xfer", "intl4"),
        K(0x8B, "international5", "International5 (muhenkan / no convert)", "muhenkan", "japanese_pc_nfer", "intl5"),
        K(0x8C, "international6", "International6 (keypad JP comma)", "kpjpcomma", "intl6"),
        K(0x8D, "international7", "International7", "intl7"),
        K(0x8E, "international8", "International8", "intl8"),
        K(0x8F, "international9", "International9", "intl9"),
        K(0x90, "lang1", "LANG1 (Hangul/English, Japanese kana)", "hangeul", "hangul", "japanese_kana", "kana"),
        K(0x91, "lang2", "LANG2 (Hanja, Japanese eisuu)", "hanja", "japanese_eisuu", "eisu"),
        K(0x92, "lang3", "LANG3 (katakana)", "katakana"),
        K(0x93, "lang4", "LANG4 (hiragana)", "hiragana"),
        K(0x94, "lang5", "LANG5 (zenkaku/hankaku)", "zenkakuhankaku"),
        K(0x95, "lang6", "LANG6"),
        K(0x96, "lang7", "LANG7"),
        K(0x97, "lang8", "LANG8"),
        K(0x98, "lang9", "LANG9"),
        K(0x99, "alternate_erase", "Alternate Erase", "alterase"),
        K(0x9A, "sys_req_or_attention", "SysReq / Attention"),
        K(0x9B, "cancel", "Cancel"),
        K(0x9C, "clear", "Clear"),
        K(0x9D, "prior", "Prior"),
        K(0x9E, "keyboard_return", "Return (keyboard page 0x9E; the Enter key is `return_or_enter`)"),
        K(0x9F, "separator", "Separator"),
        K(0xA0, "out", "Out"),
        K(0xA1, "oper", "Oper"),
        K(0xA2, "clear_or_again", "Clear / Again"),
        K(0xA3, "cr_sel_or_props", "CrSel / Props"),
        K(0xA4, "ex_sel", "ExSel"),

        // Extended keypad (0xB0–0xDD), HID Usage Tables names.
        K(0xB0, "keypad_00", "Keypad 00"),
        K(0xB1, "keypad_000", "Keypad 000"),
        K(0xB2, "thousands_separator", "Thousands Separator"),
        K(0xB3, "decimal_separator", "Decimal Separator"),
        K(0xB4, "currency_unit", "Currency Unit"),
        K(0xB5, "currency_sub_unit", "Currency Sub-unit"),
        K(0xB6, "keypad_open_parenthesis", "Keypad (", "kpleftparen"),
        K(0xB7, "keypad_close_parenthesis", "Keypad )", "kprightparen"),
        K(0xB8, "keypad_open_brace", "Keypad {"),
        K(0xB9, "keypad_close_brace", "Keypad }"),
        K(0xBA, "keypad_tab", "Keypad Tab"),
        K(0xBB, "keypad_backspace", "Keypad Backspace"),
        K(0xBC, "keypad_a", "Keypad A"),
        K(0xBD, "keypad_b", "Keypad B"),
        K(0xBE, "keypad_c", "Keypad C"),
        K(0xBF, "keypad_d", "Keypad D"),
        K(0xC0, "keypad_e", "Keypad E"),
        K(0xC1, "keypad_f", "Keypad F"),
        K(0xC2, "keypad_xor", "Keypad XOR"),
        K(0xC3, "keypad_caret", "Keypad ^"),
        K(0xC4, "keypad_percent", "Keypad %"),
        K(0xC5, "keypad_less_than", "Keypad <"),
        K(0xC6, "keypad_greater_than", "Keypad >"),
        K(0xC7, "keypad_ampersand", "Keypad &"),
        K(0xC8, "keypad_double_ampersand", "Keypad &&"),
        K(0xC9, "keypad_vertical_bar", "Keypad |"),
        K(0xCA, "keypad_double_vertical_bar", "Keypad ||"),
        K(0xCB, "keypad_colon", "Keypad :"),
        K(0xCC, "keypad_hash", "Keypad #"),
        K(0xCD, "keypad_space", "Keypad Space"),
        K(0xCE, "keypad_at", "Keypad @"),
        K(0xCF, "keypad_exclamation", "Keypad !"),
        K(0xD0, "keypad_memory_store", "Keypad Memory Store"),
        K(0xD1, "keypad_memory_recall", "Keypad Memory Recall"),
        K(0xD2, "keypad_memory_clear", "Keypad Memory Clear"),
        K(0xD3, "keypad_memory_add", "Keypad Memory Add"),
        K(0xD4, "keypad_memory_subtract", "Keypad Memory Subtract"),
        K(0xD5, "keypad_memory_multiply", "Keypad Memory Multiply"),
        K(0xD6, "keypad_memory_divide", "Keypad Memory Divide"),
        K(0xD7, "keypad_plus_minus", "Keypad +/-", "kpplusminus"),
        K(0xD8, "keypad_clear", "Keypad Clear"),
        K(0xD9, "keypad_clear_entry", "Keypad Clear Entry"),
        K(0xDA, "keypad_binary", "Keypad Binary"),
        K(0xDB, "keypad_octal", "Keypad Octal"),
        K(0xDC, "keypad_decimal", "Keypad Decimal"),
        K(0xDD, "keypad_hexadecimal", "Keypad Hexadecimal"),

        // Modifiers (0xE0–0xE7). The generic spellings (ctrl, shift, alt, meta...) mean the left one, as in keyd.
        K(0xE0, "left_control", "Left Control",
            "leftctrl", "lctrl", "lctl", "left_ctrl", "lcontrol", "ctrl", "control", "ctl"),
        K(0xE1, "left_shift", "Left Shift", "leftshift", "lshift", "lsft", "lshft", "shift", "sft"),
        K(0xE2, "left_option", "Left Option / Alt",
            "leftalt", "lalt", "left_alt", "lopt", "loption", "alt", "option", "opt"),
        K(0xE3, "left_command", "Left Command / GUI / Super / Windows",
            "leftmeta", "lmeta", "left_meta", "left_gui", "lgui", "left_super", "lsuper", "left_win", "lwin",
            "lcmd", "left_cmd", "super", "meta", "win", "cmd", "command", "gui"),
        K(0xE4, "right_control", "Right Control", "rightctrl", "rctrl", "rctl", "right_ctrl", "rcontrol"),
        K(0xE5, "right_shift", "Right Shift", "rightshift", "rshift", "rsft", "rshft"),
        K(0xE6, "right_option", "Right Option / Alt / AltGr",
            "rightalt", "ralt", "right_alt", "altgr", "ropt", "roption"),
        K(0xE7, "right_command", "Right Command / GUI / Super / Windows",
            "rightmeta", "rmeta", "right_meta", "right_gui", "rgui", "right_super", "rsuper", "right_win", "rwin",
            "rcmd", "right_cmd"),

        // Consumer page (0x0C): media, brightness, launchers, browser keys.
        C(0x6F, "display_brightness_increment", "Display Brightness Up",
            "brightnessup", "brightness_up", "bri_up", "briu"),
        C(0x70, "display_brightness_decrement", "Display Brightness Down",
            "brightnessdown", "brightness_down", "bri_down", "brid"),
        C(0x79, "keyboard_illumination_increment", "Keyboard Backlight Up", "kbdillumup"),
        C(0x7A, "keyboard_illumination_decrement", "Keyboard Backlight Down", "kbdillumdown"),
        C(0x7C, "keyboard_illumination_toggle", "Keyboard Backlight Toggle", "kbdillumtoggle"),
        C(0xB3, "fast_forward", "Fast Forward", "fastforward", "ffwd", "mffd"),
        C(0xB4, "rewind", "Rewind", "mrwd"),
        C(0xB5, "scan_next_track", "Next Track", "nextsong", "next_track", "next_song", "mnxt"),
        C(0xB6, "scan_previous_track", "Previous Track",
            "previoussong", "previous_track", "prev_track", "previous_song", "mprv"),
        C(0xB7, "stop", "Stop (media)", "stopcd", "media_stop", "mstp"),
        C(0xB8, "eject", "Eject", "ejectcd", "ejct"),
        C(0xCD, "play_or_pause", "Play / Pause", "playpause", "play_pause", "media_play_pause", "mply"),
        C(0xCF, "voice_command", "Voice Command", "voicecommand"),
        C(0xE2, "mute", "Mute", "audio_mute", "volume_mute"),
        C(0xE9, "volume_increment", "Volume Up", "volumeup", "volume_up", "volup", "volu", "vol_up"),
        C(0xEA, "volume_decrement", "Volume Down", "volumedown", "volume_down", "voldn", "vold", "vol_down"),
        C(0x183, "al_consumer_control_configuration", "Media Select (launch media player)",
            "media_select", "mediaselect", "msel", "config"),
        C(0x184, "al_word_processor", "Launch Word Processor", "wordprocessor"),
        C(0x185, "al_text_editor", "Launch Text Editor", "editor"),
        C(0x186, "al_spreadsheet", "Launch Spreadsheet", "spreadsheet"),
        C(0x18A, "al_email_reader", "Launch Email", "mail", "email"),
        C(0x18E, "al_calendar_or_schedule", "Launch Calendar", "calendar"),
        C(0x192, "al_calculator", "Launch Calculator", "calc", "calculator"),
        C(0x194, "al_local_machine_browser", "My Computer (local machine browser)", "my_computer", "mycomputer", "file"),
        C(0x196, "al_internet_browser", "Launch Web Browser", "www", "browser"),
        C(0x19E, "al_terminal_lock_or_screensaver", "Lock Screen", "screenlock", "lock_screen", "coffee"),
        C(0x19F, "al_control_panel", "Control Panel", "controlpanel"),
        C(0x1A2, "al_select_task_or_application", "Select Task / Application", "appselect"),
        C(0x1A7, "al_documents", "Documents", "documents"),
        C(0x1AE, "al_keyboard_layout", "Keyboard Layout"),
        C(0x1B4, "al_file_browser", "File Browser", "file_browser", "files"),
        C(0x1B6, "al_image_browser", "Image Browser", "images"),
        C(0x1B7, "al_audio_browser", "Audio Browser", "audio"),
        C(0x1B8, "al_movie_browser", "Movie Browser", "video"),
        C(0x1CB, "al_contextaware_desktop_assistant", "Assistant", "assistant"),
        C(0x221, "ac_search", "Search", "search"),
        C(0x223, "ac_home", "Browser Home", "homepage", "www_home", "browser_home"),
        C(0x224, "ac_back", "Browser Back", "back", "browser_back", "www_back"),
        C(0x225, "ac_forward", "Browser Forward", "forward", "browser_forward", "www_forward"),
        C(0x226, "ac_stop", "Browser Stop", "browser_stop", "www_stop"),
        C(0x227, "ac_refresh", "Browser Refresh", "refresh", "browser_refresh", "www_refresh"),
        C(0x22A, "ac_bookmarks", "Bookmarks", "bookmarks", "favorites"),
        C(0x22D, "ac_zoom_in", "Zoom In", "zoomin", "zoom_in"),
        C(0x22E, "ac_zoom_out", "Zoom Out", "zoomout", "zoom_out"),

        // Generic Desktop System Control (0x01:0x81–0x83).
        D(0x81, "power", "Power (system power down)", "system_power_down", "system_power"),
        D(0x82, "system_sleep", "Sleep", "sleep"),
        D(0x83, "system_wake_up", "Wake Up", "wakeup", "wake_up", "wake"),
    ];

    private static KeyInfo K(ushort id, string name, string description, params string[] aliases) =>
        new(name, Usage.Key(id), aliases, description);

    private static KeyInfo C(ushort id, string name, string description, params string[] aliases) =>
        new(name, Usage.Consumer(id), aliases, description);

    private static KeyInfo D(ushort id, string name, string description, params string[] aliases) =>
        new(name, Usage.Desktop(id), aliases, description);
}
