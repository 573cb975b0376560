using Remapper.Backend;
using Remapper.Core.Engine;
using Remapper.Linux.Discovery;
using Remapper.Linux.Keyboards;
using Remapper.Linux.Loop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Tests.Keyboards;

/// <summary>An opened keyboard node that is only state: which keys the "kernel" says are held, whether it broke.</summary>
internal sealed class FakeHandle(InputDeviceInfo info, bool held) : IKeyboardHandle
{
    public InputDeviceInfo Info { get; } = info;
    public bool AnyKeyHeld { get; set; } = held;
    public int BrokenErrno { get; set; }
    public bool Disposed { get; private set; }

    public bool RefreshHeldKeys(out int errno)
    {
        errno = BrokenErrno;
        return errno == 0;
    }

    public void Dispose() => Disposed = true;
}

/// <summary>
/// Every port of the keyboard manager at once: which nodes open, which grabs succeed, a clock the test moves, a sink that
/// attaches seized keyboards to a real engine (so a lost keyboard's held keys can be seen released), and explanation
/// requests that wait until the test delivers them, as the real ones wait for the thread pool.
/// </summary>
internal sealed class FakeKeyboardPorts : IKeyboardOpener<FakeHandle>, IKeyboardGrabber<FakeHandle>, IManagerClock, IExplanationRequests,
    IKeyboardSink<FakeHandle>, IBackendLog
{
    public Dictionary<string, int> OpenErrno { get; } = [];
    public Dictionary<string, int> GrabErrno { get; } = [];
    public HashSet<string> HeldOnOpen { get; } = [];
    public Dictionary<string, FakeHandle> Opened { get; } = [];
    public Dictionary<FakeHandle, int> Slots { get; } = [];
    public List<string> Events { get; } = [];
    public List<string> Warnings { get; } = [];
    public int Explained { get; private set; }
    public long NowMs { get; set; } = 1_000;
    public RemapEngine Engine { get; set; } = null!;

    public FakeHandle? Open(InputDeviceInfo device, out int errno, out string operation)
    {
        operation = "open";
        errno = OpenErrno.GetValueOrDefault(device.EventName);
        if (errno != 0) return null;
        var handle = new FakeHandle(device, HeldOnOpen.Contains(device.EventName));
        Opened[device.EventName] = handle;
        return handle;
    }

    public bool TryGrab(FakeHandle keyboard, out int errno)
    {
        errno = GrabErrno.GetValueOrDefault(keyboard.Info.EventName);
        return errno == 0;
    }

    /// <summary>Explanations asked for and not delivered yet.</summary>
    public List<KeyboardExplanation> PendingExplanations { get; } = [];

    public void Request(InputDeviceInfo device, string operation, int errno)
    {
        Explained++;
        var status = device.Status(AccessClassifier.Classify(errno), $"explained: {operation} {device.DevNode} failed with {errno}", "the fix")
            with { Errno = errno };
        PendingExplanations.Add(new KeyboardExplanation(device, operation, errno, status));
    }

    /// <summary>What the loop does when the explainer's answers arrive.</summary>
    public void DeliverExplanations(KeyboardManager<FakeHandle> manager)
    {
        foreach (var answer in PendingExplanations) manager.OnExplained(answer);
        PendingExplanations.Clear();
    }

    public void Attach(FakeHandle keyboard)
    {
        Assert.False(keyboard.Disposed);
        Slots[keyboard] = Engine.AttachDevice(keyboard.Info.Identity);
        Events.Add($"attach {keyboard.Info.EventName}");
    }

    public void Detach(FakeHandle keyboard)
    {
        Assert.False(keyboard.Disposed); // the pipeline stops reading before the node is closed
        Engine.DetachDevice(Slots[keyboard], NowMs * 1000);
        Slots.Remove(keyboard);
        Events.Add($"detach {keyboard.Info.EventName}");
    }

    public bool IsDebugEnabled => false;
    public void Debug(string message) { }
    public void Info(string message) { }
    public void Warning(string message) => Warnings.Add(message);
    public void Error(string message) => Warnings.Add(message);

    public static InputDeviceInfo Keyboard(string eventName, string name = "Test Keyboard", ushort bus = 0x03, ushort vendor = 0x046d,
        ushort product = 0xc31c) =>
        new(eventName, $"/dev/input/{eventName}", name, $"usb-{eventName}", "", bus, vendor, product, 1,
            CapabilityBitmap.Empty, CapabilityBitmap.FromWords(ulong.MaxValue), null);
}

internal static class Findings
{
    public static KeyboardState StateOf(this KeyboardManager<FakeHandle> manager, string eventName) =>
        manager.Keyboards.Single(f => f.Path == $"/dev/input/{eventName}").State;
}
