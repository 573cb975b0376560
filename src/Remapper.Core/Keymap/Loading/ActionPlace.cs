namespace Remapper.Core.Keymap.Loading;

/// <summary>Where an action is written: each place accepts a different set of action kinds.</summary>
internal enum ActionPlace
{
    RemapBinding,
    LayerBinding,
    TapHoldTap,
    TapHoldHold,
    SequenceStep,
    /// <summary>A rule's <c>to</c> and <c>to_if_held_down</c>: held while the key is.</summary>
    RuleHeld,
    /// <summary>A rule's <c>to_if_alone</c> and <c>to_after_key_up</c>: tapped.</summary>
    RuleTapped,
    /// <summary>An <c>[alias]</c> value: anything; the place it is used in checks it.</summary>
    AliasDefinition,
    /// <summary>A step of a tap-dance: held if its key still is when the count ends, else tapped.</summary>
    TapDanceStep,
    /// <summary>The value of a <c>[sequences]</c> line: tapped when the sequence is typed.</summary>
    SequenceOutput,
    /// <summary>An item of a <c>{ multi = [...] }</c>: pressed with the others, held while the key is.</summary>
    MultiItem,
    /// <summary>The <c>before</c> or <c>after</c> of a timeout: held while its key is, or tapped.</summary>
    TimeoutStep,
}

internal enum ActionKind { Chord, None, Transparent, Momentary, Toggle, OneShot, Switch, Set, Sequence, TapHold, AllOf, Mouse, Macro, CapsWord, Leader, Multi, Timeout, Repeat }

internal static class ActionPlaces
{
    public static ActionKind KindOf(ActionModel action) => action switch
    {
        ChordAction => ActionKind.Chord,
        NoAction => ActionKind.None,
        TransparentAction => ActionKind.Transparent,
        LayerAction { Kind: LayerActionKind.Momentary } => ActionKind.Momentary,
        LayerAction { Kind: LayerActionKind.Toggle } => ActionKind.Toggle,
        LayerAction { Kind: LayerActionKind.OneShot } => ActionKind.OneShot,
        LayerAction => ActionKind.Switch,
        SetVariableAction => ActionKind.Set,
        SequenceAction => ActionKind.Sequence,
        TapHoldAction => ActionKind.TapHold,
        MouseMoveAction or MouseWheelAction or MouseButtonAction or MouseSpeedAction or MouseKeyAction => ActionKind.Mouse,
        TapDanceAction => ActionKind.TapHold,
        MacroAction => ActionKind.Macro,
        CapsWordAction => ActionKind.CapsWord,
        LeaderAction => ActionKind.Leader,
        NopKeyModel => ActionKind.None,
        MultiAction => ActionKind.Multi,
        TimeoutAction => ActionKind.Timeout,
        RepeatAction => ActionKind.Repeat,
        _ => ActionKind.AllOf,
    };

    public static bool Allows(this ActionPlace place, ActionKind kind) => place switch
    {
        ActionPlace.RemapBinding => kind is not (ActionKind.Transparent or ActionKind.AllOf),
        ActionPlace.LayerBinding => kind is not ActionKind.AllOf,
        ActionPlace.TapHoldTap => kind is ActionKind.Chord or ActionKind.Mouse or ActionKind.Sequence or ActionKind.Set
            or ActionKind.Toggle or ActionKind.OneShot or ActionKind.Switch or ActionKind.Macro or ActionKind.CapsWord or ActionKind.Leader
            or ActionKind.Timeout or ActionKind.Repeat,
        ActionPlace.TapHoldHold => kind is ActionKind.Chord or ActionKind.Mouse or ActionKind.Momentary,
        ActionPlace.TapDanceStep => kind is ActionKind.Chord or ActionKind.None or ActionKind.Sequence or ActionKind.Set
            or ActionKind.Momentary or ActionKind.Toggle or ActionKind.OneShot or ActionKind.Switch or ActionKind.Macro or ActionKind.CapsWord
            or ActionKind.Mouse or ActionKind.Leader or ActionKind.Repeat,
        ActionPlace.SequenceOutput => kind is ActionKind.Chord or ActionKind.None or ActionKind.Sequence or ActionKind.Set
            or ActionKind.Toggle or ActionKind.OneShot or ActionKind.Switch or ActionKind.Macro or ActionKind.CapsWord or ActionKind.Mouse,
        ActionPlace.MultiItem => kind is ActionKind.Chord or ActionKind.None or ActionKind.Sequence or ActionKind.Set
            or ActionKind.Momentary or ActionKind.Toggle or ActionKind.OneShot or ActionKind.Switch or ActionKind.Macro or ActionKind.CapsWord
            or ActionKind.Mouse,
        ActionPlace.TimeoutStep => kind is not (ActionKind.AllOf or ActionKind.Transparent),
        // Sequences appear in the next three only through an alias, and are spliced in.
        ActionPlace.SequenceStep => kind is ActionKind.Chord or ActionKind.Mouse or ActionKind.Set or ActionKind.Toggle or ActionKind.Switch
            or ActionKind.Sequence,
        ActionPlace.RuleHeld => kind is ActionKind.Chord or ActionKind.Mouse or ActionKind.None or ActionKind.Set or ActionKind.Momentary
            or ActionKind.Toggle or ActionKind.OneShot or ActionKind.Switch or ActionKind.Sequence,
        ActionPlace.RuleTapped => kind is ActionKind.Chord or ActionKind.Mouse or ActionKind.None or ActionKind.Set or ActionKind.Toggle
            or ActionKind.Switch or ActionKind.Sequence,
        _ => kind is not ActionKind.AllOf,
    };

