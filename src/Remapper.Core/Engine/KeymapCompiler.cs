using Remapper.Core.Engine.Actions;
using Remapper.Core.Engine.Mouse;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine;

/// <summary>Turns a validated <see cref="KeymapModel"/> into a <see cref="CompiledKeymap"/>.</summary>
internal sealed class KeymapCompiler(KeymapModel model)
{
    private const long UsPerMs = 1000;

    private readonly List<string> _layerNames = [KeymapModel.BaseLayerName];
    private readonly List<string> _variables = [];
    private readonly List<DeviceMatch[]> _deviceConditions = [];
    private readonly List<CompiledCombo> _combos = [];
    private readonly List<string> _strings = [];

    public CompiledKeymap Compile()
    {
        foreach (var layer in model.Layers)
            if (!_layerNames.Contains(layer.Name)) _layerNames.Add(layer.Name);

        var layers = new Dictionary<uint, KeyAction>[_layerNames.Count];
        layers[0] = CompileBindings(model.Remap, layer: 0, profile: -1);
        for (int i = 1; i < layers.Length; i++) layers[i] = [];
        foreach (var layer in model.Layers)
        {
            int index = _layerNames.IndexOf(layer.Name);
            foreach (var (key, action) in CompileBindings(layer.Bindings, index, profile: -1))
                layers[index][key] = action;
        }

        var profiles = new Dictionary<uint, KeyAction>[model.Devices.Count];
        for (int i = 0; i < profiles.Length; i++)
            profiles[i] = CompileBindings(model.Devices[i].Remap, layer: 0, profile: i);

        var settings = model.Settings;
        var rules = new Dictionary<uint, List<CompiledRule>>();
        var anyKeyRules = new List<CompiledRule>();
        for (int order = 0; order < model.Rules.Count; order++)
        {
            var compiled = CompileRule(model.Rules[order], order);
            if (model.Rules[order].From.Simultaneous is { Count: > 1 } keys)
            {
                var threshold = model.Rules[order].Parameters.SimultaneousThresholdMs ?? settings.RuleSimultaneousThresholdMs;
                _combos.Add(new CompiledCombo([.. keys], NoOpAction.Instance, 0, -1) { Rule = compiled, TermUs = threshold * UsPerMs });
                continue;
            }
            if (compiled.From.AnyPage != 0)
            {
                anyKeyRules.Add(compiled);
                continue;
            }
            if (!rules.TryGetValue(compiled.From.Key.Packed, out var list)) rules[compiled.From.Key.Packed] = list = [];
            list.Add(compiled);
        }

        var sequencePaths = new List<ulong[]>();
        var sequenceActions = new List<KeyAction>();
        foreach (var sequence in model.Sequences)
        {
            var action = CompileAction(sequence.Action);
            foreach (var path in sequence.Paths())
            {
                sequencePaths.Add(path);
                sequenceActions.Add(action);
            }
        }

        var comboKeys = new HashSet<uint>();
        foreach (var combo in _combos)
            foreach (var key in combo.Keys) comboKeys.Add(key.Packed);

        return new CompiledKeymap(model)
        {
            TappingTermUs = model.Settings.TappingTermMs * UsPerMs,
            ComboTermUs = model.Settings.ComboTermMs * UsPerMs,
            ComboMinIdleUs = model.Settings.ComboMinIdleMs * UsPerMs,
            ComboHoldUs = model.Settings.ComboHoldMs * UsPerMs,
            ComboReleasesWait = model.Settings.ComboReleasesWait,
            ModifierGuard = model.Settings.ModifierGuard,
            Emergency = [.. model.Settings.EmergencySequence],
            Layers = layers,
            LayerNames = [.. _layerNames],
            Composites = CompileComposites(),
            Profiles = profiles,
            RulesByKey = rules.ToDictionary(r => r.Key, r => r.Value.ToArray()),
            AnyKeyRules = [.. anyKeyRules],
            Combos = [.. _combos],
            ComboKeys = comboKeys,
            VariableNames = [.. _variables],
            DeviceConditions = [.. _deviceConditions],
            Sequences = sequencePaths.Count == 0 ? SequenceTable.Empty : new SequenceTable([.. sequencePaths], [.. sequenceActions]),
        };
    }

