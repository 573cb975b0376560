namespace Remapper.Core.Keymap.Loading;

/// <summary>A multi table (<see cref="MultiAction"/>): <c>{ multi = ["a", "oneshot(left_shift)"] }</c>.</summary>
internal static class MultiReader
{
    public const int MaxItems = 16;
    private static readonly string[] Keys = ["multi"];

    public static MultiAction? Read(TomlTable table, ValueReader values, Func<TomlNode, ActionModel?> parseItem)
    {
        var items = new List<ActionModel>();
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "multi" when entry.Value is TomlArray array:
                    if (array.Items.Count is 0 or > MaxItems)
                    {
                        values.Diagnostics.Error(array.Location, $"a multi has 1 to {MaxItems} items, got {array.Items.Count}",
                            "e.g. multi = [\"a\", \"oneshot(left_shift)\"]: a, and shift for the next key");
                        ok = false;
                        break;
                    }
                    foreach (var item in array.Items)
                    {
                        var action = parseItem(item);
                        if (action is null) ok = false;
                        else items.Add(action);
                    }
                    break;
                case "multi":
                    values.Diagnostics.WrongType(entry.Value, "an array of actions, pressed together");
                    ok = false;
                    break;
                default:
                    values.UnknownKey(entry, "in a multi", Keys);
                    ok = false;
                    break;
            }
        }
        return ok ? new MultiAction(items, table.Location) : null;
    }
}
