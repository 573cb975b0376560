using Remapper.Core.Devices;
using Remapper.Core.Hid;

namespace Remapper.Core.Testing;

/// <summary>A parsed <c>.keytest</c> file: which keymap, which keyboards, and the test cases.</summary>
public sealed record KeyTestFile(
    string Path,
    KeymapSource Keymap,
    IReadOnlyList<TestDevice> Devices,
    IReadOnlyList<KeyTestCase> Tests);

/// <summary>
/// Where the keymap under test comes from: a file (<see cref="FilePath"/>, already resolved against the
/// test file's folder) or an inline block. Inline text keeps its original lines, with blank lines in front,
/// so keymap diagnostics point at the right line and column of the <c>.keytest</c> file itself.
/// </summary>
public sealed record KeymapSource(string? FilePath, string? InlineText, string TestFile, int Line);

/// <summary>A keyboard a test can send keys from (<c>device NAME bus=usb vendor=0x046d ...</c>).</summary>
public sealed record TestDevice(string Name, KeyboardIdentity Identity, int Line)
{
    public const string DefaultName = "default";

    /// <summary>The keyboard used when a file declares none: an ordinary external USB keyboard.</summary>
    public static TestDevice Default { get; } = new(
        DefaultName,
        new KeyboardIdentity(
            KeyboardIdentity.MakeId(DeviceBus.Usb, 0x0001, 0x0001, "keytest-default"),
            "Keytest Default Keyboard", DeviceBus.Usb, 0x0001, 0x0001, "keytest-default"),
        0);
}

/// <summary>
/// One <c>test NAME</c> block: input steps, then the output they must produce. <see cref="KnownDifference"/> is
/// the reason given by a <c>known-difference:</c> line: the expectation is a peer's (e.g. Karabiner's) and
/// Remapper is known not to meet it yet, so a failure is counted apart and a pass is news.
/// </summary>
public sealed record KeyTestCase(
    string Name,
    int Line,
    IReadOnlyList<TestStep> Steps,
    IReadOnlyList<ExpectedOutput> Expected,
    string? KnownDifference = null,
    IReadOnlyList<ExpectedMotion>? Motion = null);

/// <summary>One line of a test's input.</summary>
public abstract record TestStep(int Line);

public enum KeyStepKind { Down, Up, Tap }

/// <summary><c>caps_lock down</c>, <c>a up on usb_kb</c>, <c>a tap</c> (down then up at the same instant).</summary>
public sealed record KeyStep(Usage Usage, KeyStepKind Kind, string Device, int Line) : TestStep(Line);

/// <summary><c>150ms</c>: virtual time passes and timers due meanwhile fire at their own time.</summary>
public sealed record WaitStep(long DurationUs, int Line) : TestStep(Line);

/// <summary><c>unplug usb_kb</c>: the keyboard goes away with whatever it held.</summary>
public sealed record UnplugStep(string Device, int Line) : TestStep(Line);

/// <summary><c>keys-released usb_kb</c>: the keyboard reports every key up, with no key-up for the keys it still held.</summary>
public sealed record KeysReleasedStep(string Device, int Line) : TestStep(Line);

/// <summary><c>led caps_lock on</c>: the caps lock LED (the lock state the desktop set) changes.</summary>
public sealed record CapsLockLedStep(bool On, int Line) : TestStep(Line);

/// <summary>One line of a test's <c>expect</c> section; <see cref="TimeUs"/> is checked only when given.</summary>
public sealed record ExpectedOutput(Usage Usage, bool Down, long? TimeUs, int Line);
