using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Commands;

/// <summary>
/// <c>set-led</c>: what a desktop does when caps lock toggles: write EV_LED to the keyboard's node. On a HID
/// keyboard the kernel turns that into an output report (for uhid, a UHID_OUTPUT event to its creator).
/// </summary>
internal static class SetLedCommand
{
    public static int Run(string[] args)
    {
        if (args is not [string node, string led, string onOff])
        {
            throw new GuestToolException("set-led needs: /dev/input/eventN caps_lock|num_lock|scroll_lock on|off");
        }
        ushort code = led switch
        {
            "num_lock" => Evdev.LED_NUML,
            "caps_lock" => Evdev.LED_CAPSL,
            "scroll_lock" => Evdev.LED_SCROLLL,
            _ => throw new GuestToolException($"unknown LED '{led}'"),
        };
        int value = onOff switch
        {
            "on" => 1,
            "off" => 0,
            _ => throw new GuestToolException($"'{onOff}' is not on or off"),
        };
        int fd = Libc.OpenOrThrow(node, Libc.O_WRONLY);
        try
        {
            Evdev.WriteEvent(fd, Evdev.EV_LED, code, value);
            Evdev.WriteEvent(fd, Evdev.EV_SYN, Evdev.SYN_REPORT, 0);
        }
        finally
        {
            Libc.Close(fd);
        }
        Console.WriteLine($"{node} {led} {onOff}");
        return 0;
    }
}
