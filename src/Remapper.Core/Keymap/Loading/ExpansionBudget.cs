namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Bounds what a keymap compiles to. An alias is parsed once and shared, but the engine compiles it again at every
/// place it is used, so 100 000 keys bound to a 1 000-step alias would be 10⁸ actions in the daemon. Counted per use,
/// stopping at the first binding that goes over.
/// </summary>
internal sealed class ExpansionBudget(DiagnosticBag diagnostics)
{
    /// <summary>Actions (keys, steps, layer and set actions) the whole keymap may compile to.</summary>
    public const int MaxCompiledActions = 500_000;

    private long _total;
    private bool _reported;

    public void Count(IEnumerable<Binding> bindings)
    {
        foreach (var binding in bindings) Count(binding.Action, binding.Location);
    }

    public void Count(ActionModel? action, SourceLocation at)
    {
        if (action is null) return;
        AddAndCheck(Size(action), at);
    }

    /// <summary>A rule's to-list: each event is its key, its modifiers and whatever action it carries.</summary>
    public void Count(IReadOnlyList<ToEventModel> events, SourceLocation at)
    {
        foreach (var e in events)
        {
            Count(e.Action, at);
            AddAndCheck(1 + e.Modifiers.Count, at);
        }
    }

    private void AddAndCheck(long size, SourceLocation at)
    {
        if (_reported) return;
        _total += size;
        if (_total <= MaxCompiledActions) return;
        _reported = true;
        diagnostics.Error(at, $"the keymap compiles to more than {MaxCompiledActions:N0} actions by here",
            "long sequences behind aliases are compiled again at every key that uses them; use them on fewer keys");
    }

    /// <summary>Sequences are flat once aliases are spliced in and a tap-hold holds two actions, so this recursion is shallow.</summary>
    private static long Size(ActionModel action) => action switch
    {
        SequenceAction s => 1 + s.Steps.Sum(Size),
        AllOfAction a => 1 + a.Items.Sum(Size),
        TapHoldAction t => 1 + Size(t.Tap) + Size(t.Hold) + (t.Options?.Timeout is { } timeout ? Size(timeout) : 0),
        TapDanceAction d => 1 + d.Steps.Sum(Size),
        MultiAction m => 1 + m.Items.Sum(Size),
        MacroAction m => 1 + m.Steps.Sum(MacroSteps),
        TimeoutAction t => 1 + Size(t.Before) + Size(t.After),
        _ => 1,
    };

    /// <summary>The key steps a macro step compiles to: a code point through the input method is a dozen or more.</summary>
    private static long MacroSteps(MacroStepModel step) => step switch
    {
        MacroChordStep c => 2 * c.Keys.Count,
        MacroTextStep t => t.Text.Length,
        MacroUnicodeStep u => 16L * u.Text.Length,
        _ => 1,
    };
}
