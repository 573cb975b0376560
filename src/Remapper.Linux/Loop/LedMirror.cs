using Remapper.Core.Hid;
using Remapper.Linux.Output;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Loop;

/// <summary>
/// Lights caps/num/scroll lock on every seized keyboard the way the desktop set them on the virtual keyboard,
/// since the desktop now only talks to the virtual one. Runs on the event loop thread.
/// </summary>
public sealed class LedMirror : ILedSink
{
    private readonly List<EvdevKeyboard> _keyboards = [];

    public KeyboardLeds Current { get; private set; }

    /// <summary>
    /// Called (on the loop thread, where output reports are read) when the caps lock LED the desktop sets changes: the
    /// engine follows the real lock state, so rules with <c>caps_lock</c> in <c>from.modifiers</c> see what the user
    /// sees even after caps lock was toggled by another keyboard or by the desktop itself.
    /// </summary>
    public Action<bool>? CapsLockChanged { get; set; }

    public void Add(EvdevKeyboard keyboard)
    {
        _keyboards.Add(keyboard);
        Apply(keyboard, Current);
    }

    public void Remove(EvdevKeyboard keyboard) => _keyboards.Remove(keyboard);

    public void SetLeds(KeyboardLeds leds)
    {
        bool capsChanged = ((Current ^ leds) & KeyboardLeds.CapsLock) != 0;
        Current = leds;
        if (capsChanged) CapsLockChanged?.Invoke((leds & KeyboardLeds.CapsLock) != 0);
        foreach (var keyboard in _keyboards) Apply(keyboard, leds);
    }

    private static void Apply(EvdevKeyboard keyboard, KeyboardLeds leds) =>
        keyboard.SetLeds((leds & KeyboardLeds.NumLock) != 0, (leds & KeyboardLeds.CapsLock) != 0, (leds & KeyboardLeds.ScrollLock) != 0);
}
