namespace Remapper.Core.Keymap.Loading;

/// <summary>A tap-dance table (<see cref="TapDanceAction"/>): <c>tap_dance</c> (the steps) and <c>term_ms</c>.</summary>
internal static class TapDanceReader
{
    public const int MaxSteps = 16;
    private static readonly string[] Keys = ["tap_dance", "term_ms"];

    public static TapDanceAction? Read(TomlTable table, ValueReader values, Func<TomlNode, ActionModel?> parseStep)
    {
        var steps = new List<ActionModel>();
        int? term = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "tap_dance" when entry.Value is TomlArray array:
                    if (array.Items.Count is 0 or > MaxSteps)
                    {
                        values.Diagnostics.Error(array.Location, $"a tap-dance has 1 to {MaxSteps} steps, got {array.Items.Count}",
                            "e.g. tap_dance = [\"a\", \"ctrl+c\", \"escape\"]: one tap a, two taps ctrl+c, three escape");
                        ok = false;
                        break;
                    }
                    foreach (var item in array.Items)
                    {
                        var step = parseStep(item);
                        if (step is null) ok = false;
                        else steps.Add(step);
                    }
                    break;
                case "tap_dance":
                    values.Diagnostics.WrongType(entry.Value, "an array of actions, one per number of taps");
                    ok = false;
                    break;
                case "term_ms":
                    term = values.Integer(entry, 1, 10_000);
                    ok &= term is not null;
                    break;
                default:
                    values.UnknownKey(entry, "in a tap-dance", Keys);
                    ok = false;
                    break;
            }
        }
        return ok ? new TapDanceAction(steps, term, table.Location) : null;
    }
}
