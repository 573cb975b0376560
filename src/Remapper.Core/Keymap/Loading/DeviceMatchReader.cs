using Remapper.Core.Devices;

namespace Remapper.Core.Keymap.Loading;

/// <summary>A <c>match</c> table or a <c>device_if</c> identifier → <see cref="DeviceMatch"/>.</summary>
internal sealed class DeviceMatchReader(ValueReader values)
{
    private static readonly string[] Known =
    [
        "name", "vendor_id", "product_id", "bus", "built_in", "is_keyboard", "is_built_in_keyboard", "location_id",
        "is_pointing_device", "is_game_pad", "is_consumer",
    ];

    private static readonly string[] Buses = ["usb", "bluetooth", "i8042", "spi", "i2c", "host", "virtual", "pci"];

    public DeviceMatch? Read(TomlNode node, string where)
    {
        if (values.Table(node) is not { } table) return null;
        var match = new DeviceMatch();
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "name":
                    if (values.String(entry.Value) is { } name) match = match with { NameGlob = name.Value };
                    else ok = false;
                    break;
                case "vendor_id":
                    if (values.Integer(entry, 0, 0xFFFF) is { } vendor) match = match with { VendorId = (ushort)vendor };
                    else ok = false;
                    break;
                case "product_id":
                    if (values.Integer(entry, 0, 0xFFFF) is { } product) match = match with { ProductId = (ushort)product };
                    else ok = false;
                    break;
                case "bus":
                    if (values.String(entry.Value) is not { } busName) ok = false;
                    else if (DeviceBusExtensions.TryParseKeymapName(busName.Value, out var bus)) match = match with { Bus = bus };
                    else
                    {
                        values.Diagnostics.Error(busName.Location, $"unknown bus '{MessageText.Short(busName.Value)}'",
                            () => Suggestions.DidYouMean(busName.Value, Buses) ?? $"expected one of: {string.Join(", ", Buses)}");
                        ok = false;
                    }
                    break;
                case "built_in":
                case "is_built_in_keyboard": // Karabiner's spelling
                    if (values.Boolean(entry.Value) is { } builtIn) match = match with { BuiltIn = builtIn };
                    else ok = false;
                    break;
                case "is_keyboard":
                    if (values.Boolean(entry.Value) is { } keyboard) match = match with { IsKeyboard = keyboard };
                    else ok = false;
                    break;
                case "is_pointing_device" or "is_game_pad" or "is_consumer":
                    // Remapper only takes keyboards: "is_x = true" matches nothing, "false" everything.
                    if (values.Boolean(entry.Value) is { } other) match = match with { IsKeyboard = (match.IsKeyboard ?? true) && !other };
                    else ok = false;
                    break;
                case "location_id":
                    if (values.Integer(entry, 0, int.MaxValue) is { } location) match = match with { LocationId = location };
                    else ok = false;
                    break;
                default:
                    values.UnknownKey(entry, where, Known);
                    ok = false;
                    break;
            }
        }
        if (table.Entries.Count == 0)
        {
            values.Diagnostics.Error(table.Location, $"an empty match {where} would match every keyboard",
                "give at least one of: name, vendor_id, product_id, bus, built_in");
            return null;
        }
        return ok ? match : null;
    }
}
