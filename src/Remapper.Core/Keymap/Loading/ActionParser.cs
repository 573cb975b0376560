using Remapper.Core.Hid;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Action values (<c>"ctrl+t"</c>, <c>"layer(nav)"</c>, <c>["a", "b"]</c>, <c>{ tap, hold }</c>, <c>"@alias"</c>)
/// → <see cref="ActionModel"/>, checked against the place they are written in. Returns null after reporting
/// an error, so one mistake gives one diagnostic.
/// </summary>
internal sealed class ActionParser
{
    private static readonly string[] Functions = ["layer", "toggle", "oneshot", "switch", "swap", "clear", "set", "macro", "text", "unicode", "caps_word", "chord", "leader", "repeat", .. MouseActionParser.Functions];
    private static readonly string[] TapHoldKeys = ["tap", "hold", "mode", "term_ms", "quick_tap_ms", .. TapHoldOptionsReader.Keys];

    /// <summary>Aliases resolve recursively; a generated chain of 100 000 must end in an error, not a stack overflow.</summary>
    public const int MaxAliasDepth = 32;

    /// <summary>
    /// Steps of one sequence once aliases are spliced in. Far beyond any macro typed by hand, and small enough that
    /// aliases doubling each other (["@a", "@a"]) are stopped at the alias that goes over, not after 2⁴⁰ steps.
    /// </summary>
    public const int MaxSequenceSteps = 1000;

    private readonly DiagnosticBag _diagnostics;
    private readonly ValueReader _values;
    private readonly IReadOnlyDictionary<string, TomlEntry> _layers;
    private readonly IReadOnlyDictionary<string, TomlEntry> _aliases;
    private readonly Dictionary<string, ActionModel?> _resolved = new(StringComparer.Ordinal);
    private readonly List<string> _resolving = [];
    private AliasDepths? _depths;

    public ActionParser(DiagnosticBag diagnostics, IReadOnlyDictionary<string, TomlEntry> layers,
        IReadOnlyDictionary<string, TomlEntry> aliases)
    {
        _diagnostics = diagnostics;
        _values = new ValueReader(diagnostics);
        _layers = layers;
        _aliases = aliases;
    }

    /// <summary>Layers some action activates: a layer nobody activates is dead weight worth a warning.</summary>
    public HashSet<string> ReferencedLayers { get; } = new(StringComparer.Ordinal);

    /// <summary>True once a misspelt layer name was reported: any layer might be the one meant, so none is "never activated".</summary>
    public bool SawUnknownLayer { get; private set; }

    /// <summary>Resolves every alias once, so mistakes in an unused alias are reported too.</summary>
    public void ResolveAllAliases()
    {
        _depths = AliasDepths.Measure(_aliases, _diagnostics);
        foreach (var name in _aliases.Keys) ResolveAlias(name, null);
    }

    public ActionModel? Parse(TomlNode node, ActionPlace place)
    {
        switch (node)
        {
            case TomlString s:
                return ParseString(s, place);
            case TomlArray array when place.TakesArrays():
                return ParseSequence(array);
            case TomlArray array:
                _diagnostics.Error(array.Location, $"a list can't be used {place.Describe()}",
                    $"use {place.Accepted()}");
                return null;
            case TomlTable table when place.Allows(ActionKind.Multi) && table.Find("multi") is not null:
                return MultiReader.Read(table, _values, item => Parse(item, ActionPlace.MultiItem));
            case TomlTable table when place.Allows(ActionKind.OneShot) && table.Find("oneshot") is not null:
                return OneShotReader.Read(table, _values, target => Parse(target, ActionPlace.TapHoldHold));
            case TomlTable table when TimeoutReader.IsTimeout(table) && place.Allows(ActionKind.Timeout):
                return TimeoutReader.Read(table, _values, step => Parse(step, ActionPlace.TimeoutStep));
            case TomlTable table when place.Allows(ActionKind.TapHold) && table.Find("tap_dance") is not null:
                return TapDanceReader.Read(table, _values, step => Parse(step, ActionPlace.TapDanceStep));
            case TomlTable table when place.Allows(ActionKind.TapHold):
                return ParseTapHold(table);
            case TomlTable table:
                _diagnostics.Error(table.Location,
                    $"a tap-hold table can't be used {place.Describe()}; it can only be the value of a key in [remap], a layer or a device's remap");
                return null;
            default:
                _diagnostics.WrongType(node, place.TakesArrays() ? "a string, an array or a table" : "a string");
                return null;
        }
    }

