namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// <c>[[rule]]</c> tables → <see cref="RuleModel"/>s. A rule is a Karabiner <c>basic</c> manipulator written in
/// TOML (same field names, nesting and value types), plus the short forms (<c>from = "ctrl+h"</c>, <c>to = "a"</c>).
/// </summary>
internal sealed class RuleReader
{
    private static readonly string[] Known =
    [
        "description", "type", "from", "to", "to_if_alone", "to_if_held_down", "to_after_key_up", "to_delayed_action",
        "to_if_other_key_pressed", "conditions", "parameters", "alone_timeout_ms", "held_down_threshold_ms",
    ];

    private static readonly string[] ParameterNames =
    [
        "basic.to_if_alone_timeout_milliseconds", "basic.to_if_held_down_threshold_milliseconds",
        "basic.to_delayed_action_delay_milliseconds", "basic.simultaneous_threshold_milliseconds",
    ];

    private readonly ValueReader _values;
    private readonly RuleFromReader _from;
    private readonly ConditionReader _conditions;
    private readonly ToEventReader _to;

    public RuleReader(ValueReader values, ActionParser actions)
    {
        _values = values;
        _conditions = new ConditionReader(values);
        _to = new ToEventReader(values, actions, _conditions);
        _from = new RuleFromReader(values, _to);
    }

    private DiagnosticBag Diagnostics => _values.Diagnostics;