    private Dictionary<uint, KeyAction> CompileBindings(IReadOnlyList<Binding> bindings, int layer, int profile)
    {
        var table = new Dictionary<uint, KeyAction>();
        foreach (var binding in bindings)
        {
            if (binding.From.Count == 1)
                table[binding.From[0].Packed] = CompileTopLevel(binding.Action);
            else
                _combos.Add(new CompiledCombo([.. binding.From], CompileTopLevel(binding.Action), layer, profile)
                {
                    KeyUpWhenAll = binding.Combo?.KeyUpWhenAll ?? false,
                    TermUs = (binding.Combo?.TermMs ?? 0) * UsPerMs,
                    HoldUs = binding.Combo?.HoldMs is { } holdMs ? holdMs * UsPerMs : -1,
                    DisabledLayers = binding.Combo is { } options ? [.. options.DisabledLayers.Select(name => _layerNames.IndexOf(name))] : [],
                });
        }
        return table;
    }

    /// <summary>A binding's own action: the only place a tap-hold may stand.</summary>
    private KeyAction CompileTopLevel(ActionModel action)
    {
        if (action is TapDanceAction dance)
            return new TapDanceKeyAction([.. dance.Steps.Select(CompileAction)], (dance.TermMs ?? model.Settings.TappingTermMs) * UsPerMs);
        if (action is not TapHoldAction th) return CompileAction(action);
        var settings = model.Settings;
        var hold = CompileAction(th.Hold);
        if ((th.Mode ?? settings.TapHoldMode) == HoldMode.Overload)
            return new OverloadKeyAction(CompileAction(th.Tap), hold, th.TappingTermMs is { } tapTerm ? tapTerm * UsPerMs : long.MaxValue);
        return new TapHoldKeyAction(
            CompileAction(th.Tap),
            hold,
            th.Mode ?? settings.TapHoldMode,
            (th.TappingTermMs ?? settings.TappingTermMs) * UsPerMs,
            (th.QuickTapTermMs ?? settings.QuickTapTermMs) * UsPerMs)
        {
            TimeoutAction = th.Options?.Timeout is { } timeout ? CompileAction(timeout) : hold,
            PriorIdleUs = (th.Options?.RequirePriorIdleMs ?? 0) * UsPerMs,
            ReleaseGraceUs = (th.Options?.ReleaseGraceMs ?? 0) * UsPerMs,
            Decisions = th.Options is { } options ? new TapHoldDecisions(options, settings.Hands) : TapHoldDecisions.None,
            ResetTermOnPress = th.Options?.ResetTermOnPress ?? false,
            ExpiredTermAtNextEvent = th.Options?.ExpiredTermAtNextEvent ?? false,
        };
    }

    private KeyAction CompileAction(ActionModel action) => action switch
    {
        ChordAction chord => CompileChord(chord),
        SequenceAction seq => new TapSequenceAction([.. seq.Steps.Select(CompileAction)]),
        AllOfAction all => new AllOfKeyAction([.. all.Items.Select(CompileAction)]),
        MultiAction multi => new MultiKeyAction([.. multi.Items.Select(CompileAction)]),
        LayerAction layer => CompileLayerAction(layer),
        SetVariableAction set => new SetVariableKeyAction(Variable(set.Name), set.Value),
        MacroAction macro => new MacroKeyAction(Typing.MacroCompiler.Compile(macro, model.Settings)),
        CapsWordAction capsWord => CompileCapsWord(capsWord),
        LeaderAction leader => new LeaderKeyAction(leader.Mode ?? model.Settings.SequenceInputMode, (leader.TimeoutMs ?? model.Settings.SequenceTimeoutMs) * UsPerMs),
        NopKeyModel nop => new NopKeyAction(nop.Index),
        NoAction => NoOpAction.Instance,
        TimeoutAction timeout => CompileTimeout(timeout),
        RepeatAction => RepeatKeyAction.Instance,
        TransparentAction => TransparentKeyAction.Instance,
        MouseMoveAction or MouseWheelAction or MouseButtonAction or MouseSpeedAction or MouseKeyAction => MouseActionCompiler.Compile(action),
        // Validation keeps tap-hold at the top level; nested, its tap is the sensible reading.
        TapHoldAction th => CompileAction(th.Tap),
        TapDanceAction dance => CompileAction(dance.Steps[0]),
        _ => NoOpAction.Instance,
    };

