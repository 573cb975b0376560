using Remapper.Core.Engine.Actions;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Mouse;

/// <summary>Mouse action models → the runtime actions of the mouse-keys stage.</summary>
internal static class MouseActionCompiler
{
    public static KeyAction Compile(ActionModel action) => action switch
    {
        MouseMoveAction m => new MouseMoveKeyAction(m.Direction),
        MouseWheelAction w => new MouseWheelKeyAction(w.Direction),
        MouseButtonAction { Click: true } b => new MouseClickKeyAction(b.Button),
        MouseButtonAction b => new MouseButtonKeyAction(b.Button),
        MouseSpeedAction s => new MouseSpeedKeyAction(s.Factor),
        MouseKeyAction k => new MouseVelocityKeyAction(k.X, k.Y, k.VerticalWheel, k.HorizontalWheel, k.SpeedMultiplier),
        _ => NoOpAction.Instance,
    };
}
