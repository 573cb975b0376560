using System.Globalization;
using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// A profile's <c>devices[]</c> entry → a <c>[[device]]</c> block: matched by vendor and product id, ignored or
/// with its own simple_modifications; its fn_function_keys become rules with a device_if condition. Pointing
/// devices are left alone (Remapper never takes them over), as Karabiner does by default.
/// </summary>
/// <param name="fnFunctionKeys">Writes fn_function_keys (list, JSONPath, device_if condition) where the profile keeps them.</param>
internal sealed class DeviceConverter(ImportNotes notes, SimpleModificationConverter simpleModifications, Action<JsonElement, string, string> fnFunctionKeys)
{
    public void Convert(JsonElement device, string path, List<string> block)
    {
        if (device.ValueKind != JsonValueKind.Object || !JsonValues.TryProperty(device, "identifiers", out var ids) || ids.ValueKind != JsonValueKind.Object)
        {
            notes.Add(path, "a device without \"identifiers\"");
            return;
        }
        var idPath = JsonPathText.Property(path, "identifiers");
        bool Flag(JsonElement o, string name) => JsonValues.TryProperty(o, name, out var v) && v.ValueKind == JsonValueKind.True;
        long? Number(string name) => JsonValues.TryProperty(ids, name, out var v) && JsonValues.TryInteger(v, out var n) ? n : null;

        var isKeyboard = Flag(ids, "is_keyboard") || (!JsonValues.TryProperty(ids, "is_keyboard", out _) && !Flag(ids, "is_pointing_device"));
        var hasSimple = JsonValues.TryProperty(device, "simple_modifications", out var simple) && simple.ValueKind == JsonValueKind.Array && simple.GetArrayLength() > 0;
        var hasFn = JsonValues.TryProperty(device, "fn_function_keys", out var fn) && fn.ValueKind == JsonValueKind.Array && fn.GetArrayLength() > 0;
        var ignore = Flag(device, "ignore");
        if (!isKeyboard)
        {
            // Karabiner leaves pointing devices alone by default, and Remapper never takes them over.
            if (hasSimple || (JsonValues.TryProperty(device, "ignore", out var ig) && ig.ValueKind == JsonValueKind.False))
                notes.Add(path, "settings of a pointing device — Remapper takes over keyboards only");
            return;
        }

        foreach (var flag in new[] { "disable_built_in_keyboard_if_exists", "treat_as_built_in_keyboard" })
            if (Flag(device, flag)) notes.Add(JsonPathText.Property(path, flag), $"{flag}: there is no such device setting in a keymap yet");
        if (JsonValues.TryProperty(device, "manipulate_caps_lock_led", out var led) && led.ValueKind == JsonValueKind.False)
            notes.Add(JsonPathText.Property(path, "manipulate_caps_lock_led"), "manipulate_caps_lock_led = false: Remapper always mirrors the caps lock light");
        if (JsonValues.TryProperty(ids, "device_address", out _))
            notes.Add(JsonPathText.Property(idPath, "device_address"), "device_address (a Bluetooth address) — matched by vendor_id and product_id only");

        if (!ignore && !hasSimple && !hasFn) return; // Karabiner's defaults: nothing to write.

        var vendor = Number("vendor_id");
        var product = Number("product_id");
        if (vendor is null && product is null)
        {
            notes.Add(idPath, "a device identified by neither vendor_id nor product_id");
            return;
        }
        var match = new List<string>();
        if (vendor is { } v) match.Add(TomlText.Entry("vendor_id", Hex(v)));
        if (product is { } pr) match.Add(TomlText.Entry("product_id", Hex(pr)));

        block.Add($"# Karabiner device {path}");
        block.Add("[[device]]");
        block.Add(TomlText.Entry("match", TomlText.Table(match)));
        if (ignore)
        {
            block.Add("ignore = true");
            return;
        }
        if (hasSimple)
        {
            var bindings = new List<string>();
            simpleModifications.Convert(simple, JsonPathText.Property(path, "simple_modifications"), bindings);
            if (bindings.Count > 0)
            {
                block.Add("[device.remap]                        # simple_modifications");
                block.AddRange(bindings);
            }
        }
        if (hasFn)
        {
            var identifier = TomlText.Table(match);
            var condition = TomlText.Table([TomlText.Entry("type", "\"device_if\""), TomlText.Entry("identifiers", $"[{identifier}]")]);
            fnFunctionKeys(fn, JsonPathText.Property(path, "fn_function_keys"), condition);
        }
    }

    private static string Hex(long value) => "0x" + value.ToString("x4", CultureInfo.InvariantCulture);
}