    /// <summary>
    /// A chord with its release order and lifetime: its own (chord(…) options) or the settings'. chord_ends_at_next_press
    /// is about chords of modifiers and a key (shift+9), not a lone key nor modifiers held together.
    /// </summary>
    private ChordKeyAction CompileChord(ChordAction chord)
    {
        var settings = model.Settings;
        var order = chord.ReleaseOrder ?? settings.ChordReleaseOrder;
        bool endsAtNextPress = chord.EndsAtNextPress
            ?? (settings.ChordEndsAtNextPress && chord.Keys.Any(k => k.IsModifier) && chord.Keys.Any(k => !k.IsModifier));
        return new ChordKeyAction([.. chord.Keys], order, endsAtNextPress);
    }

    /// <summary>A timeout's before and after may be overload tap-holds (validation allows no other tap-hold there).</summary>
    private TimeoutKeyAction CompileTimeout(TimeoutAction timeout) =>
        new(CompileTopLevel(timeout.Before), timeout.TimeoutMs * UsPerMs, CompileTopLevel(timeout.After));

    private KeyAction CompileLayerAction(LayerAction action)
    {
        int layer = _layerNames.IndexOf(action.Layer);
        if (layer < 0) return NoOpAction.Instance; // validation reports unknown layers; never crash here
        byte modifiers = 0;
        foreach (var m in action.Modifiers ?? []) modifiers |= m.ModifierBit;
        return action.Kind switch
        {
            LayerActionKind.Momentary => new MomentaryLayerAction(layer, modifiers),
            LayerActionKind.Toggle => new ToggleLayerAction(layer, modifiers),
            LayerActionKind.OneShot => new OneShotLayerAction(layer, modifiers,
                (action.OneShot?.TimeoutMs ?? 0) * UsPerMs, action.OneShot?.EndOnPress ?? false)
            {
                Keys = action.OneShot?.Keys is { Count: > 0 } keys ? [.. keys] : null,
            },
            LayerActionKind.Swap => new SwapLayerAction(layer, modifiers),
            LayerActionKind.Clear => ClearLayersAction.Instance,
            _ => new SwitchBaseLayerAction(layer),
        };
    }

    /// <summary>Every layer named <c>a+b</c>: active while each of its parts is. keyd's order: most parts first, then file order.</summary>
    private CompositeLayer[] CompileComposites() =>
    [
        .. _layerNames
            .Select((name, index) => (name, index))
            .Where(l => Keymap.Loading.LayerNames.IsComposite(l.name))
            .Select(l => new CompositeLayer(l.index, [.. l.name.Split('+').Select(part => _layerNames.IndexOf(part))]))
            .Where(c => c.Parts.All(p => p > 0))
            .OrderByDescending(c => c.Parts.Length),
    ];

    private CapsWordKeyAction CompileCapsWord(CapsWordAction action)
    {
        var keys = action.ShiftKeys is null && action.ContinueKeys is null
            ? Typing.CapsWordKeys.Default
            : new Typing.CapsWordKeys(action.ShiftKeys ?? [], action.ContinueKeys ?? []);
        return new CapsWordKeyAction(keys, (action.TimeoutMs ?? model.Settings.CapsWordTimeoutMs) * UsPerMs, action.Toggle,
            action.PerKeyShift);
    }

    private int Variable(string name)
    {
        int i = _variables.IndexOf(name);
        if (i >= 0) return i;
        _variables.Add(name);
        return _variables.Count - 1;
    }

    private CompiledRule CompileRule(RuleModel rule, int order)
    {
        var settings = model.Settings;
        var parameters = rule.Parameters;
        return new CompiledRule
        {
            Model = rule,
            Order = order,
            From = CompileFrom(rule.From),
            To = CompileEvents(rule.To),
            ToIfAlone = CompileEvents(rule.ToIfAlone),
            ToIfHeldDown = CompileEvents(rule.ToIfHeldDown),
            ToAfterKeyUp = CompileEvents(rule.ToAfterKeyUp),
            ToIfInvoked = rule.ToDelayedAction is { } delayed ? CompileEvents(delayed.ToIfInvoked) : null,
            ToIfCanceled = rule.ToDelayedAction is { } canceled ? CompileEvents(canceled.ToIfCanceled) : null,
            ToIfOtherKeyPressed = [.. rule.ToIfOtherKeyPressed.Select(o => new OtherKeyEntry
            {
                OtherKeys = [.. o.OtherKeys.Select(CompileFrom)],
                To = CompileEvents(o.To),
            })],
            Conditions = CompileConditions(rule.Conditions),
            AloneTimeoutUs = (parameters.AloneTimeoutMs ?? settings.RuleAloneTimeoutMs) * UsPerMs,
            HeldDownThresholdUs = (parameters.HeldDownThresholdMs ?? settings.RuleHeldDownThresholdMs) * UsPerMs,
            DelayedActionDelayUs = (parameters.DelayedActionDelayMs ?? settings.RuleDelayedActionDelayMs) * UsPerMs,
            KeyDownOrder = rule.From.Options?.KeyDownOrder ?? KeyOrder.Insensitive,
            KeyUpWhenAll = rule.From.Options?.KeyUpWhenAll ?? false,
            SimultaneousAfterKeyUp = rule.From.Options?.ToAfterKeyUp is { } after ? CompileEvents(after) : [],
        };
    }

