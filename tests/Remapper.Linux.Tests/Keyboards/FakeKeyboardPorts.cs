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
/// Every port of the keyboard manager at once: which nodes open, which grabs succeed, a clock the test moves, and a
/// sink that attaches seized keyboards to a real engine (so a lost keyboard's held keys can be seen released).
/// </summary>
internal sealed class FakeKeyboardPorts : IKeyboardOpener<FakeHandle>, IKeyboardGrabber<FakeHandle>, IManagerClock, IAccessExplainer,
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

    public KeyboardFinding Explain(InputDeviceInfo device, string operation, int errno)
    {
        Explained++;
        return new KeyboardFinding(device.Identity, device.DevNode, device.Kind, AccessClassifier.Classify(errno),
            $"{operation} {device.DevNode} failed: {errno}", "the fix", errno);
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
        manager.Findings.Single(f => f.DevNode == $"/dev/input/{eventName}").State;
}
