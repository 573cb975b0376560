using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// The engine stage for layers that hold modifiers (<c>layer(nav, ctrl)</c>, keyd's <c>[nav:C]</c>) and one-shot
/// modifiers (<c>oneshot(shift)</c>): it owns which modifiers it has pressed and which it has lifted for a key.
/// </summary>
/// <remarks>
/// The layer stack says which modifiers its entries hold (<see cref="LayerStack.HeldModifiers"/>); after every key
/// event this stage makes the output hold exactly those, eagerly, in keyd's order (alt, altgr, shift, meta,
/// control, then the other right-hand ones). A key a modifier-holding layer binds is typed without that layer's
/// modifiers: they go up just before it and come back when it is released, if the layer is still active. A one-shot
/// spent by a key press keeps its modifiers for that press: they go up at the next key event (before a press,
/// after a release), so a tapped one-shot shift then <c>a</c> gives shift down, a down, a up, shift up. Nothing here
/// allocates: fixed arrays, indexed by modifier bit.
/// </remarks>
internal sealed class LayerModifiers
{
    private const int MaxLifts = 32;

    /// <summary>Modifier bits in the order they change (keyd's: alt, altgr, shift, meta, control).</summary>
    private static readonly int[] Order = [2, 6, 1, 3, 0, 5, 4, 7];

    private readonly int[] _liftTokens = new int[MaxLifts];
    private readonly byte[] _liftMasks = new byte[MaxLifts];
    private readonly byte[] _keepMasks = new byte[MaxLifts];
    private int _liftCount;

    /// <summary>Left and right alt, left and right super: the modifiers that do something when tapped alone.</summary>
    private const byte GuardedBits = (1 << 2) | (1 << 3) | (1 << 6) | (1 << 7);

    private const byte LeftControlBit = 1;
    private byte _pressed; // bits this stage holds on the output

    /// <summary>The modifiers this stage holds down on the output now.</summary>
    public byte Pressed => _pressed;

    /// <summary>
    /// A key that <paramref name="modifiers"/>' layer binds goes down: those modifiers are let go for it, except the ones
    /// the key's own chord has (<paramref name="kept"/>, keyd: <c>a = M-b</c> in a <c>[x:M]</c> layer keeps meta down).
    /// The kept ones this stage holds too while the key is down, so they change in the same ordered pass as the lifted
    /// ones (keyd's order: shift goes down between alt and control going up).
    /// </summary>
    public void Lift(int token, byte modifiers, byte kept = 0)
    {
        if ((modifiers | kept) == 0 || _liftCount == MaxLifts) return;
        _liftTokens[_liftCount] = token;
        _keepMasks[_liftCount] = kept;
        _liftMasks[_liftCount++] = (byte)(modifiers & ~kept);
    }

    /// <summary>That key went up: its layer's modifiers may come back (at the next <see cref="Sync"/>).</summary>
    public void EndLift(int token)
    {
        for (int i = _liftCount - 1; i >= 0; i--)
        {
            if (_liftTokens[i] != token) continue;
            _liftCount--;
            _liftTokens[i] = _liftTokens[_liftCount];
            _liftMasks[i] = _liftMasks[_liftCount];
            _keepMasks[i] = _keepMasks[_liftCount];
        }
    }

    /// <summary>
    /// Presses and releases modifiers until the output holds what the layers want, minus what keys lifted. With
    /// <paramref name="guard"/>, an alt or super released right after it went down (no key in between) is wrapped
    /// in a control tap, unless <paramref name="loneTap"/>: the key that held it was tapped alone, on purpose.
    /// </summary>
    public void Sync(LayerStack layers, OutputState output, bool guard, bool loneTap = false)
    {
        byte lifted = 0, kept = 0;
        for (int i = 0; i < _liftCount; i++)
        {
            lifted |= _liftMasks[i];
            kept |= _keepMasks[i];
        }
        byte wanted = (byte)((layers.HeldModifiers() & ~lifted) | kept);
        SyncModifierBits(wanted, output, guard, loneTap);
        SyncKeys(layers, output);
    }

    private void SyncModifierBits(byte wanted, OutputState output, bool guard, bool loneTap)
    {
        if (wanted == _pressed) return;
        foreach (var bit in Order)
        {
            byte mask = (byte)(1 << bit);
            if ((wanted & mask) == (_pressed & mask)) continue;
            bool down = (wanted & mask) != 0;
            _pressed = down ? (byte)(_pressed | mask) : (byte)(_pressed & ~mask);
            var modifier = Usage.Key((ushort)(0xE0 + bit));
            bool guarded = !down && guard && !loneTap && (mask & GuardedBits) != 0 &&
                output.LastPressed == modifier && (output.VisibleModifiers & LeftControlBit) == 0;
            if (guarded) output.ChangeModifier(Usages.LeftControl, +1, lazy: false);
            output.ChangeModifier(modifier, down ? +1 : -1, lazy: false);
            if (guarded) output.ChangeModifier(Usages.LeftControl, -1, lazy: false);
        }
    }

    private const int MaxKeys = 16;
    private readonly Usage[] _keys = new Usage[MaxKeys]; // keys (not modifiers) this stage holds for one-shots, in press order
    private int _keyCount;

    /// <summary>
    /// Keys a one-shot of a chord holds (<c>{ oneshot = "ctrl+z", timeout_ms = 1000 }</c>): pressed after its modifiers,
    /// let go after them once the one-shot ends.
    /// </summary>
    private void SyncKeys(LayerStack layers, OutputState output)
    {
        for (int i = _keyCount - 1; i >= 0; i--)
        {
            if (layers.HoldsKey(_keys[i])) continue;
            var key = _keys[i];
            Array.Copy(_keys, i + 1, _keys, i, _keyCount - i - 1);
            _keyCount--;
            output.Release(key);
        }
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers.KeysAt(i) is not { } keys) continue;
            foreach (var key in keys)
            {
                if (_keyCount == MaxKeys || Holds(key)) continue;
                _keys[_keyCount++] = key;
                output.Press(key);
            }
        }
    }

    private bool Holds(Usage key)
    {
        for (int i = 0; i < _keyCount; i++)
            if (_keys[i] == key) return true;
        return false;
    }

    /// <summary>Forgets everything (the output was released as a whole).</summary>
    public void Reset()
    {
        _liftCount = 0;
        _pressed = 0;
        _keyCount = 0;
    }
}
