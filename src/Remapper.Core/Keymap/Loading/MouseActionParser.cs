using System.Globalization;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// The mouse-key functions: <c>mouse(up)</c>, <c>wheel(down)</c>, <c>button(left)</c>, <c>click(right)</c> and
/// <c>mouse_speed(0.5)</c>. Reports a precise error (at the argument) and returns null for a bad one.
/// </summary>
internal static class MouseActionParser
{
    public static readonly string[] Functions = ["mouse", "wheel", "button", "click", "mouse_speed"];

    private static readonly string[] Directions = ["up", "down", "left", "right"];

    public const double MaxSpeedFactor = 100;

    public static bool Handles(string function) => Functions.Contains(function.ToLowerInvariant());

    public static ActionModel? Parse(TomlString s, string function, string argument, int argumentOffset, DiagnosticBag diagnostics)
    {
        var at = s.LocationOf(argumentOffset);
        var arg = argument.ToLowerInvariant();
        switch (function.ToLowerInvariant())
        {
            case "mouse":
                return Direction(arg) is { } move ? new MouseMoveAction(move, s.Location) : BadDirection(diagnostics, at, "mouse", argument, "e.g. mouse(left)");
            case "wheel":
                return Direction(arg) is { } wheel ? new MouseWheelAction(wheel, s.Location)
                    : BadDirection(diagnostics, at, "wheel", argument, "up and down turn the wheel, left and right pan");
            case "button":
            case "click":
                if (Button(arg) is { } button) return new MouseButtonAction(button, function.Equals("click", StringComparison.OrdinalIgnoreCase), s.Location);
                diagnostics.Error(at, $"{function.ToLowerInvariant()}() takes a pointer button, got '{MessageText.Short(argument)}'",
                    () => Suggestions.DidYouMean(arg, Hid.PointerButtons.Names) ?? "buttons are left, right, middle, back, forward or 1 to 8");
                return null;
            default:
                if (double.TryParse(argument, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor)
                    && factor is > 0 and <= MaxSpeedFactor)
                    return new MouseSpeedAction(factor, s.Location);
                diagnostics.Error(at, $"mouse_speed() takes a factor above 0 and at most {MaxSpeedFactor}, got '{MessageText.Short(argument)}'",
                    "e.g. mouse_speed(0.25) to move slowly, mouse_speed(4) to move fast");
                return null;
        }
    }

    private static MouseDirection? Direction(string arg) => arg switch
    {
        "up" => MouseDirection.Up,
        "down" => MouseDirection.Down,
        "left" => MouseDirection.Left,
        "right" => MouseDirection.Right,
        _ => null,
    };

    private static int? Button(string arg) => Hid.PointerButtons.TryParse(arg, out var n) ? n : null;

    private static ActionModel? BadDirection(DiagnosticBag diagnostics, SourceLocation at, string function, string argument, string hint)
    {
        diagnostics.Error(at, $"{function}() takes up, down, left or right, got '{MessageText.Short(argument)}'",
            () => Suggestions.DidYouMean(argument.ToLowerInvariant(), Directions) ?? hint);
        return null;
    }
}
