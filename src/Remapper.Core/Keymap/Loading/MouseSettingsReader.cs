namespace Remapper.Core.Keymap.Loading;

/// <summary><c>[settings.mouse]</c> → <see cref="MouseSettings"/> (QMK's mouse-key parameters), defaults for what is not given.</summary>
internal sealed class MouseSettingsReader(ValueReader values)
{
    private static readonly string[] Known =
    [
        "mode", "delay_ms", "interval_ms", "move_delta", "max_speed", "time_to_max",
        "wheel_delay_ms", "wheel_interval_ms", "wheel_delta", "wheel_max_speed", "wheel_time_to_max",
    ];

    public MouseSettings? Read(TomlNode node)
    {
        if (values.Table(node) is not { } table) return null;
        var s = new MouseSettings();
        foreach (var entry in table.Entries)
        {
            if (values.IsRepeated(table, entry)) continue;
            switch (entry.Key.Value)
            {
                case "mode" when values.String(entry.Value) is { } v:
                    if (v.Value == "accelerated") s = s with { Mode = MouseMode.Accelerated };
                    else if (v.Value == "constant") s = s with { Mode = MouseMode.Constant };
                    else values.Diagnostics.Error(v.Location, $"unknown mouse mode '{MessageText.Short(v.Value)}'",
                        "it is \"accelerated\" (QMK's default) or \"constant\" (every step is move_delta)");
                    break;
                case "delay_ms" when values.Integer(entry, 0, 10_000) is { } v: s = s with { DelayMs = v }; break;
                case "interval_ms" when values.Integer(entry, 1, 1_000) is { } v: s = s with { IntervalMs = v }; break;
                case "move_delta" when values.Integer(entry, 1, 1_000) is { } v: s = s with { MoveDelta = v }; break;
                case "max_speed" when values.Integer(entry, 1, 100) is { } v: s = s with { MaxSpeed = v }; break;
                case "time_to_max" when values.Integer(entry, 1, 1_000) is { } v: s = s with { TimeToMax = v }; break;
                case "wheel_delay_ms" when values.Integer(entry, 0, 10_000) is { } v: s = s with { WheelDelayMs = v }; break;
                case "wheel_interval_ms" when values.Integer(entry, 1, 1_000) is { } v: s = s with { WheelIntervalMs = v }; break;
                case "wheel_delta" when values.Integer(entry, 1, 127) is { } v: s = s with { WheelDelta = v }; break;
                case "wheel_max_speed" when values.Integer(entry, 1, 127) is { } v: s = s with { WheelMaxSpeed = v }; break;
                case "wheel_time_to_max" when values.Integer(entry, 1, 1_000) is { } v: s = s with { WheelTimeToMax = v }; break;
                default:
                    if (!Known.Contains(entry.Key.Value)) values.UnknownKey(entry, "in [settings.mouse]", Known);
                    break;
            }
        }
        return s;
    }
}
