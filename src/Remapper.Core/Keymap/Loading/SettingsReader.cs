using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary><c>[settings]</c> → <see cref="KeymapSettings"/>, defaults for whatever is not given.</summary>
internal sealed class SettingsReader(ValueReader values)
{
    public const int MinEmergencyKeys = 2, MaxEmergencyKeys = 6;

    private static readonly string[] Known =
    [
        "tapping_term_ms", "quick_tap_ms", "combo_term_ms", "combo_min_idle_ms", "tap_hold_mode",
        "rule_alone_timeout_ms", "rule_held_down_threshold_ms", "rule_delayed_action_delay_ms",
        "rule_simultaneous_threshold_ms", "keyboard_type", "emergency", "mouse", "hands", "modifier_guard",
        "caps_word_timeout_ms", "unicode_input", "modifiers_first_at_same_instant", "lazy_modifier_release_ms",
        "combo_hold_ms", "combo_releases_wait",
        "chord_release_order", "chord_ends_at_next_press",
        "sequence_timeout_ms", "sequence_input_mode", "sequence_backtrack_modcancel",
    ];

    public KeymapSettings Read(TomlTable? table)
    {
        var settings = new KeymapSettings();
        if (table is null) return settings;
        foreach (var entry in table.Entries)
        {
            if (values.IsRepeated(table, entry)) continue;
            switch (entry.Key.Value)
            {
                case "tapping_term_ms" when values.Integer(entry, 1, 10_000) is { } v:
                    settings = settings with { TappingTermMs = v };
                    break;
                case "quick_tap_ms" when values.Integer(entry, 0, 10_000) is { } v:
                    settings = settings with { QuickTapTermMs = v };
                    break;
                case "combo_term_ms" when values.Integer(entry, 1, 1_000) is { } v:
                    settings = settings with { ComboTermMs = v };
                    break;
                case "combo_min_idle_ms" when values.Integer(entry, 0, 10_000) is { } v:
                    settings = settings with { ComboMinIdleMs = v };
                    break;
                case "combo_hold_ms" when values.Integer(entry, 0, 10_000) is { } v:
                    settings = settings with { ComboHoldMs = v };
                    break;
                case "combo_releases_wait" when values.Boolean(entry.Value) is { } v:
                    settings = settings with { ComboReleasesWait = v };
                    break;
                case "tap_hold_mode" when HoldModeNames.Read(entry.Value, values) is { } v:
                    settings = settings with { TapHoldMode = v };
                    break;
                case "rule_alone_timeout_ms" when values.Integer(entry, 1, 60_000) is { } v:
                    settings = settings with { RuleAloneTimeoutMs = v };
                    break;
                case "rule_held_down_threshold_ms" when values.Integer(entry, 1, 60_000) is { } v:
                    settings = settings with { RuleHeldDownThresholdMs = v };
                    break;
                case "rule_delayed_action_delay_ms" when values.Integer(entry, 0, 60_000) is { } v:
                    settings = settings with { RuleDelayedActionDelayMs = v };
                    break;
                case "rule_simultaneous_threshold_ms" when values.Integer(entry, 0, 1_000) is { } v:
                    settings = settings with { RuleSimultaneousThresholdMs = v };
                    break;
                case "keyboard_type" when values.String(entry.Value) is { } v:
                    if (v.Value is "ansi" or "iso" or "jis") settings = settings with { KeyboardType = v.Value };
                    else values.Diagnostics.Error(v.Location, $"unknown keyboard type '{MessageText.Short(v.Value)}'", "it is ansi, iso or jis");
                    break;
                case "hands" when HandsReader.Read(entry.Value, values) is { } v:
                    settings = settings with { Hands = v };
                    break;
                case "caps_word_timeout_ms" when values.Integer(entry, 1, 60_000) is { } v:
                    settings = settings with { CapsWordTimeoutMs = v };
                    break;
                case "unicode_input" when values.String(entry.Value) is { } v:
                    if (UnicodeInputNames.TryParse(v.Value, out var method)) settings = settings with { UnicodeInput = method };
                    else values.Diagnostics.Error(v.Location, $"unknown unicode input '{MessageText.Short(v.Value)}'", $"it is {UnicodeInputNames.List}");
                    break;
                case "modifiers_first_at_same_instant" when values.Boolean(entry.Value) is { } v:
                    settings = settings with { ModifiersFirstAtSameInstant = v };
                    break;
                case "lazy_modifier_release_ms" when values.Integer(entry, 0, 1_000) is { } v:
                    settings = settings with { LazyModifierReleaseMs = v };
                    break;
                case "modifier_guard" when values.Boolean(entry.Value) is { } v:
                    settings = settings with { ModifierGuard = v };
                    break;
                case "emergency" when ReadEmergency(entry.Value) is { } v:
                    settings = settings with { EmergencySequence = v };
                    break;
                case "mouse" when new MouseSettingsReader(values).Read(entry.Value) is { } v:
                    settings = settings with { Mouse = v };
                    break;
                case "chord_release_order" when values.String(entry.Value) is { } v:
                    if (v.Value == "reverse") settings = settings with { ChordReleaseOrder = ChordReleaseOrder.Reverse };
                    else if (v.Value == "pressed") settings = settings with { ChordReleaseOrder = ChordReleaseOrder.Pressed };
                    else if (v.Value == "key_first") settings = settings with { ChordReleaseOrder = ChordReleaseOrder.KeyFirst };
                    else values.Diagnostics.Error(v.Location, $"unknown chord release order '{MessageText.Short(v.Value)}'", "it is reverse (the default), pressed or key_first");
                    break;
                case "chord_ends_at_next_press" when values.Boolean(entry.Value) is { } v:
                    settings = settings with { ChordEndsAtNextPress = v };
                    break;
                case "sequence_timeout_ms" when values.Integer(entry, 1, 60_000) is { } v:
                    settings = settings with { SequenceTimeoutMs = v };
                    break;
                case "sequence_input_mode" when values.String(entry.Value) is { } v:
                    if (SequenceInputModeNames.TryParse(v.Value, out var inputMode)) settings = settings with { SequenceInputMode = inputMode };
                    else values.Diagnostics.Error(v.Location, $"unknown sequence input mode '{MessageText.Short(v.Value)}'", $"it is {SequenceInputModeNames.List}");
                    break;
                case "sequence_backtrack_modcancel" when values.Boolean(entry.Value) is { } v:
                    settings = settings with { SequenceBacktrackModcancel = v };
                    break;
                default:
                    if (!Known.Contains(entry.Key.Value)) values.UnknownKey(entry, "in [settings]", Known);
                    break;
            }
        }
        return settings;
    }

