using Remapper.Linux.Interop;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>Creates the virtual pointer the same way as the virtual keyboard was (uhid, else uinput).</summary>
public static class VirtualPointerFactory
{
    /// <summary>The pointer, or null with why (mouse keys then do nothing; typing is unaffected).</summary>
    public static IVirtualPointer? Create(ProbeEnvironment env, OutputKind keyboardKind, out string? problem)
    {
        int errno;
        if (keyboardKind == OutputKind.Uhid)
        {
            if (UhidPointer.Create(env.Uhid, out errno) is { } uhid)
            {
                problem = null;
                return uhid;
            }
            problem = $"UHID_CREATE2 of the virtual pointer on {env.Uhid} failed: {Errno.Name(errno)} ({Libc.Describe(errno)})";
            return null;
        }
        if (UinputPointer.Create(env.Uinput, out errno) is { } uinput)
        {
            problem = null;
            return uinput;
        }
        problem = $"UI_DEV_CREATE of the virtual pointer on {env.Uinput} failed: {Errno.Name(errno)} ({Libc.Describe(errno)})";
        return null;
    }
}