    /// <summary>Items of a list, with sequences that came through an alias spliced in.</summary>
    public List<ActionModel>? ParseItems(TomlArray array, ActionPlace place)
    {
        if (array.Items.Count == 0)
        {
            _diagnostics.Error(array.Location, "an empty list does nothing", "use \"none\" for a key that does nothing");
            return null;
        }
        var items = new List<ActionModel>();
        var ok = true;
        foreach (var item in array.Items)
        {
            if (item is TomlArray nested)
            {
                _diagnostics.Error(nested.Location, "lists can't be nested", $"a list item takes {place.Accepted()}");
                ok = false;
                continue;
            }
            var action = Parse(item, place);
            if (action is null) ok = false;
            else if (action is SequenceAction fromAlias) items.AddRange(fromAlias.Steps);
            else items.Add(action);
            if (items.Count > MaxSequenceSteps)
            {
                _diagnostics.Error(array.Location, $"this list has more than {MaxSequenceSteps} steps once its aliases are spliced in",
                    "a sequence this long is almost certainly aliases that repeat each other");
                return null;
            }
        }
        return ok ? items : null;
    }

    private SequenceAction? ParseSequence(TomlArray array) =>
        ParseItems(array, ActionPlace.SequenceStep) is { } steps ? new SequenceAction(steps, array.Location) : null;

    private TapHoldAction? ParseTapHold(TomlTable table)
    {
        ActionModel? tap = null, hold = null;
        HoldMode? mode = null;
        int? term = null, quickTap = null;
        var ok = true;
        var options = new TapHoldOptions();
        var optionReader = new TapHoldOptionsReader(_values, node => Parse(node, ActionPlace.TapHoldHold));
        foreach (var entry in table.Entries)
        {
            switch (entry.Key.Value)
            {
                case "tap":
                    tap = Parse(entry.Value, ActionPlace.TapHoldTap);
                    ok &= tap is not null;
                    break;
                case "hold":
                    hold = Parse(entry.Value, ActionPlace.TapHoldHold);
                    ok &= hold is not null;
                    break;
                case "mode":
                    mode = HoldModeNames.Read(entry.Value, _values);
                    ok &= mode is not null;
                    break;
                case "term_ms":
                    term = _values.Integer(entry, 1, 10_000);
                    ok &= term is not null;
                    break;
                case "quick_tap_ms":
                    quickTap = _values.Integer(entry, 0, 10_000);
                    ok &= quickTap is not null;
                    break;
                default:
                    ok &= optionReader.TryRead(entry, ref options, out var known);
                    if (!known) _values.UnknownKey(entry, "in a tap-hold", TapHoldKeys);
                    break;
            }
        }
        var missing = (table.Find("tap"), table.Find("hold")) switch
        {
            (null, null) => "'tap' and 'hold'",
            (null, _) => "'tap'",
            (_, null) => "'hold'",
            _ => null,
        };
        if (missing is not null)
        {
            if (ValueReader.AllKnown(table, TapHoldKeys))
                _diagnostics.Error(table.Location, $"a tap-hold needs {missing}", "e.g. { tap = \"escape\", hold = \"left_control\" }");
            return null;
        }
        return ok && tap is not null && hold is not null
            ? new TapHoldAction(tap, hold, mode, term, quickTap, table.Location, options)
            : null;
    }

