namespace Remapper.Core.Keymap.Loading;

/// <summary><c>[[device]]</c> blocks → <see cref="DeviceBlock"/>s.</summary>
internal sealed class DeviceReader(ValueReader values, BindingTableReader bindings)
{
    private static readonly string[] Known = ["match", "ignore", "remap"];

    private readonly DeviceMatchReader _matches = new(values);

    public DeviceBlock? Read(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        DeviceMatch? match = null;
        var ignore = false;
        TomlEntry? remapEntry = null;
        List<Binding>? remap = null;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "match":
                    match = _matches.Read(entry.Value, "in a device's match");
                    ok &= match is not null;
                    break;
                case "ignore":
                    var b = values.Boolean(entry.Value);
                    ignore = b ?? false;
                    ok &= b is not null;
                    break;
                case "remap":
                    remapEntry = entry;
                    if (values.Table(entry.Value) is { } t) remap = bindings.Read(t.Entries, ActionPlace.RemapBinding);
                    else ok = false;
                    break;
                default:
                    values.UnknownKey(entry, "in [[device]]", Known);
                    ok = false;
                    break;
            }
        }
        if (table.Find("match") is null)
        {
            values.Diagnostics.Error(table.Location, "this [[device]] has no match",
                "add e.g. match = { vendor_id = 0x05ac } to say which keyboards it is about");
            return null;
        }
        if (ignore && remapEntry is not null)
        {
            values.Diagnostics.Error(remapEntry.Key.Location, "an ignored device is not remapped, so it can't have a remap",
                "remove 'ignore = true' or the remap");
            return null;
        }
        if (!ignore && remapEntry is null && ok)
            values.Diagnostics.Warning(table.Location, "this [[device]] neither ignores its keyboards nor remaps anything",
                "add 'ignore = true' or a remap table");
        return ok && match is not null ? new DeviceBlock(match, ignore, remap ?? [], table.Location) : null;
    }
}
