using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Actions;

/// <summary><c>mouse(up)</c>: the pointer moves that way while the key is held.</summary>
internal sealed class MouseMoveKeyAction(MouseDirection direction) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Mouse.PressMove(direction);

    public override void Release(EngineState state, in Trigger trigger) => state.Mouse.ReleaseMove(direction);
}

/// <summary><c>wheel(down)</c>: the wheel turns (or pans, for left and right) while the key is held.</summary>
internal sealed class MouseWheelKeyAction(MouseDirection direction) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Mouse.PressWheel(direction);

    public override void Release(EngineState state, in Trigger trigger) => state.Mouse.ReleaseWheel(direction);
}

/// <summary><c>button(left)</c>: the pointer button is held while the key is.</summary>
internal sealed class MouseButtonKeyAction(int button) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Mouse.PressButton(button);

    public override void Release(EngineState state, in Trigger trigger) => state.Mouse.ReleaseButton(button);
}

/// <summary><c>click(left)</c>: one click (down and up) when the key goes down.</summary>
internal sealed class MouseClickKeyAction(int button) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger)
    {
        state.Mouse.PressButton(button);
        state.Mouse.ReleaseButton(button);
    }

    public override void Release(EngineState state, in Trigger trigger) { }
}

/// <summary><c>mouse_speed(0.5)</c>: pointer and wheel steps are multiplied by the factor while the key is held.</summary>
internal sealed class MouseSpeedKeyAction(double factor) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger) => state.Mouse.PushFactor(trigger.Token, factor);

    public override void Release(EngineState state, in Trigger trigger) => state.Mouse.RemoveFactor(trigger.Token);
}

/// <summary>Karabiner's <c>mouse_key</c>: a velocity (and a speed multiplier) held while the key is.</summary>
internal sealed class MouseVelocityKeyAction(int x, int y, int verticalWheel, int horizontalWheel, double speedMultiplier) : KeyAction
{
    public override void Press(EngineState state, in Trigger trigger)
    {
        if (speedMultiplier != 1.0) state.Mouse.PushFactor(trigger.Token, speedMultiplier);
        state.Mouse.AddVelocity(x, y, verticalWheel, horizontalWheel, +1);
    }

    public override void Release(EngineState state, in Trigger trigger)
    {
        if (speedMultiplier != 1.0) state.Mouse.RemoveFactor(trigger.Token);
        state.Mouse.AddVelocity(x, y, verticalWheel, horizontalWheel, -1);
    }
}
