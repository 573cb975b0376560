using System.Globalization;
using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>Karabiner's mouse to-events → the rule's TOML: <c>mouse_key</c> as it is, <c>pointing_button</c> as it is.</summary>
internal static class MouseEventConverter
{
    private static readonly string[] VelocityFields = ["x", "y", "vertical_wheel", "horizontal_wheel"];

    /// <summary><c>{ x = 1536, speed_multiplier = 0.5 }</c>, or null with why in <paramref name="problem"/>.</summary>
    public static string? MouseKey(JsonElement value, out string? problem)
    {
        problem = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problem = "mouse_key must be an object like { \"x\": 1536 }";
            return null;
        }
        var entries = new List<string>();
        foreach (var p in value.EnumerateObject())
        {
            if (VelocityFields.Contains(p.Name))
            {
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var v) || Math.Abs(v) > 1_000_000)
                {
                    problem = $"mouse_key.{p.Name} must be a number";
                    return null;
                }
                entries.Add(TomlText.Entry(p.Name, TomlText.Integer((long)Math.Round(v))));
            }
            else if (p.Name == "speed_multiplier")
            {
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var m) || m is < 0 or > 100)
                {
                    problem = "mouse_key.speed_multiplier must be a number from 0 to 100";
                    return null;
                }
                // A TOML float always has a decimal point (1.0, not 1).
                var text = m.ToString("0.0###########", CultureInfo.InvariantCulture);
                entries.Add(TomlText.Entry(p.Name, text));
            }
            else
            {
                problem = $"'{p.Name}' in mouse_key";
                return null;
            }
        }
        return TomlText.Table(entries);
    }

    /// <summary><c>"button1"</c> … <c>"button8"</c>; the keymap takes Karabiner's names.</summary>
    public static string? PointingButton(JsonElement value, out string? problem)
    {
        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (name is not null && name.StartsWith("button", StringComparison.Ordinal)
            && int.TryParse(name["button".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8)
        {
            problem = null;
            return TomlText.String(name);
        }
        problem = $"pointing_button {value.GetRawText()} — Remapper's pointer has button1 to button8";
        return null;
    }
}
