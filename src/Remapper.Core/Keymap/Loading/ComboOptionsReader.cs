namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// A combo written as a table: <c>combo</c> (its action), <c>key_up_when</c> (<c>"any"</c>, the default, or <c>"all"</c>),
/// <c>term_ms</c>, <c>hold_ms</c> and <c>disabled_layers</c>.
/// </summary>
internal static class ComboOptionsReader
{
    private static readonly string[] Keys = ["combo", "key_up_when", "term_ms", "hold_ms", "disabled_layers"];

    /// <summary>Is this a combo's options table (rather than a tap-hold or tap-dance value)?</summary>
    public static bool IsComboTable(TomlNode node) => node is TomlTable table && table.Entries.Any(e => e.Key.Value == "combo");

    public static (TomlNode? Action, ComboOptions? Options) Read(TomlTable table, ValueReader values, Func<string, bool> isLayer)
    {
        TomlNode? action = null;
        bool all = false;
        int? term = null;
        int? hold = null;
        var disabled = new List<string>();
        var ok = true;
        foreach (var entry in table.Entries)
        {
            if (values.IsRepeated(table, entry)) { ok = false; continue; }
            switch (entry.Key.Value)
            {
                case "combo":
                    action = entry.Value;
                    break;
                case "key_up_when":
                    if (values.String(entry.Value) is not { } when) { ok = false; break; }
                    if (when.Value is "any" or "all") all = when.Value == "all";
                    else
                    {
                        values.Diagnostics.Error(when.Location, $"unknown key_up_when '{MessageText.Short(when.Value)}'",
                            "\"any\": the combo is released with its first key, \"all\": with its last");
                        ok = false;
                    }
                    break;
                case "term_ms":
                    term = values.Integer(entry, 1, 1_000);
                    ok &= term is not null;
                    break;
                case "hold_ms":
                    hold = values.Integer(entry, 0, 10_000);
                    ok &= hold is not null;
                    break;
                case "disabled_layers":
                    foreach (var name in values.StringOrStrings(entry.Value))
                    {
                        if (name.Value == KeymapModel.BaseLayerName || isLayer(name.Value)) disabled.Add(name.Value);
                        else
                        {
                            values.Diagnostics.Error(name.Location, $"unknown layer '{MessageText.Short(name.Value)}'",
                                "a layer defined with [layer.NAME], or \"base\"");
                            ok = false;
                        }
                    }
                    break;
                default:
                    values.UnknownKey(entry, "in a combo", Keys);
                    ok = false;
                    break;
            }
        }
        return ok && action is not null ? (action, new ComboOptions(all, term, disabled, hold)) : (null, null);
    }
}
