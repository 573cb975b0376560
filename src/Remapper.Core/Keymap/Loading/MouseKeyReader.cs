using System.Globalization;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Karabiner's mouse to-events in a rule: <c>mouse_key = { x, y, vertical_wheel, horizontal_wheel, speed_multiplier }</c>
/// and <c>pointing_button = "button1"</c>.
/// </summary>
internal sealed class MouseKeyReader(ValueReader values)
{
    private static readonly string[] Keys = ["x", "y", "vertical_wheel", "horizontal_wheel", "speed_multiplier"];

    /// <summary>Far beyond Karabiner's examples (1536 is a brisk pointer); bounds the sums of many held keys.</summary>
    private const int MaxVelocity = 1_000_000;

    public MouseKeyAction? ReadMouseKey(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        int x = 0, y = 0, wheel = 0, pan = 0;
        double multiplier = 1.0;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            if (values.IsRepeated(table, entry)) { ok = false; continue; }
            switch (entry.Key.Value)
            {
                case "x": ok &= Velocity(entry, ref x); break;
                case "y": ok &= Velocity(entry, ref y); break;
                case "vertical_wheel": ok &= Velocity(entry, ref wheel); break;
                case "horizontal_wheel": ok &= Velocity(entry, ref pan); break;
                case "speed_multiplier":
                    if (Number(entry.Value) is { } m && m is >= 0 and <= MouseActionParser.MaxSpeedFactor) multiplier = m;
                    else
                    {
                        values.Diagnostics.Error(entry.Value.Location, $"speed_multiplier is a number from 0 to {MouseActionParser.MaxSpeedFactor}",
                            "e.g. speed_multiplier = 0.5 to move at half speed while the key is held");
                        ok = false;
                    }
                    break;
                default:
                    values.UnknownKey(entry, "in a mouse_key", Keys);
                    ok = false;
                    break;
            }
        }
        return ok ? new MouseKeyAction(x, y, wheel, pan, multiplier, table.Location) : null;
    }

    /// <summary><c>"button1"</c> … <c>"button8"</c> (Karabiner's names), or our left/right/middle/back/forward.</summary>
    public MouseButtonAction? ReadPointingButton(TomlNode node)
    {
        if (values.String(node) is not { } s) return null;
        var name = s.Value.Trim();
        var number = name.StartsWith("button", StringComparison.Ordinal) ? name["button".Length..] : name;
        if (Hid.PointerButtons.TryParse(number, out var button)) return new MouseButtonAction(button, false, s.Location);
        values.Diagnostics.Error(s.Location, $"unknown pointing button '{MessageText.Short(name)}'", "buttons are button1 to button8 (button1 is the left button)");
        return null;
    }

    private bool Velocity(TomlEntry entry, ref int field)
    {
        if (values.Integer(entry, -MaxVelocity, MaxVelocity) is not { } v) return false;
        field = v;
        return true;
    }

    private static double? Number(TomlNode node) => node switch
    {
        TomlInteger i => i.Value,
        TomlFloat f => f.Value,
        _ => null,
    };
}
