namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A timeout table (<see cref="TimeoutAction"/>): <c>timeout_ms</c>, <c>before</c> and <c>after</c>. Each of the two
/// actions is parsed in <see cref="ActionPlace.TimeoutStep"/>; a tap-hold that waits for a decision cannot be one
/// (the timeout has decided by the time it is pressed), an overload tap-hold (mode = "overload") can.
/// </summary>
internal static class TimeoutReader
{
    public static readonly string[] Keys = ["timeout_ms", "before", "after"];

    /// <summary>A table is a timeout when it has <c>timeout_ms</c> and no tap-hold's <c>tap</c> or <c>hold</c>.</summary>
    public static bool IsTimeout(TomlTable table) =>
        table.Find("timeout_ms") is not null && table.Find("tap") is null && table.Find("hold") is null && table.Find("tap_dance") is null;

    public static TimeoutAction? Read(TomlTable table, ValueReader values, Func<TomlNode, ActionModel?> parseStep)
    {
        ActionModel? before = null, after = null;
        int? ms = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "timeout_ms":
                    ms = values.Integer(entry, 1, 10_000);
                    ok &= ms is not null;
                    break;
                case "before":
                case "after":
                    var step = parseStep(entry.Value);
                    if (step is TapHoldAction { Mode: not HoldMode.Overload } or TapDanceAction)
                    {
                        values.Diagnostics.Error(entry.Value.Location, $"a tap-hold or tap-dance that waits for its decision can't be the {entry.Key.Value} of a timeout",
                            "use a key, a layer action, a sequence, an overload tap-hold (mode = \"overload\") or another timeout");
                        step = null;
                    }
                    if (step is null) ok = false;
                    else if (entry.Key.Value == "before") before = step;
                    else after = step;
                    break;
                default:
                    values.UnknownKey(entry, "in a timeout", Keys);
                    ok = false;
                    break;
            }
        }
        if (ok && (before is null || after is null))
        {
            values.Diagnostics.Error(table.Location, $"a timeout needs {(before is null && after is null ? "'before' and 'after'" : before is null ? "'before'" : "'after'")}",
                "e.g. { timeout_ms = 300, before = \"a\", after = \"b\" }: a before 300 ms pass, b after");
            return null;
        }
        return ok && ms is { } timeout ? new TimeoutAction(before!, timeout, after!, table.Location) : null;
    }
}
