using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A rule's to-lists (<c>to</c>, <c>to_if_alone</c>, …) → <see cref="ToEventModel"/>s. A list may be a short
/// string (<c>"ctrl+a"</c>, <c>"set(x, 1)"</c>), one Karabiner to-event table, or an array mixing both.
/// </summary>
internal sealed class ToEventReader(ValueReader values, ActionParser actions, ConditionReader conditions)
{
    private static readonly string[] EventKeys =
    [
        "key_code", "consumer_key_code", "set_variable", "sticky_modifier", "modifiers", "lazy", "repeat", "halt",
        "hold_down_milliseconds", "held_down_milliseconds", "conditions", "description", "mouse_key", "pointing_button",
        "from_event",
    ];

    /// <summary>Karabiner to-events a keymap refuses, with why.</summary>
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["shell_command"] = "not supported: shell_command — nothing in a keymap runs a shell command",
        ["send_user_command"] = "not supported: send_user_command — nothing in a keymap runs a shell command",
        ["select_input_source"] = "not supported: select_input_source (input sources are the desktop's business)",
        ["software_function"] = "not supported: software_function (opening apps, sleep, mouse moves) — nothing in a keymap runs a program",
        ["set_notification_message"] = "not supported: set_notification_message (there is no notification window)",
        ["apple_vendor_keyboard_key_code"] = "not supported: apple_vendor_keyboard_key_code (Apple-only keys)",
        ["apple_vendor_top_case_key_code"] = "not supported: apple_vendor_top_case_key_code (Apple-only keys)",
        ["generic_desktop"] = "not supported yet: generic_desktop",
    };

    private static readonly string[] VariableKeys = ["name", "value", "key_up_value", "type", "expression", "key_up_expression"];

    private DiagnosticBag Diagnostics => values.Diagnostics;

    /// <summary>The events of a to-list, or null after reporting what is wrong with it.</summary>
    public List<ToEventModel>? ReadList(TomlNode node, ActionPlace place)
    {
        switch (node)
        {
            case TomlString s:
                return ToEventModel.FromAction(actions.ParseString(s, place) ?? (ActionModel?)null) is { Count: > 0 } one ? one : null;
            case TomlTable t:
                return ReadEvent(t, place) is { } single ? [single] : null;
            case TomlArray array:
                if (array.Items.Count == 0) return [];
                var events = new List<ToEventModel>();
                var ok = true;
                foreach (var item in array.Items)
                {
                    switch (item)
                    {
                        case TomlString s:
                            if (actions.ParseString(s, place) is { } action) events.AddRange(ToEventModel.FromAction(action));
                            else ok = false;
                            break;
                        case TomlTable t:
                            if (ReadEvent(t, place) is { } e) events.Add(e);
                            else ok = false;
                            break;
                        default:
                            Diagnostics.WrongType(item, "a key name or a to-event table");
                            ok = false;
                            break;
                    }
                }
                return ok ? events : null;
            default:
                Diagnostics.WrongType(node, "a string, a to-event table or an array of them");
                return null;
        }
    }

    private ToEventModel? ReadEvent(TomlTable table, ActionPlace place)
    {
        if (table.Find("tap") is not null || table.Find("hold") is not null)
        {
            Diagnostics.Error(table.Location, "a tap-hold can't be used in a rule; a rule's to-events are Karabiner to-event tables",
                "for tap and hold in a rule, use to_if_alone and to (or to_if_held_down)");
            return null;
        }
        Usage key = default;
        var modifiers = new List<Usage>();
        SetVariableModel? set = null;
        StickyModifierModel? sticky = null;
        bool lazy = false, repeat = true, halt = false, vkNone = false, fromEvent = false;
        int holdDown = 0;
        ActionModel? mouse = null;
        var eventConditions = new List<ConditionModel>();
        int kinds = 0;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            var name = entry.Key.Value;
            if (Refused.TryGetValue(name, out var why))
            {
                Diagnostics.Error(entry.Key.Location, why);
                ok = false;
                continue;
            }
            switch (name)
            {
                case "key_code":
                case "consumer_key_code":
                    kinds++;
                    if (ReadKey(entry.Value, name) is { } usage)
                    {
                        key = usage;
                        vkNone = usage.IsNone;
                    }
                    else ok = false;
                    break;
                case "mouse_key":
                    kinds++;
                    mouse = new MouseKeyReader(values).ReadMouseKey(entry.Value);
                    ok &= mouse is not null;
                    break;
                case "pointing_button":
                    kinds++;
                    mouse = new MouseKeyReader(values).ReadPointingButton(entry.Value);
                    ok &= mouse is not null;
                    break;
                case "from_event":
                    // Karabiner's from_event: the key that triggered the rule, sent as it came (with this event's modifiers).
                    kinds++;
                    ok &= Flag(entry, ref fromEvent);
                    if (ok && !fromEvent)
                    {
                        Diagnostics.Error(entry.Value.Location, "from_event = false sends nothing", "leave the event out, or write from_event = true");
                        ok = false;
                    }
                    break;
                case "set_variable":
                    kinds++;
                    set = ReadSetVariable(entry.Value);
                    ok &= set is not null;
                    break;
                case "sticky_modifier":
                    kinds++;
                    sticky = ReadSticky(entry.Value);
                    ok &= sticky is not null;
                    break;
                case "modifiers":
                    foreach (var m in values.StringOrStrings(entry.Value))
                    {
                        var text = m.Value.Trim();
                        if (text == "any")
                        {
                            Diagnostics.Error(m.Location, "'any' is only for from.modifiers; a to-event names the modifiers it sends");
                            ok = false;
                        }
                        else if (ModifierWords.TryParseKey(text, out var mod) && (mod.IsModifier || mod == Usages.CapsLock)) modifiers.Add(mod);
                        else
                        {
                            Diagnostics.Error(m.Location, $"'{MessageText.Short(text)}' is not a modifier",
                                "modifiers are left_control, left_shift, left_option, left_command, their right_ versions, or control, shift, option, command");
                            ok = false;
                        }
                    }
                    if (entry.Value is not (TomlString or TomlArray)) ok = false;
                    break;
                case "lazy":
                    ok &= Flag(entry, ref lazy);
                    break;
                case "repeat":
                    ok &= Flag(entry, ref repeat);
                    break;
                case "halt":
                    ok &= Flag(entry, ref halt);
                    break;
                case "hold_down_milliseconds":
                case "held_down_milliseconds":
                    if (values.Integer(entry, 0, 10_000) is { } ms) holdDown = ms;
                    else ok = false;
                    break;
                case "conditions":
                    ok &= conditions.ReadAll(entry.Value, eventConditions);
                    break;
                case "description":
                    ok &= values.String(entry.Value) is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in a to-event", EventKeys);
                    ok = false;
                    break;
            }
        }
        if (!ok) return null;
        if (kinds > 1)
        {
            Diagnostics.Error(table.Location, "a to-event sends one thing: key_code, consumer_key_code, from_event, set_variable, sticky_modifier, mouse_key or pointing_button",
                "split it into two events in the list");
            return null;
        }
        if ((kinds == 0 || mouse is not null) && modifiers.Count > 0)
        {
            // Karabiner's { modifiers = [...] } with no key: the modifiers pressed together; the last one is the key.
            key = modifiers[^1];
            modifiers.RemoveAt(modifiers.Count - 1);
        }
        return new ToEventModel(key, modifiers, table.Location, Action: mouse, SetVariable: set, Sticky: sticky, Lazy: lazy, Repeat: repeat,
            Halt: halt, HoldDownMs: holdDown, Conditions: eventConditions.Count > 0 ? eventConditions : null, VkNone: vkNone,
            FromEvent: fromEvent);
    }

    private bool Flag(TomlEntry entry, ref bool flag)
    {
        if (values.Boolean(entry.Value) is not { } value) return false;
        flag = value;
        return true;
    }

    private Usage? ReadKey(TomlNode node, string field)
    {
        if (node is TomlInteger)
        {
            Diagnostics.Error(node.Location, $"{field} takes a key name here, not a number", "run 'remapper keys' for the names");
            return null;
        }
        if (values.String(node) is not { } s) return null;
        var name = s.Value.Trim();
        if (name == "vk_none") return Usages.None; // not `default`: that would be a null Usage?, i.e. "failed"
        if (!KeyNames.TryParse(name, out var usage))
        {
            Diagnostics.Error(s.Location, $"unknown key '{MessageText.Short(name)}'", () => KeyNameSuggestions.For(name));
            return null;
        }
        bool consumer = usage.Page == UsagePages.Consumer;
        if (field == "consumer_key_code" && !consumer)
        {
            Diagnostics.Error(s.Location, $"'{MessageText.Short(name)}' is a keyboard key, not a consumer key", "write it as key_code");
            return null;
        }
        return usage;
    }

    private SetVariableModel? ReadSetVariable(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        string? name = null;
        VariableValue? value = null, keyUp = null;
        ExpressionModel? expression = null, keyUpExpression = null;
        bool unset = false, ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "name":
                    if (values.String(entry.Value) is { } s && s.Value.Length > 0) name = s.Value;
                    else
                    {
                        if (entry.Value is TomlString) Diagnostics.Error(entry.Value.Location, "a variable needs a name");
                        ok = false;
                    }
                    break;
                case "value":
                    value = ReadValue(entry);
                    ok &= value is not null;
                    break;
                case "key_up_value":
                    keyUp = ReadValue(entry);
                    ok &= keyUp is not null;
                    break;
                case "type":
                    if (values.String(entry.Value) is not { } type) ok = false;
                    else if (type.Value == "unset") unset = true;
                    else if (type.Value != "set")
                    {
                        Diagnostics.Error(type.Location, $"unknown set_variable type '{MessageText.Short(type.Value)}'", "it is \"set\" (the default) or \"unset\"");
                        ok = false;
                    }
                    break;
                case "expression":
                    expression = ReadExpression(entry.Value, values);
                    ok &= expression is not null;
                    break;
                case "key_up_expression":
                    keyUpExpression = ReadExpression(entry.Value, values);
                    ok &= keyUpExpression is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in set_variable", VariableKeys);
                    ok = false;
                    break;
            }
        }
        if (!ok) return null;
        if (name is null || (value is null && expression is null && !unset))
        {
            Diagnostics.Error(table.Location, "set_variable needs 'name' and 'value' or 'expression' (or type = \"unset\")",
                "e.g. set_variable = { name = \"mode\", value = 1 }");
            return null;
        }
        if (value is not null && expression is not null || keyUp is not null && keyUpExpression is not null)
        {
            Diagnostics.Error(table.Location, "set_variable gives both a value and an expression", "keep one of them");
            return null;
        }
        return new SetVariableModel(name, value ?? VariableValue.Of(0), keyUp, unset, expression, keyUpExpression);
    }

    /// <summary>An integer, boolean or string value (of a variable or a condition).</summary>
    internal static VariableValue? ReadValue(TomlEntry entry, ValueReader values) => entry.Value switch
    {
        TomlBoolean b => VariableValue.Of(b.Value),
        TomlString s => VariableValue.Of(s.Value),
        _ => values.Integer(entry, int.MinValue + 1_000_000, int.MaxValue) is { } i ? VariableValue.Of(i) : null,
    };

    private VariableValue? ReadValue(TomlEntry entry) => ReadValue(entry, values);

    /// <summary>A Karabiner expression string, with its error pointed at the column where it is.</summary>
    internal static ExpressionModel? ReadExpression(TomlNode node, ValueReader values)
    {
        if (values.String(node) is not { } s) return null;
        if (ExpressionParser.Parse(s.Value, out var error, out var column) is { } parsed) return parsed;
        // The column inside the string (past its opening quote; exact when the string has no escapes).
        values.Diagnostics.Error(s.Location with { Column = s.Location.Column + 1 + column }, $"in the expression: {error}",
            "expressions use integers, variable names, ( ), + - * / %, < <= > >= == !=, and/or/not and c ? a : b");
        return null;
    }

    private StickyModifierModel? ReadSticky(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        if (table.Entries.Count != 1)
        {
            Diagnostics.Error(table.Location, "sticky_modifier names one modifier", "e.g. sticky_modifier = { left_shift = \"toggle\" }");
            return null;
        }
        var entry = table.Entries[0];
        var name = entry.Key.Value;
        if (!KeyNames.TryParse(name, out var modifier) || !modifier.IsModifier)
        {
            Diagnostics.Error(entry.Key.Location, $"'{MessageText.Short(name)}' is not a modifier key",
                "use left_control, left_shift, left_option, left_command or a right_ one");
            return null;
        }
        if (values.String(entry.Value) is not { } kind) return null;
        StickyKind? parsed = kind.Value switch
        {
            "on" => StickyKind.On,
            "off" => StickyKind.Off,
            "toggle" => StickyKind.Toggle,
            _ => null,
        };
        if (parsed is null)
        {
            Diagnostics.Error(kind.Location, $"unknown sticky_modifier value '{MessageText.Short(kind.Value)}'", "it is \"on\", \"off\" or \"toggle\"");
            return null;
        }
        return new StickyModifierModel(modifier, parsed.Value);
    }
}
