using Remapper.Linux.Discovery;
using Remapper.Linux.Probe;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Keyboards;

/// <summary>The keyboard manager's ports on a real system: evdev nodes, EVIOCGRAB, sysfs and the monotonic clock.</summary>
public sealed class EvdevPorts(ProbeEnvironment env)
    : IKeyboardOpener<EvdevKeyboard>, IKeyboardGrabber<EvdevKeyboard>, IManagerClock, IKeyboardScanner
{
    private readonly InputDeviceScanner _scanner = new(env.SysRoot, env.DevRoot);

    public EvdevKeyboard? Open(InputDeviceInfo device, out int errno, out string operation) => EvdevKeyboard.Open(device, out errno, out operation);

    public bool TryGrab(EvdevKeyboard keyboard, out int errno) => keyboard.TryGrab(out errno);

    public long NowMs => Environment.TickCount64;

    public IReadOnlyList<InputDeviceInfo> Scan() => _scanner.Scan();

    /// <summary>A full scan with the note for a machine without /dev/input (evdev not loaded). Off the loop thread.</summary>
    public ScanResult ScanWithNote()
    {
        if (Directory.Exists(env.DevInput)) return new ScanResult(Scan(), null);
        return new ScanResult(Scan(), new KernelSupport(env).Explain("evdev", env.DevInput, "CONFIG_INPUT_EVDEV").AsNote());
    }
}
