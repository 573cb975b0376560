using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Tests.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

/// <summary>Macros, text, unicode and caps_word play from precompiled steps: typing through them allocates nothing.</summary>
public class OutputActionZeroAllocationTests
{
    private const string Keymap = """
        [remap]
        f1 = 'text("Hi, you!")'
        f2 = 'macro("ctrl+c", 5ms, "ctrl+v", cancel_on_press)'
        f3 = 'unicode("é😀")'
        f4 = "caps_word(2s)"
        f5 = 'macro("x", 10ms, text("y"), repeat=10ms, cancel_on_release)'
        f6 = "caps_word(2s, per_key_shift)"
        caps_lock = { tap = 'text("ok")', hold = "left_control" }
        """;

    private static readonly Usage F1 = K(0x3A), F2 = K(0x3B), F3 = K(0x3C), F4 = K(0x3D), F5 = K(0x3E), F6 = K(0x3F);

    private static KeyEvent[] Pattern(int device)
    {
        var script = new (Usage Key, bool Down, int GapMs)[]
        {
            (F1, true, 20), (F1, false, 20), (LShift, true, 10), (F1, true, 10), (F1, false, 10), (LShift, false, 20), // text, shift held
            (F2, true, 20), (F2, false, 20), (A, true, 2), (A, false, 20),               // macro cancelled by a press
            (F2, true, 20), (F2, false, 40),                                            // macro to its end
            (F3, true, 20), (F3, false, 20),                                            // unicode
            (F4, true, 20), (F4, false, 20), (H, true, 20), (B, true, 10), (H, false, 10), (B, false, 10),
            (K(0x1E), true, 20), (K(0x1E), false, 20), (Space, true, 20), (Space, false, 20), // caps_word, ended by space
            (F5, true, 20), (F5, false, 80), (F5, true, 55), (F5, false, 20),           // repeating macro
            (Caps, true, 20), (Caps, false, 20), (Caps, true, 250), (X, true, 10), (X, false, 10), (Caps, false, 20),
            (F1, true, 5), (F3, true, 5), (F1, false, 5), (F3, false, 40),              // two at once: queued
            (F6, true, 20), (F6, false, 20), (H, true, 20), (B, true, 10), (H, false, 10), (B, false, 10),
            (A, true, 10), (Space, true, 10), (A, false, 10), (Space, false, 20),       // caps_word per_key_shift
        };
        return AllocationDrive.Events(device, script);
    }

    [Fact]
    public void Typing_through_macros_text_unicode_and_caps_word_allocates_nothing()
    {
        AllocationDrive.AssertTypingAllocatesNothing(Keymap, Pattern, 50_000, 100_000);
    }
}
