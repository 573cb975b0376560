using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Mouse;

/// <summary>
/// QMK's mouse-key step sizes (quantum/mousekey.c, the default accelerated mode): the step of the
/// <paramref name="repeat"/>-th report after a direction went down (0 = the report at the press).
/// </summary>
internal static class MouseCurve
{
    /// <summary>The HID report's X/Y are 16-bit; the wheel and pan are 8-bit.</summary>
    public const int MaxMove = short.MaxValue, MaxWheel = sbyte.MaxValue;

    public static int Step(MouseMode mode, int repeat, int delta, int maxSpeed, int timeToMax, int cap)
    {
        long unit;
        if (mode == MouseMode.Constant || repeat == 0) unit = delta;
        else if (repeat >= timeToMax) unit = (long)delta * maxSpeed;
        else unit = (long)delta * maxSpeed * repeat / timeToMax;
        return unit > cap ? cap : unit < 1 ? 1 : (int)unit;
    }

    /// <summary>
    /// Two axes at once: each × 181/256 (≈ 1/√2, QMK's times_inv_sqrt2), rounded half away from zero, never below 1,
    /// so a diagonal is as fast as a straight line.
    /// </summary>
    public static int Diagonal(int value)
    {
        long n = (long)value * 181;
        int scaled = (int)(n < 0 ? (n - 128) / 256 : (n + 128) / 256);
        return scaled != 0 ? scaled : Math.Sign(value);
    }

    /// <summary>A step times the held speed multipliers, rounded; a nonzero step stays at least 1 unless the factor is 0.</summary>
    public static int Scale(int unit, double factor, int cap)
    {
        if (factor == 1.0) return unit;
        double scaled = Math.Round(unit * factor, MidpointRounding.AwayFromZero);
        if (scaled > cap) return cap;
        if (scaled < 1) return factor > 0 ? 1 : 0;
        return (int)scaled;
    }
}
