using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// Karabiner-style rules. A rule matches a key press when its from.modifiers agree with the output
/// modifiers held right now and every condition holds; the first match wins. While the key is held the
/// mandatory modifiers are hidden from the output (so <c>ctrl+h → backspace</c> sends a bare backspace),
/// and come back on release if still held.
/// </summary>
public sealed partial class RemapEngine
{
    private CompiledRule? MatchRule(in KeyEvent e, out byte consumed)
    {
        consumed = 0;
        if (!_keymap.RulesByKey.TryGetValue(e.Usage.Packed, out var rules)) return null;
        byte held = _output.Modifiers;
        foreach (var rule in rules)
        {
            if (rule.MatchesModifiers(held, out consumed) && ConditionsHold(rule, e.Device)) return rule;
        }
        consumed = 0;
        return null;
    }

    private bool ConditionsHold(CompiledRule rule, int device)
    {
        foreach (var test in rule.VariableTests)
        {
            bool equal = _state.Variables[test.Variable] == test.Value;
            if (equal == test.Negate) return false;
        }
        if (rule.DeviceTests.Length == 0) return true;
        var matches = SlotOf(device)?.ConditionMatches;
        foreach (var test in rule.DeviceTests)
        {
            bool match = matches is not null && matches[test.Condition];
            if (match == test.Negate) return false;
        }
        return true;
    }

    private void PressRule(in Trigger trigger, CompiledRule rule, byte consumed, long timeUs)
    {
        if (_active.IsFull) return;
        ref var key = ref _active.Add();
        key.Token = trigger.Token;
        key.Device = trigger.Device;
        key.Usage = trigger.Usage;
        key.PressTimeUs = timeUs;
        key.Rule = rule;
        key.SuppressedModifiers = consumed;
        if (rule.ToIfHeldDown is not null) key.HeldDownAtUs = timeUs + rule.HeldDownThresholdUs;
        ForEachModifier(consumed, suppress: true);
        rule.To?.Press(_state, trigger);
    }

    private void ReleaseRule(in ActiveKey key, long timeUs)
    {
        var rule = key.Rule!;
        var trigger = key.Trigger;
        if (key.HeldDownFired) rule.ToIfHeldDown!.Release(_state, trigger);
        rule.To?.Release(_state, trigger);
        ForEachModifier(key.SuppressedModifiers, suppress: false);
        if (rule.ToIfAlone is not null && !key.OtherKeyPressed && !key.HeldDownFired
            && timeUs - key.PressTimeUs < rule.AloneTimeoutUs)
        {
            rule.ToIfAlone.Tap(_state, trigger);
        }
        rule.ToAfterKeyUp?.Tap(_state, trigger);
    }

    private void FireHeldDown(ref ActiveKey key)
    {
        key.HeldDownAtUs = long.MaxValue;
        if (key.Rule?.ToIfHeldDown is not { } action) return;
        key.HeldDownFired = true;
        action.Press(_state, key.Trigger);
    }

    /// <summary>Another key went down: held keys are no longer "alone", and pending held-down actions are off.</summary>
    private void MarkOtherKeysPressed()
    {
        for (int i = 0; i < _active.Count; i++)
        {
            ref var key = ref _active[i];
            key.OtherKeyPressed = true;
            if (!key.HeldDownFired) key.HeldDownAtUs = long.MaxValue;
        }
    }

    private void ForEachModifier(byte mask, bool suppress)
    {
        for (int bit = 0; bit < 8; bit++)
        {
            if ((mask & (1 << bit)) == 0) continue;
            var modifier = Usage.Key((ushort)(0xE0 + bit));
            if (suppress) _output.Suppress(modifier);
            else _output.Unsuppress(modifier);
        }
    }
}
