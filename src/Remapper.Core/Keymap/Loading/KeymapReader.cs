namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// The parsed files of a keymap → one <see cref="KeymapModel"/>. Sections of included files merge into the
/// main file's; whatever is given twice is an error naming both places.
/// </summary>
internal sealed class KeymapReader(DiagnosticBag diagnostics)
{
    public const int SupportedVersion = 1;

    private static readonly string[] TopLevel = ["version", "include", "settings", "alias", "remap", "layer", "device", "rule", "sequences"];

    private readonly ValueReader _values = new(diagnostics);
    private readonly TomlTable _settings = new(SourceLocation.None, isExplicit: true);
    private readonly Dictionary<string, TomlEntry> _aliases = new(StringComparer.Ordinal);
    private readonly List<TomlEntry> _remap = [];
    private readonly Dictionary<string, TomlEntry> _layerNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TomlEntry>> _layerBindings = new(StringComparer.Ordinal);
    private readonly List<TomlNode> _devices = [];
    private readonly List<TomlNode> _rules = [];
    private readonly List<TomlEntry> _sequences = [];

    public KeymapModel Read(IReadOnlyList<KeymapSource> sources, string mainPath)
    {
        foreach (var source in sources)
        foreach (var entry in source.Root.Entries)
            Collect(entry);

        var actions = new ActionParser(diagnostics, _layerNames, _aliases);
        actions.ResolveAllAliases();
        var settings = new SettingsReader(_values).Read(_settings);
        var bindings = new BindingTableReader(diagnostics, actions, _layerNames.ContainsKey);
        var remap = bindings.Read(_remap, ActionPlace.RemapBinding);
        var layers = _layerNames
            .Select(l => new LayerModel(l.Key, bindings.Read(_layerBindings[l.Key], ActionPlace.LayerBinding), l.Value.Key.Location))
            .ToList();
        var deviceReader = new DeviceReader(_values, bindings);
        var devices = _devices.Select(deviceReader.Read).OfType<DeviceBlock>().ToList();
        var ruleReader = new RuleReader(_values, actions);
        var rules = _rules.Select(ruleReader.Read).OfType<RuleModel>().ToList();
        var sequences = new KeySequenceReader(diagnostics, actions).Read(_sequences);
        CountExpansion(remap, layers, devices, rules);

        CheckComposites();
        foreach (var (name, entry) in _layerNames)
            if (!actions.ReferencedLayers.Contains(name) && !actions.SawUnknownLayer && !LayerNames.IsComposite(name))
            {
                var shown = MessageText.Short(name);
                diagnostics.Warning(entry.Key.Location, $"layer '{shown}' is never activated",
                    $"nothing says layer({shown}), toggle({shown}), oneshot({shown}) or switch({shown})");
            }

        return new KeymapModel(mainPath, SupportedVersion, settings, devices, remap, layers, rules) { Sequences = sequences };
    }

    private void CountExpansion(List<Binding> remap, List<LayerModel> layers, List<DeviceBlock> devices, List<RuleModel> rules)
    {
        var budget = new ExpansionBudget(diagnostics);
        budget.Count(remap);
        foreach (var layer in layers) budget.Count(layer.Bindings);
        foreach (var device in devices) budget.Count(device.Remap);
        foreach (var rule in rules)
        {
            budget.Count(rule.To, rule.Location);
            budget.Count(rule.ToIfAlone, rule.Location);
            budget.Count(rule.ToIfHeldDown, rule.Location);
            budget.Count(rule.ToAfterKeyUp, rule.Location);
            if (rule.ToDelayedAction is { } delayed)
            {
                budget.Count(delayed.ToIfInvoked, rule.Location);
                budget.Count(delayed.ToIfCanceled, rule.Location);
            }
            foreach (var other in rule.ToIfOtherKeyPressed) budget.Count(other.To, rule.Location);
            if (rule.From.Options?.ToAfterKeyUp is { } afterUp) budget.Count(afterUp, rule.Location);
        }
    }

