namespace Remapper.Core.Keymap.Loading;

/// <summary><c>[[rule]]</c> tables (Karabiner-style complex modifications) → <see cref="RuleModel"/>s.</summary>
internal sealed class RuleReader(ValueReader values, ActionParser actions)
{
    private static readonly string[] Known =
    [
        "description", "from", "to", "to_if_alone", "to_if_held_down", "to_after_key_up", "conditions",
        "alone_timeout_ms", "held_down_threshold_ms",
    ];

    private readonly RuleFromReader _from = new(values);
    private readonly ConditionReader _conditions = new(values);
    private DiagnosticBag Diagnostics => values.Diagnostics;

    public RuleModel? Read(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        string? description = null;
        RuleFrom? from = null;
        ActionModel? to = null, alone = null, heldDown = null, afterUp = null;
        var conditions = new List<ConditionModel>();
        int? aloneTimeout = null, heldThreshold = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "description":
                    description = values.String(entry.Value)?.Value;
                    ok &= description is not null;
                    break;
                case "from":
                    from = _from.Read(entry.Value);
                    ok &= from is not null;
                    break;
                case "to":
                    to = ReadTo(entry.Value, held: true);
                    ok &= to is not null;
                    break;
                case "to_if_alone":
                    alone = ReadTo(entry.Value, held: false);
                    ok &= alone is not null;
                    break;
                case "to_if_held_down":
                    heldDown = ReadTo(entry.Value, held: true);
                    ok &= heldDown is not null;
                    break;
                case "to_after_key_up":
                    afterUp = ReadTo(entry.Value, held: false);
                    ok &= afterUp is not null;
                    break;
                case "conditions":
                    ok &= _conditions.ReadAll(entry.Value, conditions);
                    break;
                case "alone_timeout_ms":
                    aloneTimeout = values.Integer(entry, 1, 60_000);
                    ok &= aloneTimeout is not null;
                    break;
                case "held_down_threshold_ms":
                    heldThreshold = values.Integer(entry, 1, 60_000);
                    ok &= heldThreshold is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in [[rule]]", Known);
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
        if (table.Find("to") is null && table.Find("to_if_alone") is null && table.Find("to_if_held_down") is null
            && table.Find("to_after_key_up") is null)
        {
            if (ValueReader.AllKnown(table, Known))
                Diagnostics.Error(table.Location, "this rule does nothing: it has no to, to_if_alone, to_if_held_down or to_after_key_up");
            return null;
        }
        return ok && from is not null
            ? new RuleModel(description, from, to, alone, heldDown, afterUp, conditions, aloneTimeout, heldThreshold, table.Location)
            : null;
    }

    /// <summary>Held results become one <see cref="AllOfAction"/>, tapped ones one <see cref="SequenceAction"/>, even for a single action.</summary>
    private ActionModel? ReadTo(TomlNode node, bool held)
    {
        var place = held ? ActionPlace.RuleHeld : ActionPlace.RuleTapped;
        List<ActionModel>? items;
        if (node is TomlArray array) items = actions.ParseItems(array, place);
        else if (node is TomlString s)
        {
            var single = actions.ParseString(s, place);
            items = single switch
            {
                null => null,
                SequenceAction fromAlias => [.. fromAlias.Steps],
                _ => [single],
            };
        }
        else
        {
            Diagnostics.WrongType(node, "a string or an array");
            return null;
        }
        if (items is null) return null;
        return held ? new AllOfAction(items, node.Location) : new SequenceAction(items, node.Location);
    }
}
