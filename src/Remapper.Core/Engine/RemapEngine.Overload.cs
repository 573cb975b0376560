using Remapper.Core.Engine.Actions;
using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>The overload stage's two moments: the press arms the tap, the release fires it (see <see cref="OverloadStage"/>).</summary>
public sealed partial class RemapEngine
{
    /// <summary>The hold starts now; the tap is armed with the modifiers the key's layer holds, which the tap is typed without.</summary>
    private void ActivateOverload(in Trigger trigger, OverloadKeyAction overload, long timeUs)
    {
        if (_active.IsFull) return;
        Activate(trigger, overload, timeUs);
        long tapBefore = overload.TapTermUs >= long.MaxValue - timeUs ? long.MaxValue : timeUs + overload.TapTermUs;
        _state.Overloads.Arm(trigger.Token, trigger.Device, tapBefore, _lookupModifiers);
    }

    /// <summary>
    /// After the hold was released: the tap, if still armed and in time. keyd's order: the hold's layer modifiers go
    /// up first, a waiting one-shot applies to the tap, and a modifier-holding layer the key is bound in is lifted for it.
    /// </summary>
    private void TapOverload(OverloadKeyAction overload, in Trigger trigger, long timeUs)
    {
        if (!_state.Overloads.TakeTap(trigger.Token, timeUs, out byte lift)) return;
        // Its layer's alt or super goes up guarded: the tap is what was meant, not a lone modifier tap (keyd's order).
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard, loneTap: false);
        if (overload.TapAction is not OneShotLayerAction) _state.Layers.ConsumeOneShots();
        // A layer change is no key typed: the modifiers it changes move together at the next sync (keyd's order).
        if (lift != 0 && !ChangesLayers(overload.TapAction))
        {
            _layerModifiers.Lift(trigger.Token, lift);
            _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard, loneTap: true);
        }
        overload.TapAction.Tap(_state, trigger);
        _layerModifiers.EndLift(trigger.Token);
    }

    /// <summary>
    /// An overload key released alone, whose hold is an alt or super with nothing typed since it went down: the
    /// release types the tap, so the desktop must not see a lone alt or super tap too (the modifier guard, as keyd
    /// does it: a control tap around its release). A plain layer() key tapped alone is a deliberate modifier tap; this is not.
    /// </summary>
    private bool GuardsOverloadHold(OverloadKeyAction overload, int token, long timeUs)
    {
        if (!_keymap.ModifierGuard || overload.HoldAction is not ChordKeyAction chord || !_state.Overloads.WouldTap(token, timeUs)) return false;
        var last = _output.LastPressed;
        const byte guardedBits = (1 << 2) | (1 << 3) | (1 << 6) | (1 << 7); // left and right alt and super
        if (!last.IsModifier || (last.ModifierBit & guardedBits) == 0 || _output.HoldCount(last.Id - 0xE0) != 1
            || (_output.VisibleModifiers & Usages.LeftControl.ModifierBit) != 0) return false;
        foreach (var key in chord.Keys)
            if (key == last) return true;
        return false;
    }

    private static bool ChangesLayers(KeyAction action) =>
        action is MomentaryLayerAction or ToggleLayerAction or OneShotLayerAction or SwapLayerAction or ClearLayersAction or SwitchBaseLayerAction;
}
