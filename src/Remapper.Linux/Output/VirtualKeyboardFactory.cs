using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>Creates the virtual keyboard: uhid when it works, uinput otherwise, and says which and why.</summary>
public static class VirtualKeyboardFactory
{
    public static IVirtualKeyboard? Create(ProbeEnvironment env, ILedSink leds, bool allowUhid, out OutputStatus status)
    {
        var probe = new OutputProbe(env);
        var uhidStatus = allowUhid
            ? probe.CheckNode(env.Uhid, "uhid", "CONFIG_UHID")
            : new OutputNodeStatus(env.Uhid, OutputNodeState.Failed, "uhid disabled by --output uinput");
        if (uhidStatus.State == OutputNodeState.Ok)
        {
            var uhid = UhidKeyboard.Create(env.Uhid, leds, out var errno);
            if (uhid is not null)
            {
                status = new OutputStatus(OutputKind.Uhid, "uhid is available", uhidStatus, probe.CheckNode(env.Uinput, "uinput", "CONFIG_INPUT_UINPUT"));
                return uhid;
            }
            uhidStatus = uhidStatus with
            {
                State = OutputNodeState.Failed,
                Detail = $"UHID_CREATE2 on {env.Uhid} failed: {Errno.Name(errno)} ({Libc.Describe(errno)})",
            };
        }

        var uinputStatus = probe.CheckNode(env.Uinput, "uinput", "CONFIG_INPUT_UINPUT");
        if (uinputStatus.State == OutputNodeState.Ok)
        {
            var uinput = UinputKeyboard.Create(env.Uinput, leds, out var errno);
            if (uinput is not null)
            {
                status = OutputProbe.Choose(uhidStatus, uinputStatus);
                return uinput;
            }
            uinputStatus = uinputStatus with
            {
                State = OutputNodeState.Failed,
                Detail = $"UI_DEV_CREATE on {env.Uinput} failed: {Errno.Name(errno)} ({Libc.Describe(errno)})",
            };
        }
        status = OutputProbe.Choose(uhidStatus, uinputStatus);
        return null;
    }
}
