using Remapper.Core.Engine;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine.Mouse;

/// <summary>Mouse keys through the engine: what the .keytest scenarios cannot drive (reloads, pause from the daemon, deadlines).</summary>
public class MouseKeysTests
{
    private static readonly MouseMoveAction Right = new(MouseDirection.Right, At);
    private static readonly MouseButtonAction LeftButton = new(1, false, At);

    private static (RemapEngine Engine, PointerRecorder Pointer) Rig(KeymapSettings? settings = null)
    {
        var pointer = new PointerRecorder();
        var model = Model(remap: [Bind(L, Right), Bind(F, LeftButton), Bind(A, Chord(B))], settings: settings);
        var engine = new RemapEngine(CompiledKeymap.Compile(model), new RecordingOutput(), pointer);
        pointer.Clock = () => engine.NowUs;
        return (engine, pointer);
    }

    private static void Key(RemapEngine engine, Usage key, bool down, long ms) => engine.Process(new KeyEvent(0, key, down, ms * 1000));

    [Fact]
    public void A_held_direction_asks_for_the_engine_timer_at_the_delay_then_every_interval()
    {
        var (engine, pointer) = Rig();
        Key(engine, L, true, 0);
        Assert.Equal(10_000, engine.NextDeadlineUs);
        engine.Advance(10_000);
        Assert.Equal(26_000, engine.NextDeadlineUs);
        Key(engine, L, false, 20);
        Assert.Equal(long.MaxValue, engine.NextDeadlineUs);
        Assert.Equal([8, 2], pointer.Reports.Select(r => (int)r.Report.X));
    }

    [Fact]
    public void A_reload_lets_go_of_the_button_and_stops_the_pointer()
    {
        var (engine, pointer) = Rig();
        Key(engine, F, true, 0);
        Key(engine, L, true, 0);
        engine.Advance(30_000);
        engine.ReplaceKeymap(CompiledKeymap.Compile(Model(remap: [Bind(L, Chord(B))])));

        Assert.Equal(0, pointer.Buttons);
        Assert.Equal(0, engine.PointerButtons);
        Assert.False(engine.PointerMoving);
        int reports = pointer.Count;
        engine.Advance(1_000_000);
        Key(engine, L, false, 1000);
        Key(engine, F, false, 1000);
        Assert.Equal(reports, pointer.Count);
    }

    [Fact]
    public void Pausing_from_the_daemon_lets_go_of_the_button_and_stops_the_pointer()
    {
        var (engine, pointer) = Rig();
        Key(engine, F, true, 0);
        Key(engine, L, true, 0);
        engine.SetPaused(true);
        Assert.Equal(0, pointer.Buttons);
        Assert.False(engine.PointerMoving);
        Assert.Equal(long.MaxValue, engine.NextDeadlineUs);
    }

    [Fact]
    public void Release_all_at_shutdown_lets_go_of_the_button()
    {
        var (engine, pointer) = Rig();
        Key(engine, F, true, 0);
        Assert.Equal(1, pointer.Buttons);
        engine.ReleaseAll();
        Assert.Equal(0, pointer.Buttons);
    }

    [Fact]
    public void New_settings_apply_after_a_reload()
    {
        var (engine, pointer) = Rig();
        var constant = new KeymapSettings { Mouse = new MouseSettings { Mode = MouseMode.Constant, MoveDelta = 3 } };
        engine.ReplaceKeymap(CompiledKeymap.Compile(Model(remap: [Bind(L, Right)], settings: constant)));
        Key(engine, L, true, 0);
        engine.Advance(100_000);
        Key(engine, L, false, 100);
        Assert.All(pointer.Reports, r => Assert.Equal(3, r.Report.X));
    }

    [Fact]
    public void Without_a_pointer_output_mouse_actions_do_nothing_and_typing_works()
    {
        var keys = new RecordingOutput();
        var engine = new RemapEngine(CompiledKeymap.Compile(Model(remap: [Bind(L, Right), Bind(A, Chord(B))])), keys);
        Key(engine, L, true, 0);
        Key(engine, A, true, 5);
        Key(engine, A, false, 6);
        Key(engine, L, false, 50);
        Assert.Equal(["b down", "b up"], keys.Log);
    }
}

/// <summary>QMK's step sizes (quantum/mousekey.c) at the curve's points.</summary>
public class MouseCurveTests
{
    [Theory]
    [InlineData(0, 8)]     // the press: move_delta
    [InlineData(1, 2)]     // 8 × 10 × 1 / 30
    [InlineData(15, 40)]   // half way
    [InlineData(29, 77)]
    [InlineData(30, 80)]   // time_to_max: move_delta × max_speed
    [InlineData(255, 80)]
    public void Accelerated_steps_follow_QMK(int repeat, int step) =>
        Assert.Equal(step, MouseCurve.Step(MouseMode.Accelerated, repeat, 8, 10, 30, MouseCurve.MaxMove));

    [Fact]
    public void A_step_is_never_zero_and_never_beyond_the_report()
    {
        Assert.Equal(1, MouseCurve.Step(MouseMode.Accelerated, 1, 1, 8, 40, MouseCurve.MaxWheel));
        Assert.Equal(127, MouseCurve.Step(MouseMode.Accelerated, 50, 100, 100, 10, MouseCurve.MaxWheel));
        Assert.Equal(5, MouseCurve.Step(MouseMode.Constant, 200, 5, 10, 30, MouseCurve.MaxMove));
    }

    [Theory]
    [InlineData(8, 6)]
    [InlineData(-8, -6)]
    [InlineData(80, 57)]
    [InlineData(1, 1)]     // never rounds a moving axis to a standstill
    [InlineData(-1, -1)]
    public void Diagonals_are_scaled_by_181_over_256(int value, int scaled) => Assert.Equal(scaled, MouseCurve.Diagonal(value));

    [Theory]
    [InlineData(5, 0.5, 3)]   // half away from zero
    [InlineData(1, 0.1, 1)]   // slow, but still moving
    [InlineData(8, 0.0, 0)]   // a zero multiplier stops it
    [InlineData(100, 1000.0, 127)]
    public void Multipliers_scale_and_round(int unit, double factor, int scaled) =>
        Assert.Equal(scaled, MouseCurve.Scale(unit, factor, MouseCurve.MaxWheel));
}