    private static CompiledFrom CompileFrom(RuleFrom from) => new()
    {
        Key = from.Key,
        AnyPage = from.AnyKey,
        Mandatory = [.. from.Mandatory],
        OptionalMask = from.OptionalMask,
        CapsLockMandatory = from.MandatoryCapsLock,
        CapsLockOptional = from.OptionalCapsLock,
    };

    private ToEvent[] CompileEvents(IReadOnlyList<ToEventModel> events) => [.. events.Select(CompileEvent)];

    private ToEvent CompileEvent(ToEventModel e)
    {
        var set = e.SetVariable;
        return new ToEvent
        {
            Key = e.Key,
            Modifiers = [.. e.Modifiers],
            Action = e.Action is null ? null : CompileAction(e.Action),
            Variable = set is null ? -1 : Variable(set.Name),
            Value = set is null ? 0 : set.Unset ? 0 : Encode(set.Value),
            HasKeyUpValue = set?.KeyUpValue is not null,
            KeyUpValue = set?.KeyUpValue is { } up ? Encode(up) : 0,
            Expression = set?.Expression is { } x ? CompileExpression(x) : null,
            KeyUpExpression = set?.KeyUpExpression is { } ux ? CompileExpression(ux) : null,
            StickyModifier = e.Sticky?.Modifier ?? default,
            StickyKind = e.Sticky?.Kind ?? StickyKind.On,
            VkNone = e.VkNone,
            FromEvent = e.FromEvent,
            Lazy = e.Lazy,
            Repeat = e.Repeat,
            Halt = e.Halt,
            HoldDownUs = e.HoldDownMs * UsPerMs,
            Conditions = CompileConditions(e.ToConditions),
        };
    }

    private CompiledConditions CompileConditions(IReadOnlyList<ConditionModel> conditions)
    {
        if (conditions.Count == 0) return CompiledConditions.Always;
        var variableTests = new List<VariableTest>();
        var deviceTests = new List<DeviceTest>();
        var existsTests = new List<DeviceTest>();
        var expressionTests = new List<ExpressionTest>();
        bool never = false;
        foreach (var condition in conditions)
        {
            switch (condition)
            {
                case VariableCondition v:
                    variableTests.Add(new VariableTest(Variable(v.Name), Encode(v.Value), v.Negate));
                    break;
                case DeviceCondition d:
                    _deviceConditions.Add([.. d.Matches]);
                    deviceTests.Add(new DeviceTest(_deviceConditions.Count - 1, d.Negate));
                    break;
                case DeviceExistsCondition x:
                    _deviceConditions.Add([.. x.Matches]);
                    existsTests.Add(new DeviceTest(_deviceConditions.Count - 1, x.Negate));
                    break;
                case ExpressionCondition e:
                    expressionTests.Add(new ExpressionTest(CompileExpression(e.Expression), e.Negate));
                    break;
                case KeyboardTypeCondition k:
                    bool listed = k.KeyboardTypes.Contains(model.Settings.KeyboardType, StringComparer.OrdinalIgnoreCase);
                    never |= listed == k.Negate;
                    break;
            }
        }
        return new CompiledConditions([.. variableTests], [.. deviceTests], [.. existsTests], never, [.. expressionTests]);
    }

    private CompiledExpression CompileExpression(ExpressionModel expression) => new(expression, Variable);

    /// <summary>
    /// Variable values as the engine stores them: integers as they are, booleans as 1/0, and each distinct
    /// string as its own code far below any integer a keymap would use (so "on" never equals 1).
    /// </summary>
    private int Encode(VariableValue value)
    {
        if (value.Text is null) return value.Number;
        int i = _strings.IndexOf(value.Text);
        if (i < 0)
        {
            _strings.Add(value.Text);
            i = _strings.Count - 1;
        }
        return StringCodeBase + i;
    }

    private const int StringCodeBase = int.MinValue + 1;

}
