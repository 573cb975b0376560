namespace Remapper.Core.Keymap;

/// <summary>Which way a mouse key moves the pointer (<c>mouse(up)</c>) or turns the wheel (<c>wheel(left)</c>).</summary>
public enum MouseDirection { Up, Down, Left, Right }

/// <summary><c>mouse(up)</c>: moves the pointer while the key is held, with the acceleration of <c>[settings.mouse]</c>.</summary>
public sealed record MouseMoveAction(MouseDirection Direction, SourceLocation Location) : ActionModel(Location);

/// <summary><c>wheel(down)</c>, <c>wheel(left)</c>: turns the vertical wheel, or pans, while the key is held.</summary>
public sealed record MouseWheelAction(MouseDirection Direction, SourceLocation Location) : ActionModel(Location);

/// <summary><c>button(left)</c> holds a pointer button while the key is held; <c>click(left)</c> clicks it once on the press.</summary>
public sealed record MouseButtonAction(int Button, bool Click, SourceLocation Location) : ActionModel(Location);

/// <summary><c>mouse_speed(0.5)</c>: while held, every pointer and wheel movement is multiplied by the factor.</summary>
public sealed record MouseSpeedAction(double Factor, SourceLocation Location) : ActionModel(Location);

/// <summary>
/// Karabiner's <c>mouse_key</c>: a velocity held while the key is (x, y in Karabiner's units: 128 is one pixel per
/// 20 ms report), summed with every other held one, times the product of the held speed multipliers.
/// Signs as Karabiner's: +y is down, +vertical_wheel scrolls down, +horizontal_wheel scrolls left.
/// </summary>
public sealed record MouseKeyAction(int X, int Y, int VerticalWheel, int HorizontalWheel, double SpeedMultiplier, SourceLocation Location)
    : ActionModel(Location);

/// <summary>How mouse keys move the pointer: QMK's accelerated mouse keys, or one speed throughout.</summary>
public enum MouseMode { Accelerated, Constant }

/// <summary>
/// <c>[settings.mouse]</c>: QMK's mouse-key parameters, with QMK's defaults. A held direction moves
/// <see cref="MoveDelta"/> at once, again after <see cref="DelayMs"/>, then every <see cref="IntervalMs"/>, each step
/// growing linearly to <see cref="MoveDelta"/> × <see cref="MaxSpeed"/> over <see cref="TimeToMax"/> steps (in constant
/// mode every step is <see cref="MoveDelta"/>). The wheel works the same with its own parameters.
/// </summary>
public sealed record MouseSettings
{
    public MouseMode Mode { get; init; } = MouseMode.Accelerated;
    public int DelayMs { get; init; } = 10;
    public int IntervalMs { get; init; } = 16;
    public int MoveDelta { get; init; } = 8;
    public int MaxSpeed { get; init; } = 10;
    public int TimeToMax { get; init; } = 30;
    public int WheelDelayMs { get; init; } = 10;
    public int WheelIntervalMs { get; init; } = 80;
    public int WheelDelta { get; init; } = 1;
    public int WheelMaxSpeed { get; init; } = 8;
    public int WheelTimeToMax { get; init; } = 40;
}
