using Remapper.Core.Engine.Actions;
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

        var rules = new Dictionary<uint, List<CompiledRule>>();
        foreach (var rule in model.Rules)
        {
            var compiled = CompileRule(rule);
            if (!rules.TryGetValue(compiled.Key.Packed, out var list)) rules[compiled.Key.Packed] = list = [];
            list.Add(compiled);
        }

        var comboKeys = new HashSet<uint>();
        foreach (var combo in _combos)
            foreach (var key in combo.Keys) comboKeys.Add(key.Packed);

        return new CompiledKeymap(model)
        {
            TappingTermUs = model.Settings.TappingTermMs * UsPerMs,
            ComboTermUs = model.Settings.ComboTermMs * UsPerMs,
            Emergency = [.. model.Settings.EmergencySequence],
            Layers = layers,
            LayerNames = [.. _layerNames],
            Profiles = profiles,
            RulesByKey = rules.ToDictionary(r => r.Key, r => r.Value.ToArray()),
            Combos = [.. _combos],
            ComboKeys = comboKeys,
            VariableNames = [.. _variables],
            DeviceConditions = [.. _deviceConditions],
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
                _combos.Add(new CompiledCombo([.. binding.From], CompileTopLevel(binding.Action), layer, profile));
        }
        return table;
    }

    /// <summary>A binding's own action: the only place a tap-hold may stand.</summary>
    private KeyAction CompileTopLevel(ActionModel action)
    {
        if (action is not TapHoldAction th) return CompileAction(action);
        var settings = model.Settings;
        return new TapHoldKeyAction(
            CompileAction(th.Tap),
            CompileAction(th.Hold),
            th.Mode ?? settings.TapHoldMode,
            (th.TappingTermMs ?? settings.TappingTermMs) * UsPerMs,
            (th.QuickTapTermMs ?? settings.QuickTapTermMs) * UsPerMs);
    }

    private KeyAction CompileAction(ActionModel action) => action switch
    {
        ChordAction chord => new ChordKeyAction([.. chord.Keys]),
        SequenceAction seq => new TapSequenceAction([.. seq.Steps.Select(CompileAction)]),
        AllOfAction all => new AllOfKeyAction([.. all.Items.Select(CompileAction)]),
        LayerAction layer => CompileLayerAction(layer),
        SetVariableAction set => new SetVariableKeyAction(Variable(set.Name), set.Value),
        NoAction => NoOpAction.Instance,
        TransparentAction => TransparentKeyAction.Instance,
        // Validation keeps tap-hold at the top level; nested, its tap is the sensible reading.
        TapHoldAction th => CompileAction(th.Tap),
        _ => NoOpAction.Instance,
    };

    private KeyAction CompileLayerAction(LayerAction action)
    {
        int layer = _layerNames.IndexOf(action.Layer);
        if (layer < 0) return NoOpAction.Instance; // validation reports unknown layers; never crash here
        return action.Kind switch
        {
            LayerActionKind.Momentary => new MomentaryLayerAction(layer),
            LayerActionKind.Toggle => new ToggleLayerAction(layer),
            LayerActionKind.OneShot => new OneShotLayerAction(layer),
            _ => new SwitchBaseLayerAction(layer),
        };
    }

    private int Variable(string name)
    {
        int i = _variables.IndexOf(name);
        if (i >= 0) return i;
        _variables.Add(name);
        return _variables.Count - 1;
    }

    private CompiledRule CompileRule(RuleModel rule)
    {
        var variableTests = new List<VariableTest>();
        var deviceTests = new List<DeviceTest>();
        foreach (var condition in rule.Conditions)
        {
            switch (condition)
            {
                case VariableCondition v:
                    variableTests.Add(new VariableTest(Variable(v.Name), v.Value, v.Negate));
                    break;
                case DeviceCondition d:
                    _deviceConditions.Add([.. d.Matches]);
                    deviceTests.Add(new DeviceTest(_deviceConditions.Count - 1, d.Negate));
                    break;
            }
        }
        var settings = model.Settings;
        return new CompiledRule
        {
            Model = rule,
            Key = rule.From.Key,
            Mandatory = [.. rule.From.Mandatory],
            OptionalMask = rule.From.OptionalMask,
            To = Optional(rule.To),
            ToIfAlone = Optional(rule.ToIfAlone),
            ToIfHeldDown = Optional(rule.ToIfHeldDown),
            ToAfterKeyUp = Optional(rule.ToAfterKeyUp),
            VariableTests = [.. variableTests],
            DeviceTests = [.. deviceTests],
            AloneTimeoutUs = (rule.AloneTimeoutMs ?? settings.RuleAloneTimeoutMs) * UsPerMs,
            HeldDownThresholdUs = (rule.HeldDownThresholdMs ?? settings.RuleHeldDownThresholdMs) * UsPerMs,
        };
    }

    private KeyAction? Optional(ActionModel? action) => action is null ? null : CompileAction(action);
}
