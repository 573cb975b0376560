using Remapper.Core.Engine.Actions;

namespace Remapper.Core.Engine;

public sealed partial class RemapEngine
{
    /// <summary>
    /// A number that changes whenever <see cref="ActiveLayers"/> would (base layer, or the active layers bottom to top).
    /// Allocation-free, so the event loop can compare it after every key and publish status only when layers moved.
    /// </summary>
    public long LayerFingerprint
    {
        get
        {
            var layers = _state.Layers;
            long h = layers.BaseLayer + 1;
            for (int i = 0; i < layers.Count; i++) h = h * 1_000_003 + layers.LayerAt(i) + 1;
            return h * 31 + layers.Count;
        }
    }

    private EngineState NewState(CompiledKeymap keymap)
    {
        var state = new EngineState(_output, keymap.LayerNames.Length, keymap.VariableNames.Length, _mouse)
        {
            LayerModifiers = _layerModifiers,
            ModifierGuard = keymap.ModifierGuard,
        };
        state.Sequences.Configure(keymap.Sequences, keymap.Model.Settings.SequenceBacktrackModcancel);
        return state;
    }

    /// <summary>
    /// Composite layers (<c>[layer."nav+sym"]</c>, keyd's <c>[nav+sym]</c>) come before the layer stack: the one with
    /// the most parts, all active, that binds the key wins (ties: the first in the file). The key is typed without the
    /// modifiers its parts hold, as a key a modifier-holding layer binds is.
    /// </summary>
    private KeyAction? LookupComposite(uint key)
    {
        var layers = _state.Layers;
        foreach (var composite in _keymap.Composites)
        {
            if (!_keymap.Layers[composite.Layer].TryGetValue(key, out var action) || ReferenceEquals(action, TransparentKeyAction.Instance))
                continue;
            byte modifiers = 0;
            bool active = true;
            foreach (var part in composite.Parts)
            {
                if (!layers.IsActive(part))
                {
                    active = false;
                    break;
                }
                modifiers |= layers.ModifiersOf(part);
            }
            if (!active) continue;
            _lookupModifiers = modifiers;
            return action;
        }
        return null;
    }

    /// <summary>The modifiers a plain chord action presses itself (a layer keeps them down for it rather than lifting them).</summary>
    private static byte ChordModifierBits(KeyAction action)
    {
        if (action is not ChordKeyAction chord) return 0;
        byte bits = 0;
        foreach (var key in chord.Keys)
            if (key.IsModifier) bits |= key.ModifierBit;
        return bits;
    }

    /// <summary>Waiting one-shots whose timeout is due are cancelled, and their modifiers go up now.</summary>
    private void FireOneShotTimeouts(long deadline)
    {
        if (_state.Layers.DeadlineUs > deadline) return;
        _state.Layers.ExpireOneShots(deadline);
        _layerModifiers.Sync(_state.Layers, _output, _keymap.ModifierGuard);
    }
}
