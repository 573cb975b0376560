using CsCheck;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine.Mouse;

/// <summary>
/// The invariant with pointer actions in the keymap: once every key is up and timers have run, no button is down,
/// no motion continues, and the keyboard output is as clean as without them — across reloads, unplugs and pauses.
/// </summary>
public class MousePropertyTests
{
    private static readonly Usage[] Pool = RandomTyping.Pool;

    private static ActionModel MouseAction(int kind, int arg) => (kind % 6) switch
    {
        0 => new MouseMoveAction((MouseDirection)(arg % 4), At),
        1 => new MouseWheelAction((MouseDirection)(arg % 4), At),
        2 => new MouseButtonAction(1 + arg % 8, false, At),
        3 => new MouseButtonAction(1 + arg % 8, true, At),
        4 => new MouseSpeedAction(arg % 2 == 0 ? 0.25 : 4, At),
        _ => new MouseKeyAction(arg % 3 * 700 - 700, arg % 5 * 300 - 600, arg % 2 * 64, 0, arg % 4 == 0 ? 0.5 : 1.0, At),
    };

    /// <summary>The engine invariant test's random keymap, with mouse actions bound (plainly, in tap-holds, layers and rules) over it.</summary>
    private static KeymapModel Build(int[] genome, int[] mouse)
    {
        var model = EngineInvariantTests.BuildKeymap(genome, []);
        var remap = new List<Binding>();
        var rules = new List<RuleModel>(model.Rules);
        var nav = new List<Binding>();
        for (int i = 0; i + 2 < mouse.Length; i += 3)
        {
            var key = Pool[mouse[i] % Pool.Length];
            var action = MouseAction(mouse[i + 1], mouse[i + 2]);
            switch (mouse[i + 2] % 4)
            {
                case 0 when remap.All(b => b.From[0] != key):
                    remap.Add(Bind(key, action));
                    break;
                case 1 when remap.All(b => b.From[0] != key):
                    remap.Add(Bind(key, TapHold(Chord(key), action)));
                    break;
                case 2 when nav.All(b => b.From[0] != key):
                    nav.Add(Bind(key, action));
                    break;
                case 3:
                    rules.Insert(0, KRule(key, to: [new ToEventModel(mouse[i + 2] % 2 == 0 ? default : LShift, [], At, Action: action)], optional: 0xFF));
                    break;
            }
        }
        var layers = model.Layers.Select(l => l.Name == "nav" ? l with { Bindings = [.. nav, .. l.Bindings.Where(b => nav.All(n => n.From[0] != b.From[0]))] } : l);
        return model with
        {
            Remap = [.. remap, .. model.Remap.Where(b => b.From.Count > 1 || remap.All(m => m.From[0] != b.From[0]))],
            Layers = [.. layers],
            Rules = rules,
        };
    }

    private static readonly Gen<(int[] Genome, int[] Mouse, (int Key, int Device, int Wait)[] Events)> Cases =
        Gen.Select(
            Gen.Int[0, 999].Array[0, 24],
            Gen.Int[0, 999].Array[3, 30],
            Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 1], Gen.Int[0, 260]).Array[1, 120]);

    [Fact]
    public void Once_every_key_is_up_no_button_is_down_and_no_motion_continues()
    {
        Cases.Sample(c =>
        {
            var pointer = new PointerRecorder();
            var keys = new RecordingOutput();
            var engine = new RemapEngine(CompiledKeymap.Compile(Build(c.Genome, c.Mouse)), keys, pointer);
            pointer.Clock = () => engine.NowUs;
            long now = RandomTyping.Type(engine, () => CompiledKeymap.Compile(Build([.. c.Genome.Reverse()], c.Mouse)), 0,
                c.Events.Select(e => (e.Key, e.Device, e.Wait, RandomTyping.OpFor(e.Wait))), 10_000_000);

            Assert.Equal(0, pointer.Buttons);
            Assert.Equal(0, engine.PointerButtons);
            Assert.False(engine.PointerMoving);
            Assert.DoesNotContain(pointer.Reports, r => r.TimeUs > now && r.Report.HasMotion);
            Assert.Empty(keys.Violations);
            Assert.Equal(System.Numerics.BitOperations.PopCount(engine.LatchedModifiers), engine.PressedOutputCount);
        }, iter: 2000);
    }
}
