using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Engine;

/// <summary>Builds keymap models in code, so engine tests do not depend on the TOML loader.</summary>
internal static class Km
{
    public static readonly SourceLocation At = new("test.toml", 1, 1);

    public static Usage K(ushort id) => Usage.Key(id);

    // A few keyboard-page usages by their HID ids, so these tests need no name table.
    public static readonly Usage A = K(0x04), B = K(0x05), C = K(0x06), D = K(0x07), F = K(0x09), H = K(0x0B),
        J = K(0x0D), KK = K(0x0E), L = K(0x0F), S = K(0x16), X = K(0x1B), Esc = K(0x29), Space = K(0x2C),
        Caps = K(0x39), Left = K(0x50), Down = K(0x51), Up = K(0x52), Right = K(0x4F), Backspace = K(0x2A),
        LCtrl = K(0xE0), LShift = K(0xE1), LAlt = K(0xE2), LGui = K(0xE3), RCtrl = K(0xE4), RShift = K(0xE5), RGui = K(0xE7);

    public static ChordAction Chord(params Usage[] keys) => new(keys, At);
    public static LayerAction Layer(string name, LayerActionKind kind = LayerActionKind.Momentary) => new(kind, name, At);
    public static TapHoldAction TapHold(ActionModel tap, ActionModel hold, HoldMode? mode = null, int? term = null, int? quick = null) =>
        new(tap, hold, mode, term, quick, At);
    public static Binding Bind(Usage from, ActionModel action) => new([from], action, At);
    public static Binding Combo(ActionModel action, params Usage[] keys) => new(keys, action, At);
    public static LayerModel LayerDef(string name, params Binding[] bindings) => new(name, bindings, At);

    public static RuleModel Rule(
        Usage from, ActionModel? to = null, ActionModel? alone = null, ActionModel? heldDown = null, ActionModel? afterUp = null,
        byte[]? mandatory = null, byte optional = 0, ConditionModel[]? conditions = null) =>
        new(null, new RuleFrom(from, mandatory ?? [], optional), ToEventModel.FromAction(to), ToEventModel.FromAction(alone),
            ToEventModel.FromAction(heldDown), ToEventModel.FromAction(afterUp), null, [], conditions ?? [], RuleParameters.None, At);

    /// <summary>A Karabiner-shaped rule built from to-event models.</summary>
    public static RuleModel KRule(
        Usage from, ToEventModel[]? to = null, ToEventModel[]? alone = null, ToEventModel[]? heldDown = null,
        ToEventModel[]? afterUp = null, DelayedActionModel? delayed = null, OtherKeyPressedModel[]? other = null,
        byte[]? mandatory = null, byte optional = 0, ConditionModel[]? conditions = null, ushort anyPage = 0) =>
        new(null, new RuleFrom(from, mandatory ?? [], optional, anyPage), to ?? [], alone ?? [], heldDown ?? [], afterUp ?? [],
            delayed, other ?? [], conditions ?? [], RuleParameters.None, At);

    public static ToEventModel Ev(Usage key, params Usage[] modifiers) => new(key, modifiers, At);

    public static ToEventModel SetVar(string name, VariableValue value, VariableValue? keyUp = null) =>
        new(default, [], At, SetVariable: new SetVariableModel(name, value, keyUp, false));

    /// <summary>set_variable with an expression (and optionally a key-up expression), e.g. <c>"n + 1"</c>.</summary>
    public static ToEventModel SetExpr(string name, string expression, string? keyUp = null) =>
        new(default, [], At, SetVariable: new SetVariableModel(name, VariableValue.Of(0), null, false, Expr(expression), keyUp is null ? null : Expr(keyUp)));

    public static ExpressionModel Expr(string text) =>
        Remapper.Core.Keymap.Loading.ExpressionParser.Parse(text, out var error, out _) ?? throw new ArgumentException(error);

    /// <summary>Karabiner's from_event: the key that triggered the rule.</summary>
    public static ToEventModel FromEv(params Usage[] modifiers) => new(default, modifiers, At, FromEvent: true);

    public static ToEventModel StickyEv(Usage modifier, StickyKind kind) => new(default, [], At, Sticky: new StickyModifierModel(modifier, kind));

    public static KeymapModel Model(
        Binding[]? remap = null, LayerModel[]? layers = null, RuleModel[]? rules = null, DeviceBlock[]? devices = null,
        KeymapSettings? settings = null) =>
        new("test.toml", 1, settings ?? new KeymapSettings(), devices ?? [], remap ?? [], layers ?? [], rules ?? []);
}

/// <summary>An engine plus a recorder and a virtual clock in milliseconds.</summary>
internal sealed class EngineRig
{
    public EngineRig(KeymapModel model)
    {
        Output = new RecordingOutput();
        Engine = new RemapEngine(CompiledKeymap.Compile(model), Output);
        Output.Clock = () => Engine.NowUs;
    }

    public RemapEngine Engine { get; }
    public RecordingOutput Output { get; }
    public long Ms { get; private set; }

    public EngineRig Down(Usage u, int device = 0) { Engine.Process(new KeyEvent(device, u, true, Ms * 1000)); return this; }
    public EngineRig Up(Usage u, int device = 0) { Engine.Process(new KeyEvent(device, u, false, Ms * 1000)); return this; }
    public EngineRig Tap(Usage u, int device = 0) => Down(u, device).Up(u, device);
    public EngineRig Wait(int ms) { Ms += ms; Engine.Advance(Ms * 1000); return this; }

    /// <summary>Lets every timer run, then returns the log.</summary>
    public List<string> Settle()
    {
        Wait(10_000);
        return Output.Log;
    }
}