    public RuleModel? Read(TomlNode node)
    {
        if (_values.Table(node) is not { } table) return null;
        string? description = null;
        RuleFrom? from = null;
        List<ToEventModel> to = [], alone = [], heldDown = [], afterUp = [];
        DelayedActionModel? delayed = null;
        var otherKeys = new List<OtherKeyPressedModel>();
        var conditions = new List<ConditionModel>();
        var parameters = RuleParameters.None;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "description":
                    description = _values.String(entry.Value)?.Value;
                    ok &= description is not null;
                    break;
                case "type":
                    if (_values.String(entry.Value) is not { } type) ok = false;
                    else if (type.Value != "basic")
                    {
                        Diagnostics.Error(type.Location, $"not supported: a '{MessageText.Short(type.Value)}' manipulator",
                            "a [[rule]] is a Karabiner \"basic\" manipulator (mouse_basic and mouse_motion_to_scroll are not supported)");
                        ok = false;
                    }
                    break;
                case "from":
                    from = _from.Read(entry.Value);
                    ok &= from is not null;
                    break;
                case "to":
                    ok &= Read(entry.Value, ActionPlace.RuleHeld, ref to);
                    break;
                case "to_if_alone":
                    ok &= Read(entry.Value, ActionPlace.RuleTapped, ref alone);
                    break;
                case "to_if_held_down":
                    ok &= Read(entry.Value, ActionPlace.RuleHeld, ref heldDown);
                    break;
                case "to_after_key_up":
                    ok &= Read(entry.Value, ActionPlace.RuleTapped, ref afterUp);
                    break;
                case "to_delayed_action":
                    delayed = ReadDelayed(entry.Value);
                    ok &= delayed is not null;
                    break;
                case "to_if_other_key_pressed":
                    ok &= ReadOtherKeys(entry.Value, otherKeys);
                    break;
                case "conditions":
                    ok &= _conditions.ReadAll(entry.Value, conditions);
                    break;
                case "parameters":
                    if (ReadParameters(entry.Value, parameters) is { } p) parameters = p;
                    else ok = false;
                    break;
                case "alone_timeout_ms":
                    if (_values.Integer(entry, 1, 60_000) is { } aloneMs) parameters = parameters with { AloneTimeoutMs = aloneMs };
                    else ok = false;
                    break;
                case "held_down_threshold_ms":
                    if (_values.Integer(entry, 1, 60_000) is { } heldMs) parameters = parameters with { HeldDownThresholdMs = heldMs };
                    else ok = false;
                    break;
                default:
                    _values.UnknownKey(entry, "in [[rule]]", Known);
                    ok = false;
                    break;
            }
        }
        if (table.Find("from") is null)
        {
            if (ValueReader.AllKnown(table, Known))
                Diagnostics.Error(table.Location, "this rule has no 'from'", "add e.g. from = \"right_command\"");
            return null;
        }
        // A rule with no to-events at all is valid Karabiner: it swallows the key (a "disable this key" rule).
        return ok && from is not null
            ? new RuleModel(description, from, to, alone, heldDown, afterUp, delayed, otherKeys, conditions, parameters, table.Location)
            : null;
    }

    private bool Read(TomlNode node, ActionPlace place, ref List<ToEventModel> into)
    {
        if (_to.ReadList(node, place) is not { } events) return false;
        into = events;
        return true;
    }

    private DelayedActionModel? ReadDelayed(TomlNode node)
    {
        if (_values.Table(node) is not { } table) return null;
        List<ToEventModel> invoked = [], canceled = [];
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "to_if_invoked":
                    ok &= Read(entry.Value, ActionPlace.RuleTapped, ref invoked);
                    break;
                case "to_if_canceled":
                    ok &= Read(entry.Value, ActionPlace.RuleTapped, ref canceled);
                    break;
                default:
                    _values.UnknownKey(entry, "in to_delayed_action", ["to_if_invoked", "to_if_canceled"]);
                    ok = false;
                    break;
            }
        }
        return ok ? new DelayedActionModel(invoked, canceled) : null;
    }

    private bool ReadOtherKeys(TomlNode node, List<OtherKeyPressedModel> into)
    {
        if (node is not TomlArray array)
        {
            Diagnostics.WrongType(node, "an array of { other_keys, to } tables");
            return false;
        }
        var ok = true;
        foreach (var item in array.Items)
        {
            if (_values.Table(item) is not { } table) { ok = false; continue; }
            var keys = new List<RuleFrom>();
            List<ToEventModel> to = [];
            foreach (var entry in table.Entries)
            {
                switch (entry.Key.Value)
                {
                    case "other_keys":
                        if (entry.Value is not TomlArray others)
                        {
                            Diagnostics.WrongType(entry.Value, "an array of from tables");
                            ok = false;
                            break;
                        }
                        foreach (var other in others.Items)
                        {
                            if (_from.Read(other) is { } f) keys.Add(f);
                            else ok = false;
                        }
                        break;
                    case "to":
                        ok &= Read(entry.Value, ActionPlace.RuleHeld, ref to);
                        break;
                    default:
                        _values.UnknownKey(entry, "in to_if_other_key_pressed", ["other_keys", "to"]);
                        ok = false;
                        break;
                }
            }
            into.Add(new OtherKeyPressedModel(keys, to));
        }
        return ok;
    }

    private RuleParameters? ReadParameters(TomlNode node, RuleParameters parameters)
    {
        if (_values.Table(node) is not { } table) return null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "basic.to_if_alone_timeout_milliseconds" when _values.Integer(entry, 0, 60_000) is { } v:
                    parameters = parameters with { AloneTimeoutMs = v };
                    break;
                case "basic.to_if_held_down_threshold_milliseconds" when _values.Integer(entry, 0, 60_000) is { } v:
                    parameters = parameters with { HeldDownThresholdMs = v };
                    break;
                case "basic.to_delayed_action_delay_milliseconds" when _values.Integer(entry, 0, 60_000) is { } v:
                    parameters = parameters with { DelayedActionDelayMs = v };
                    break;
                case "basic.simultaneous_threshold_milliseconds" when _values.Integer(entry, 0, 1_000) is { } v:
                    parameters = parameters with { SimultaneousThresholdMs = v };
                    break;
                default:
                    if (!ParameterNames.Contains(entry.Key.Value)) _values.UnknownKey(entry, "in a rule's parameters", ParameterNames);
                    ok = false;
                    break;
            }
        }
        return ok ? parameters : null;
    }
}