    public ActionModel? ParseString(TomlString s, ActionPlace place)
    {
        var text = s.Value.Trim();
        var lead = s.Value.Length - s.Value.TrimStart().Length;
        ActionModel? action;
        if (text.Length == 0)
        {
            _diagnostics.Error(s.Location, "empty action", "use \"none\" for a key that does nothing");
            return null;
        }
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
            action = new NoAction(s.Location);
        else if (text.Equals("transparent", StringComparison.OrdinalIgnoreCase) || text == "_")
            action = new TransparentAction(s.Location);
        else if (text.Length == 4 && text.StartsWith("nop", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(text[3]))
            action = new NopKeyModel(text[3] - '0', s.Location);
        else if (text.Equals("repeat", StringComparison.OrdinalIgnoreCase) || text.Equals("repeat()", StringComparison.OrdinalIgnoreCase))
            action = new RepeatAction(s.Location);
        else if (OutputActionParser.Handles(text))
            action = new OutputActionParser(_diagnostics).Parse(s, text, lead);
        else if (text[0] == '@' && !text.Contains('+'))
        {
            action = ResolveAlias(text[1..], (s, lead));
        }
        else if (text.IndexOf('(') is var open and > 0 && (!text.Contains('+') || text.IndexOf('+') > open))
            action = ParseFunction(s, text, open, lead);
        else
            action = ParseChord(s, text, lead);
        if (action is null) return null;

        var kind = ActionPlaces.KindOf(action);
        if (place.Allows(kind)) return action;
        if (kind == ActionKind.Transparent)
            _diagnostics.Error(s.Location, "'transparent' only makes sense in a layer",
                "use \"none\" to disable a key, or remove the line to keep its usual meaning");
        else
            _diagnostics.Error(s.Location, $"{ActionPlaces.Describe(kind)} can't be used {place.Describe()}",
                $"use {place.Accepted()}");
        return null;
    }

    private ActionModel? ResolveAlias(string name, (TomlString Where, int Offset)? use)
    {
        if (!_aliases.TryGetValue(name, out var definition))
        {
            if (use is { } u)
                _diagnostics.Error(u.Where.LocationOf(u.Offset), $"unknown alias '@{MessageText.Short(name)}'",
                    () => Suggestions.Nearest(name, _aliases.Keys) is { } near ? $"did you mean '@{near}'?" : "define it under [alias]");
            return null;
        }
        if (_resolved.TryGetValue(name, out var done)) return done;
        // Too deep, whatever order the aliases are written in: AliasDepths measured the chains and reported it.
        if (_depths is not null && _depths.TooDeep(name))
        {
            _resolved[name] = null;
            return null;
        }
        var cycleStart = _resolving.IndexOf(name);
        if (cycleStart >= 0)
        {
            var chain = string.Join(" → ", _resolving.Skip(cycleStart).Append(name).Select(n => "@" + n));
            var at = use is { } u ? u.Where.LocationOf(u.Offset) : definition.Key.Location;
            _diagnostics.Error(at, $"alias cycle: {chain}", "an alias can't refer back to itself");
            foreach (var n in _resolving.Skip(cycleStart)) _resolved[n] = null;
            return null;
        }
        if (_resolving.Count >= MaxAliasDepth)
        {
            var at = use is { } u2 ? u2.Where.LocationOf(u2.Offset) : definition.Key.Location;
            _diagnostics.Error(at, $"aliases refer to aliases more than {MaxAliasDepth} deep (from @{MessageText.Short(_resolving[0])})");
            foreach (var n in _resolving) _resolved[n] = null;
            return null;
        }
        _resolving.Add(name);
        var action = Parse(definition.Value, ActionPlace.AliasDefinition);
        _resolving.RemoveAt(_resolving.Count - 1);
        // A cycle found below already marked this alias as failed; keep that.
        if (!_resolved.ContainsKey(name)) _resolved[name] = action;
        return _resolved[name];
    }

    private ActionModel? ParseFunction(TomlString s, string text, int open, int lead)
    {
        var function = text[..open].Trim();
        if (!text.EndsWith(')'))
        {
            _diagnostics.Error(s.Location, $"'{MessageText.Short(text)}' is missing its closing ')'");
            return null;
        }
        var argument = text[(open + 1)..^1].Trim();
        var argumentOffset = lead + open + 1 + (text[(open + 1)..^1].Length - text[(open + 1)..^1].TrimStart().Length);
        if (function.Equals("set", StringComparison.OrdinalIgnoreCase)) return ParseSet(s, argument, argumentOffset);
        if (MouseActionParser.Handles(function)) return MouseActionParser.Parse(s, function, argument, argumentOffset, _diagnostics);
        if (function.Equals("chord", StringComparison.OrdinalIgnoreCase)) return ParseChordFunction(s, argument, argumentOffset);
        if (function.Equals("leader", StringComparison.OrdinalIgnoreCase)) return ParseLeader(s, argument, argumentOffset);
        LayerActionKind? kind = function.ToLowerInvariant() switch
        {
            "layer" => LayerActionKind.Momentary,
            "toggle" => LayerActionKind.Toggle,
            "oneshot" => LayerActionKind.OneShot,
            "switch" => LayerActionKind.SwitchBase,
            "swap" => LayerActionKind.Swap,
            "clear" => LayerActionKind.Clear,
            _ => null,
        };
        if (kind is null)
        {
            _diagnostics.Error(s.LocationOf(lead), $"unknown action '{MessageText.Short(function)}(…)'",
                () => Suggestions.DidYouMean(function, Functions) ?? "actions are layer(), toggle(), oneshot(), switch(), swap(), clear(), set(), macro(), text(), unicode(), caps_word, mouse(), wheel(), button(), click() and mouse_speed()");
            return null;
        }
        if (kind == LayerActionKind.Clear)
        {
            if (argument.Length == 0) return new LayerAction(LayerActionKind.Clear, KeymapModel.BaseLayerName, s.Location);
            _diagnostics.Error(s.LocationOf(argumentOffset), "clear() takes nothing: it turns off every toggled layer and waiting one-shot", "write clear()");
            return null;
        }
        if (argument.Length == 0)
        {
            _diagnostics.Error(s.Location, $"{function}() needs a layer name, e.g. {function}(nav)");
            return null;
        }
        IReadOnlyList<Usage>? modifiers = null;
        if (kind != LayerActionKind.SwitchBase)
        {
            var comma = argument.IndexOf(',');
            if (comma >= 0)
            {
                // layer(nav, ctrl): the layer holds these modifiers while active.
                modifiers = LayerModifierWords.Parse(argument[(comma + 1)..]);
                if (modifiers is null)
                {
                    _diagnostics.Error(s.LocationOf(argumentOffset + comma + 1), $"'{MessageText.Short(argument[(comma + 1)..].Trim())}' is not a list of modifiers",
                        $"e.g. {function}({argument[..comma].Trim()}, left_control) or {function}({argument[..comma].Trim()}, ctrl+shift)");
                    return null;
                }
                argument = argument[..comma].Trim();
            }
            else if (!_layers.ContainsKey(argument) && LayerModifierWords.Parse(argument) is { } only)
            {
                // oneshot(shift), toggle(ctrl), layer(alt): the modifiers alone, on no layer of their own.
                return new LayerAction(kind.Value, KeymapModel.BaseLayerName, s.Location, only);
            }
        }
        if (argument != KeymapModel.BaseLayerName && !_layers.ContainsKey(argument))
        {
            SawUnknownLayer = true;
            _diagnostics.Error(s.LocationOf(argumentOffset), $"unknown layer '{MessageText.Short(argument)}'",
                () => Suggestions.DidYouMean(argument, _layers.Keys.Append(KeymapModel.BaseLayerName))
                ?? (_layers.Count == 0
                    ? $"define it with a [layer.{MessageText.Short(argument)}] table"
                    : $"layers are: {string.Join(", ", _layers.Keys.Take(12))}{(_layers.Count > 12 ? ", …" : "")}"));
            return null;
        }
        if (LayerNames.IsComposite(argument))
        {
            _diagnostics.Error(s.LocationOf(argumentOffset), $"'{MessageText.Short(argument)}' is a composite layer: it is active while all of its layers are, and cannot be activated itself",
                $"activate its layers, e.g. {function}({argument.Split('+')[0]})");
            return null;
        }
        ReferencedLayers.Add(argument);
        return new LayerAction(kind.Value, argument, s.Location, modifiers);
    }

    private SetVariableAction? ParseSet(TomlString s, string arguments, int offset)
    {
        var parts = arguments.Split(',');
        if (parts.Length != 2 || !IsVariableName(parts[0].Trim()) ||
            !int.TryParse(parts[1].Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Error(s.LocationOf(offset), $"set() takes a variable name and an integer, got '{MessageText.Short(arguments)}'",
                "e.g. set(vim_mode, 1)");
            return null;
        }
        return new SetVariableAction(parts[0].Trim(), value, s.Location);
    }

    internal static bool IsVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>No keyboard sends more at once; the cap also keeps a pasted wall of '+' from costing seconds.</summary>
    public const int MaxChordKeys = 16;

    private ChordAction? ParseChord(TomlString s, string text, int lead)
    {
        if (text.Count(c => c == '+') >= MaxChordKeys)
        {
            _diagnostics.Error(s.Location, $"a chord can have at most {MaxChordKeys} keys");
            return null;
        }
        var keys = new List<Usage>();
        var ok = true;
        var offset = lead;
        foreach (var raw in text.Split('+'))
        {
            var part = raw.Trim();
            var partOffset = offset + (raw.Length - raw.TrimStart().Length);
            offset += raw.Length + 1;
            if (part.Length == 0)
            {
                _diagnostics.Error(s.Location, $"'{MessageText.Short(text)}' has an empty key name", "join key names with a single '+', e.g. ctrl+shift+t");
                return null;
            }
            if (part[0] == '@')
            {
                var alias = ResolveAlias(part[1..], (s, partOffset));
                if (alias is ChordAction chord)
                {
                    // An alias's keys get the checks written keys get: no key twice, at most MaxChordKeys in all.
                    foreach (var key in chord.Keys)
                    {
                        if (keys.Contains(key))
                        {
                            _diagnostics.Error(s.LocationOf(partOffset), $"'{MessageText.Short(part)}' repeats a key already in '{MessageText.Short(text)}'");
                            return null;
                        }
                        keys.Add(key);
                    }
                    if (TooManyKeys(keys, s, part, partOffset)) return null;
                }
                else
                {
                    if (alias is not null)
                        _diagnostics.Error(s.LocationOf(partOffset), $"'{MessageText.Short(part)}' is {ActionPlaces.Describe(ActionPlaces.KindOf(alias))}; only a key or chord alias can be joined with '+'");
                    ok = false;
                }
                continue;
            }
            if (ModifierWords.TryParseKey(part, out var usage))
            {
                if (keys.Contains(usage))
                {
                    _diagnostics.Error(s.LocationOf(partOffset), $"'{MessageText.Short(part)}' appears twice in '{MessageText.Short(text)}'");
                    ok = false;
                }
                keys.Add(usage);
                if (TooManyKeys(keys, s, part, partOffset)) return null;
                continue;
            }
            ok = false;
            if (part.Contains('(') || part.Contains(')') || part.Contains(','))
                _diagnostics.Error(s.LocationOf(partOffset), $"unknown action '{MessageText.Short(part)}'",
                    "actions are a key name, a chord like ctrl+c, 'none', layer(x), toggle(x), oneshot(x), switch(x), set(name, 1) or @alias");
            else
                _diagnostics.Error(s.LocationOf(partOffset), $"unknown key '{MessageText.Short(part)}'", () => KeyNameSuggestions.For(part));
        }
        return ok ? new ChordAction(keys, s.Location) : null;
    }

    private static readonly string[] ChordOptions = ["release=reverse", "release=pressed", "release=key_first", "until=release", "until=next_press"];

    /// <summary>
    /// <c>chord(shift+9, release=pressed, until=next_press)</c>: a chord with its own release order and lifetime instead
    /// of the [settings] ones (chord_release_order, chord_ends_at_next_press).
    /// </summary>
    private ChordAction? ParseChordFunction(TomlString s, string argument, int offset)
    {
        var parts = argument.Split(',');
        if (parts[0].Trim().Length == 0)
        {
            _diagnostics.Error(s.LocationOf(offset), "chord() needs its keys first", "e.g. chord(shift+9, release=pressed)");
            return null;
        }
        if (ParseChord(s, parts[0].Trim(), offset + (parts[0].Length - parts[0].TrimStart().Length)) is not { } chord) return null;
        ChordReleaseOrder? order = null;
        bool? endsAtNextPress = null;
        var at = offset + parts[0].Length + 1;
        for (int i = 1; i < parts.Length; at += parts[i].Length + 1, i++)
        {
            var option = string.Concat(parts[i].Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
            var where = at + (parts[i].Length - parts[i].TrimStart().Length);
            switch (option)
            {
                case "release=reverse" when order is null: order = ChordReleaseOrder.Reverse; continue;
                case "release=pressed" when order is null: order = ChordReleaseOrder.Pressed; continue;
                case "release=key_first" when order is null: order = ChordReleaseOrder.KeyFirst; continue;
                case "until=release" when endsAtNextPress is null: endsAtNextPress = false; continue;
                case "until=next_press" when endsAtNextPress is null: endsAtNextPress = true; continue;
                case "release=reverse" or "release=pressed" or "release=key_first" or "until=release" or "until=next_press":
                    _diagnostics.Error(s.LocationOf(where), $"chord() is given '{option[..option.IndexOf('=')]}' twice");
                    return null;
                default:
                    _diagnostics.Error(s.LocationOf(where), $"'{MessageText.Short(parts[i].Trim())}' is not a chord() option",
                        () => Suggestions.DidYouMean(option, ChordOptions) ?? $"options are {string.Join(", ", ChordOptions)}");
                    return null;
            }
        }
        return chord with { ReleaseOrder = order, EndsAtNextPress = endsAtNextPress };
    }

    /// <summary>Past <see cref="MaxChordKeys"/>, at the part that went over (written keys and aliases' keys alike).</summary>
    private bool TooManyKeys(List<Usage> keys, TomlString s, string part, int partOffset)
    {
        if (keys.Count <= MaxChordKeys) return false;
        _diagnostics.Error(s.LocationOf(partOffset), $"with '{MessageText.Short(part)}', this chord has more than {MaxChordKeys} keys");
        return true;
    }

    /// <summary><c>leader()</c>, <c>leader(500)</c> (a timeout in ms), <c>leader(500, visible_backspaced)</c>.</summary>
    private ActionModel? ParseLeader(TomlString s, string argument, int argumentOffset)
    {
        if (argument.Length == 0) return new LeaderAction(null, null, s.Location);
        var parts = argument.Split(',');
        var timeText = parts[0].Trim();
        if (timeText.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) timeText = timeText[..^2].TrimEnd();
        if (parts.Length > 2 || !int.TryParse(timeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) || ms is < 1 or > 60_000)
        {
            _diagnostics.Error(s.LocationOf(argumentOffset), $"'{MessageText.Short(argument)}' is not a leader timeout",
                "write leader(), leader(500) for a 500 ms timeout, or leader(500, visible_backspaced)");
            return null;
        }
        SequenceInputMode? mode = null;
        if (parts.Length == 2)
        {
            if (!SequenceInputModeNames.TryParse(parts[1].Trim(), out var m))
            {
                _diagnostics.Error(s.LocationOf(argumentOffset), $"unknown sequence input mode '{MessageText.Short(parts[1].Trim())}'", $"it is {SequenceInputModeNames.List}");
                return null;
            }
            mode = m;
        }
        return new LeaderAction(ms, mode, s.Location);
    }
}
