using Remapper.Backend;
using Remapper.Linux.Discovery;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Keyboards;

/// <summary>
/// Lists the input devices (sysfs reads). Called off the event loop thread: a scan can take tens of milliseconds,
/// and no key is read while the loop waits.
/// </summary>
public interface IKeyboardScanner
{
    IReadOnlyList<InputDeviceInfo> Scan();
}

/// <summary>An opened, not yet grabbed keyboard node, as the <see cref="KeyboardManager{THandle}"/> sees it.</summary>
public interface IKeyboardHandle : IDisposable
{
    InputDeviceInfo Info { get; }

    /// <summary>The kernel said a key was held when last asked (<see cref="RefreshHeldKeys"/>).</summary>
    bool AnyKeyHeld { get; }

    /// <summary>Asks the kernel again which keys are held. False with the errno when the node broke.</summary>
    bool RefreshHeldKeys(out int errno);
}

/// <summary>Opens a keyboard node (open + the first EVIOCGKEY). Null with the errno and the failing operation.</summary>
public interface IKeyboardOpener<THandle> where THandle : class, IKeyboardHandle
{
    THandle? Open(InputDeviceInfo device, out int errno, out string operation);
}

/// <summary>Takes the exclusive grab (EVIOCGRAB). False with the errno (EBUSY: someone else holds it).</summary>
public interface IKeyboardGrabber<in THandle> where THandle : class, IKeyboardHandle
{
    bool TryGrab(THandle keyboard, out int errno);
}

/// <summary>Milliseconds on a monotonic clock (waits for release, re-probe intervals).</summary>
public interface IManagerClock
{
    long NowMs { get; }
}

/// <summary>
/// Why an open or grab failed, in words with a fix. It reads /proc, /etc and the node's permissions, so the keyboard
/// manager never calls it on the loop thread: it asks through <see cref="IExplanationRequests"/>.
/// </summary>
public interface IAccessExplainer
{
    KeyboardStatus Explain(InputDeviceInfo device, string operation, int errno);
}

/// <summary>
/// Asks, and returns at once, why an open or grab failed; the answer comes back to the loop thread as
/// <see cref="KeyboardManager{THandle}.OnExplained"/>.
/// </summary>
public interface IExplanationRequests
{
    void Request(InputDeviceInfo device, string operation, int errno);
}

/// <summary>The explainer's answer for one failure (<paramref name="Operation"/> on <paramref name="Device"/> failed with <paramref name="Errno"/>).</summary>
public sealed record KeyboardExplanation(InputDeviceInfo Device, string Operation, int Errno, KeyboardStatus Status);

/// <summary>The key pipeline's side: a seized keyboard starts or stops being read and fed to the engine.</summary>
public interface IKeyboardSink<in THandle> where THandle : class, IKeyboardHandle
{
    void Attach(THandle keyboard);

    /// <summary>Stops reading it; the engine releases whatever it held. Called before the handle is disposed.</summary>
    void Detach(THandle keyboard);
}