    private void Collect(TomlEntry entry)
    {
        switch (entry.Key.Value)
        {
            case "version":
                if (entry.Value is TomlInteger { Value: not SupportedVersion } v)
                    diagnostics.Error(v.Location, $"unsupported keymap version {v.Value} (this Remapper reads version {SupportedVersion})");
                else if (entry.Value is not TomlInteger)
                    diagnostics.WrongType(entry.Value, "an integer");
                break;
            case "include":
                break; // followed by IncludeResolver
            case "settings":
                if (_values.Table(entry.Value) is { } settings) foreach (var e in settings.Entries) _settings.Add(e);
                break;
            case "alias":
                if (_values.Table(entry.Value) is { } aliases)
                    foreach (var alias in aliases.Entries) AddAlias(alias);
                break;
            case "remap":
                if (_values.Table(entry.Value) is { } remap) _remap.AddRange(remap.Entries);
                break;
            case "layer":
                if (_values.Table(entry.Value) is { } layers)
                    foreach (var layer in layers.Entries) AddLayer(layer);
                break;
            case "device":
                CollectBlocks(entry, _devices, "device");
                break;
            case "rule":
                CollectBlocks(entry, _rules, "rule");
                break;
            case "sequences":
                if (_values.Table(entry.Value) is { } sequences) _sequences.AddRange(sequences.Entries);
                break;
            default:
                if (entry.Value is TomlTable or TomlArray { IsTableArray: true })
                    diagnostics.Error(entry.Key.Location, $"unknown table [{MessageText.Short(entry.Key.Value)}]",
                        () => Suggestions.DidYouMean(entry.Key.Value, TopLevel) ?? "tables are [settings], [alias], [remap], [layer.NAME], [[device]] and [[rule]]");
                else
                    _values.UnknownKey(entry, "at the top level", TopLevel);
                break;
        }
    }

    private void AddAlias(TomlEntry alias)
    {
        var name = alias.Key.Value;
        if (!ActionParser.IsVariableName(name))
            diagnostics.Error(alias.Key.Location, $"'{MessageText.Short(name)}' is not a valid alias name",
                name.StartsWith('@') ? "write the name without '@' here; use it as \"@name\"" : "use letters, digits and _");
        else if (_aliases.TryGetValue(name, out var first))
            diagnostics.Error(alias.Key.Location, $"alias '@{name}' is already defined at {first.Key.Location}");
        else
            _aliases[name] = alias;
    }

    /// <summary>A composite layer's parts must be layers of their own: it is active while they all are.</summary>
    private void CheckComposites()
    {
        foreach (var (name, entry) in _layerNames)
        {
            if (!LayerNames.IsComposite(name)) continue;
            foreach (var part in name.Split('+'))
                if (!_layerNames.ContainsKey(part))
                    diagnostics.Error(entry.Key.Location, $"the composite layer '{MessageText.Short(name)}' names '{MessageText.Short(part)}', which is no layer",
                        $"define [layer.{MessageText.Short(part)}] too: '{MessageText.Short(name)}' is active while all of its layers are");
        }
    }

    private void AddLayer(TomlEntry layer)
    {
        var name = layer.Key.Value;
        if (name == KeymapModel.BaseLayerName)
        {
            diagnostics.Error(layer.Key.Location, "[layer.base] is not allowed: the base layer is [remap]", "move these lines to [remap]");
            return;
        }
        if (!LayerNames.IsValid(name))
        {
            diagnostics.Error(layer.Key.Location, $"'{MessageText.Short(name)}' is not a valid layer name", LayerNames.Rule);
            return;
        }
        if (layer.Value is not TomlTable table)
        {
            diagnostics.Error(layer.Value.Location, $"layer '{MessageText.Short(name)}' must be a table of key = action lines, got {layer.Value.KindName}",
                $"write [layer.{name}] on its own line, then one binding per line");
            return;
        }
        if (_layerBindings.TryGetValue(name, out var bindings)) bindings.AddRange(table.Entries);
        else
        {
            _layerNames[name] = layer;
            _layerBindings[name] = [.. table.Entries];
        }
    }

    private void CollectBlocks(TomlEntry entry, List<TomlNode> into, string name)
    {
        if (entry.Value is TomlArray array) into.AddRange(array.Items);
        else if (entry.Value is TomlTable)
            diagnostics.Error(entry.Key.Location, $"[{name}] must be written [[{name}]] (double brackets)",
                $"there can be several, each starting with [[{name}]]");
        else diagnostics.WrongType(entry.Value, $"[[{name}]] tables");
    }
}