    private List<Usage>? ReadEmergency(TomlNode node)
    {
        if (node is not TomlArray array)
        {
            values.Diagnostics.WrongType(node, "an array of key names");
            return null;
        }
        var keys = new List<Usage>();
        var ok = true;
        if (array.Items.Count > MaxEmergencyKeys)
        {
            values.Diagnostics.Error(array.Location,
                $"the emergency sequence needs {MinEmergencyKeys} to {MaxEmergencyKeys} different keys, got {array.Items.Count}");
            return null;
        }
        foreach (var item in array.Items)
        {
            if (values.String(item) is not { } s) { ok = false; continue; }
            if (!ModifierWords.TryParseKey(s.Value, out var usage))
            {
                values.Diagnostics.Error(s.Location, $"unknown key '{MessageText.Short(s.Value)}'", () => KeyNameSuggestions.For(s.Value));
                ok = false;
            }
            else if (keys.Contains(usage))
            {
                values.Diagnostics.Error(s.Location, $"'{MessageText.Short(s.Value)}' appears twice in the emergency keys");
                ok = false;
            }
            else keys.Add(usage);
        }
        if (ok && keys.Count is < MinEmergencyKeys or > MaxEmergencyKeys)
        {
            values.Diagnostics.Error(array.Location,
                $"the emergency sequence needs {MinEmergencyKeys} to {MaxEmergencyKeys} different keys, got {keys.Count}",
                "e.g. [\"left_control\", \"spacebar\", \"escape\"]");
            return null;
        }
        return ok ? keys : null;
    }
}