    /// <summary>Arrays written directly in this place (not through an alias) become a sequence.</summary>
    public static bool TakesArrays(this ActionPlace place) =>
        place is ActionPlace.RemapBinding or ActionPlace.LayerBinding or ActionPlace.TapHoldTap or ActionPlace.AliasDefinition or ActionPlace.TapDanceStep
            or ActionPlace.SequenceOutput or ActionPlace.MultiItem or ActionPlace.TimeoutStep;

    public static string Describe(ActionKind kind) => kind switch
    {
        ActionKind.Chord => "a key or chord",
        ActionKind.None => "'none'",
        ActionKind.Transparent => "'transparent'",
        ActionKind.Momentary => "layer()",
        ActionKind.Toggle => "toggle()",
        ActionKind.OneShot => "oneshot()",
        ActionKind.Switch => "switch()",
        ActionKind.Set => "set()",
        ActionKind.Sequence => "a sequence",
        ActionKind.TapHold => "a tap-hold",
        ActionKind.Mouse => "a mouse action",
        ActionKind.Macro => "a macro (macro(), text() or unicode())",
        ActionKind.CapsWord => "caps_word",
        ActionKind.Leader => "leader()",
        ActionKind.Multi => "a multi",
        ActionKind.Timeout => "a timeout",
        ActionKind.Repeat => "repeat",
        _ => "a list of actions",
    };

    public static string Describe(this ActionPlace place) => place switch
    {
        ActionPlace.RemapBinding => "in [remap] or a device's remap",
        ActionPlace.LayerBinding => "in a layer",
        ActionPlace.TapHoldTap => "as the tap of a tap-hold",
        ActionPlace.TapHoldHold => "as the hold of a tap-hold",
        ActionPlace.SequenceStep => "in a sequence",
        ActionPlace.RuleHeld => "in a rule's to or to_if_held_down",
        ActionPlace.RuleTapped => "in a rule's to_if_alone or to_after_key_up",
        ActionPlace.TapDanceStep => "as a step of a tap-dance",
        ActionPlace.SequenceOutput => "as what a sequence does",
        ActionPlace.MultiItem => "in a multi",
        ActionPlace.TimeoutStep => "as the before or after of a timeout",
        _ => "in an alias",
    };

    public static string Accepted(this ActionPlace place) => place switch
    {
        ActionPlace.TapHoldTap => "a key or chord, a sequence, set(), toggle(), oneshot(), switch(), macro(), text(), unicode(), caps_word, repeat or a timeout",
        ActionPlace.TapHoldHold => "a key or chord (usually a modifier) or layer()",
        ActionPlace.SequenceStep => "keys or chords, set(), toggle() or switch()",
        ActionPlace.RuleHeld => "keys or chords, 'none', set(), layer(), toggle(), oneshot() or switch()",
        ActionPlace.RuleTapped => "keys or chords, 'none', set(), toggle() or switch()",
        ActionPlace.TapDanceStep => "a key or chord, 'none', a sequence, set(), layer(), toggle(), oneshot(), switch(), macro(), text(), unicode(), caps_word, leader() or repeat",
        ActionPlace.SequenceOutput => "a key or chord, 'none', a sequence, set(), toggle(), oneshot(), switch(), macro(), text(), unicode(), caps_word or a mouse action",
        ActionPlace.MultiItem => "a key or chord, 'none', a sequence, set(), layer(), toggle(), oneshot(), switch(), swap(), macro(), text(), unicode() or caps_word",
        _ => "a key or chord, 'none', set(), layer(), toggle(), oneshot(), switch(), macro(), text(), unicode(), caps_word, repeat, a sequence, a tap-hold or a timeout",
    };
}
