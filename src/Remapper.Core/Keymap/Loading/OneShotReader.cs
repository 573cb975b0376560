namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A one-shot table: <c>{ oneshot = "left_shift", timeout_ms = 2500, end = "press" }</c>. <c>oneshot</c> is what is
/// one-shot: modifiers (<c>"left_shift"</c>, <c>"ctrl+shift"</c>) or a layer (<c>"layer(nav)"</c>,
/// <c>"layer(nav, ctrl)"</c>); the options say when it ends (<see cref="OneShotOptions"/>).
/// </summary>
internal static class OneShotReader
{
    public const int MaxTimeoutMs = 60_000;
    private static readonly string[] Keys = ["oneshot", "timeout_ms", "end"];
    private static readonly string[] Ends = ["release", "press"];

    public static LayerAction? Read(TomlTable table, ValueReader values, Func<TomlNode, ActionModel?> parseTarget)
    {
        ActionModel? target = null;
        int? timeout = null;
        var endOnPress = false;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "oneshot":
                    target = parseTarget(entry.Value);
                    ok &= target is not null;
                    break;
                case "timeout_ms":
                    timeout = values.Integer(entry, 1, MaxTimeoutMs);
                    ok &= timeout is not null;
                    break;
                case "end":
                    if (values.String(entry.Value) is not { } end)
                    {
                        ok = false;
                        break;
                    }
                    if (!Ends.Contains(end.Value))
                    {
                        values.Diagnostics.Error(end.Location, $"unknown one-shot end '{MessageText.Short(end.Value)}'",
                            "\"release\" (the default: up at the key event after the next key's press) or \"press\" (up right after that press)");
                        ok = false;
                        break;
                    }
                    endOnPress = end.Value == "press";
                    break;
                default:
                    values.UnknownKey(entry, "in a one-shot", Keys);
                    ok = false;
                    break;
            }
        }
        if (!ok) return null;
        var options = new OneShotOptions(timeout, endOnPress);
        switch (target)
        {
            case ChordAction chord when chord.Keys.All(k => k.IsModifier):
                return new LayerAction(LayerActionKind.OneShot, KeymapModel.BaseLayerName, table.Location, chord.Keys, options);
            case ChordAction chord when timeout is null:
                values.Diagnostics.Error(chord.Location, "a one-shot of a key that is not a modifier needs timeout_ms",
                    "the key stays down until the next key or the timeout: add e.g. timeout_ms = 1000");
                return null;
            case ChordAction chord:
                return new LayerAction(LayerActionKind.OneShot, KeymapModel.BaseLayerName, table.Location,
                    [.. chord.Keys.Where(k => k.IsModifier)], options with { Keys = [.. chord.Keys.Where(k => !k.IsModifier)] });
            case LayerAction { Kind: LayerActionKind.Momentary } layer:
                return new LayerAction(LayerActionKind.OneShot, layer.Layer, table.Location, layer.Modifiers, options);
            case null:
                values.Diagnostics.Error(table.Location, "a one-shot table needs 'oneshot'", "e.g. { oneshot = \"left_shift\", timeout_ms = 2000 }");
                return null;
            default:
                values.Diagnostics.Error(target.Location, "a one-shot is of keys (modifiers, or a chord with a timeout) or a layer",
                    "e.g. oneshot = \"left_shift\", oneshot = \"ctrl+shift\" or oneshot = \"layer(nav)\"");
                return null;
        }
    }
}
