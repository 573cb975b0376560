using Remapper.Core.Hid;

namespace Remapper.Core.Tests.Hid;

public class KeyNamesTests
{
    [Fact]
    public void Every_canonical_name_parses_to_its_usage()
    {
        foreach (var key in KeyNames.All)
        {
            Assert.True(KeyNames.TryParse(key.Name, out var usage), key.Name);
            Assert.Equal(key.Usage, usage);
        }
    }

    [Fact]
    public void Every_alias_parses_to_its_keys_usage()
    {
        foreach (var key in KeyNames.All)
            foreach (var alias in key.Aliases)
            {
                Assert.True(KeyNames.TryParse(alias, out var usage), alias);
                Assert.Equal(key.Usage, usage);
            }
    }

    [Fact]
    public void Names_and_aliases_are_unique_case_insensitively()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clashes = new List<string>();
        foreach (var key in KeyNames.All)
            foreach (var text in key.Aliases.Prepend(key.Name))
                if (!seen.TryAdd(text, key.Name)) clashes.Add($"{text} ({seen[text]} and {key.Name})");
        Assert.Empty(clashes);
    }

    [Fact]
    public void Each_usage_has_exactly_one_canonical_name()
    {
        var duplicates = KeyNames.All.GroupBy(k => k.Usage).Where(g => g.Count() > 1).Select(g => g.Key.ToString());
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Canonical_names_are_lower_snake_case()
    {
        foreach (var key in KeyNames.All)
            Assert.Matches("^[a-z0-9_]+$", key.Name);
    }

    [Theory]
    [InlineData("esc", 0x07, 0x29)]
    [InlineData("enter", 0x07, 0x28)]
    [InlineData("return", 0x07, 0x28)]
    [InlineData("ret", 0x07, 0x28)]
    [InlineData("backspace", 0x07, 0x2A)]
    [InlineData("bspc", 0x07, 0x2A)]
    [InlineData("del", 0x07, 0x4C)]
    [InlineData("delete", 0x07, 0x4C)]
    [InlineData("ins", 0x07, 0x49)]
    [InlineData("space", 0x07, 0x2C)]
    [InlineData("spc", 0x07, 0x2C)]
    [InlineData("capslock", 0x07, 0x39)]
    [InlineData("caps", 0x07, 0x39)]
    [InlineData("grave", 0x07, 0x35)]
    [InlineData("minus", 0x07, 0x2D)]
    [InlineData("equal", 0x07, 0x2E)]
    [InlineData("lbrc", 0x07, 0x2F)]
    [InlineData("leftbrace", 0x07, 0x2F)]
    [InlineData("rbrc", 0x07, 0x30)]
    [InlineData("rightbrace", 0x07, 0x30)]
    [InlineData("bslash", 0x07, 0x31)]
    [InlineData("scln", 0x07, 0x33)]
    [InlineData("apostrophe", 0x07, 0x34)]
    [InlineData("apos", 0x07, 0x34)]
    [InlineData("dot", 0x07, 0x37)]
    [InlineData("left", 0x07, 0x50)]
    [InlineData("right", 0x07, 0x4F)]
    [InlineData("up", 0x07, 0x52)]
    [InlineData("down", 0x07, 0x51)]
    [InlineData("pgup", 0x07, 0x4B)]
    [InlineData("pgdn", 0x07, 0x4E)]
    [InlineData("f24", 0x07, 0x73)]
    [InlineData("leftctrl", 0x07, 0xE0)]
    [InlineData("lctl", 0x07, 0xE0)]
    [InlineData("ctrl", 0x07, 0xE0)]
    [InlineData("control", 0x07, 0xE0)]
    [InlineData("lsft", 0x07, 0xE1)]
    [InlineData("shift", 0x07, 0xE1)]
    [InlineData("left_alt", 0x07, 0xE2)]
    [InlineData("alt", 0x07, 0xE2)]
    [InlineData("opt", 0x07, 0xE2)]
    [InlineData("left_gui", 0x07, 0xE3)]
    [InlineData("left_super", 0x07, 0xE3)]
    [InlineData("left_meta", 0x07, 0xE3)]
    [InlineData("super", 0x07, 0xE3)]
    [InlineData("win", 0x07, 0xE3)]
    [InlineData("cmd", 0x07, 0xE3)]
    [InlineData("rctrl", 0x07, 0xE4)]
    [InlineData("rshift", 0x07, 0xE5)]
    [InlineData("altgr", 0x07, 0xE6)]
    [InlineData("ralt", 0x07, 0xE6)]
    [InlineData("right_gui", 0x07, 0xE7)]
    [InlineData("rgui", 0x07, 0xE7)]
    [InlineData("menu", 0x07, 0x65)]
    [InlineData("compose", 0x07, 0x65)]
    [InlineData("prtsc", 0x07, 0x46)]
    [InlineData("sysrq", 0x07, 0x46)]
    [InlineData("102nd", 0x07, 0x64)]
    [InlineData("volumeup", 0x0C, 0xE9)]
    [InlineData("volup", 0x0C, 0xE9)]
    [InlineData("volume_up", 0x0C, 0xE9)]
    [InlineData("voldn", 0x0C, 0xEA)]
    [InlineData("mute", 0x0C, 0xE2)]
    [InlineData("playpause", 0x0C, 0xCD)]
    [InlineData("nextsong", 0x0C, 0xB5)]
    [InlineData("previoussong", 0x0C, 0xB6)]
    [InlineData("brightnessup", 0x0C, 0x6F)]
    [InlineData("brightnessdown", 0x0C, 0x70)]
    [InlineData("fastforward", 0x0C, 0xB3)]
    [InlineData("calc", 0x0C, 0x192)]
    [InlineData("power", 0x01, 0x81)]
    [InlineData("sleep", 0x01, 0x82)]
    [InlineData("wakeup", 0x01, 0x83)]
    public void Common_aliases_name_the_key_users_mean(string alias, int page, int id)
    {
        Assert.True(KeyNames.TryParse(alias, out var usage), alias);
        Assert.Equal(new Usage((ushort)page, (ushort)id), usage);
    }

    [Theory]
    [InlineData("CAPS_LOCK")]
    [InlineData("Caps_Lock")]
    [InlineData("LCtrl")]
    [InlineData("ESC")]
    [InlineData("Left_Command")]
    public void Lookup_ignores_case(string text)
    {
        Assert.True(KeyNames.TryParse(text, out var upper));
        Assert.True(KeyNames.TryParse(text.ToLowerInvariant(), out var lower));
        Assert.Equal(lower, upper);
    }

    [Theory]
    [InlineData("")]
    [InlineData("capslockk")]
    [InlineData("left-control")]
    [InlineData("usage(0x07,0x04)")]
    public void Unknown_names_do_not_parse(string text) => Assert.False(KeyNames.TryParse(text, out _));

    [Fact]
    public void NameOf_round_trips_every_named_usage()
    {
        foreach (var key in KeyNames.All)
        {
            Assert.Equal(key.Name, KeyNames.NameOf(key.Usage));
            Assert.True(KeyNames.TryParse(KeyNames.NameOf(key.Usage), out var back));
            Assert.Equal(key.Usage, back);
        }
    }

    [Fact]
    public void NameOf_an_unnamed_usage_is_a_stable_fallback()
    {
        Assert.Equal("usage(0x07,0xe8)", KeyNames.NameOf(Usage.Key(0xE8)));
        Assert.Equal("usage(0xff00,0x01)", KeyNames.NameOf(new Usage(0xFF00, 0x01)));
    }

    [Fact]
    public void Keyboard_page_is_complete_from_a_to_ex_sel_and_for_modifiers()
    {
        var named = KeyNames.All.Where(k => k.Usage.Page == UsagePages.Keyboard).Select(k => (int)k.Usage.Id).ToHashSet();
        var missing = Enumerable.Range(0x04, 0xA4 - 0x04 + 1).Concat(Enumerable.Range(0xB0, 0xDD - 0xB0 + 1))
            .Concat(Enumerable.Range(0xE0, 8)).Where(id => !named.Contains(id)).Select(id => $"0x{id:x2}");
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("escpe", "escape")]
    [InlineData("capslok", "caps_lock")]
    [InlineData("lctrlx", "left_control")]
    [InlineData("spacebr", "spacebar")]
    [InlineData("left_contorl", "left_control")]
    [InlineData("ESCPE", "escape")]
    [InlineData("volume_incremnt", "volume_increment")]
    public void Suggest_finds_the_key_a_typo_meant(string typo, string expected) =>
        Assert.Equal(expected, KeyNames.Suggest(typo));

    [Theory]
    [InlineData("qqqqqq")]
    [InlineData("xyzzy_plugh")]
    [InlineData("")]
    [InlineData("§")]
    public void Suggest_stays_silent_when_nothing_is_close(string text) => Assert.Null(KeyNames.Suggest(text));

    [Fact]
    public void Suggest_prefers_a_canonical_name_on_a_tie()
    {
        // "enx" is one edit from the alias "ent" (return_or_enter), listed first, and from the canonical "end".
        Assert.Equal("end", KeyNames.Suggest("enx"));
    }

    [Fact]
    public void Suggest_returns_the_canonical_name_for_an_alias_typo()
    {
        // "lsfht" is a transposition of the alias "lshft": one Damerau-Levenshtein edit.
        Assert.Equal("left_shift", KeyNames.Suggest("lsfht"));
    }

    [Fact]
    public void Suggest_of_a_known_name_is_its_canonical_name() =>
        Assert.Equal("escape", KeyNames.Suggest("ESC"));
}

public class UsagesTests
{
    [Fact]
    public void Named_constants_agree_with_the_key_table()
    {
        Assert.Equal("return_or_enter", KeyNames.NameOf(Usages.Enter));
        Assert.Equal("delete_or_backspace", KeyNames.NameOf(Usages.Backspace));
        Assert.Equal("delete_forward", KeyNames.NameOf(Usages.DeleteForward));
        Assert.Equal("right_command", KeyNames.NameOf(Usages.RightCommand));
        Assert.Equal("mute", KeyNames.NameOf(Usages.Mute));
        Assert.Equal("volume_increment", KeyNames.NameOf(Usages.VolumeIncrement));
        Assert.Equal("play_or_pause", KeyNames.NameOf(Usages.PlayOrPause));
        Assert.Equal("power", KeyNames.NameOf(Usages.Power));
        Assert.Equal("system_sleep", KeyNames.NameOf(Usages.SystemSleep));
    }
}
