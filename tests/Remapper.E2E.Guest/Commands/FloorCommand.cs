using System.Text;
using Remapper.E2E.Guest.Latency;
using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Commands;

/// <summary>
/// <c>floor</c>: the smallest possible userspace remapper, the pipeline every other is divided by in
/// docs/performance.md. It seizes the source node and, per <c>read()</c> of the source:
/// <list type="bullet">
/// <item><c>--output uinput</c>: writes the events read, unchanged, to a uinput device in one <c>write()</c> (the floor
/// for a remapper with a uinput virtual keyboard);</item>
/// <item><c>--output uhid</c>: turns each key change into an 8-byte boot-keyboard report and writes one
/// <c>UHID_INPUT2</c> per change (the floor for a virtual-HID remapper such as Remapper). Only letters and modifiers
/// are translated: the workloads type nothing else. <c>--report bitmap</c> uses an n-key-rollover bitmap report (one
/// bit per key, Remapper's layout before its 30-slot key array) instead of the boot report, to tell the report layout's
/// cost from the rest.</item>
/// </list>
/// No engine, no allocation per event, no other system call. Prints "floor: ready" once its device exists.
/// </summary>
internal static unsafe class FloorCommand
{
    private const int Batch = 64;
    private static readonly HashSet<string> Flags = [];

    // KEY_LEFTCTRL, KEY_LEFTSHIFT, KEY_LEFTALT, KEY_LEFTMETA, KEY_RIGHTCTRL, KEY_RIGHTSHIFT, KEY_RIGHTALT, KEY_RIGHTMETA → 0xE0..0xE7.
    private static readonly int[] ModifierCodes = [29, 42, 56, 125, 97, 54, 100, 126];

    public static int Run(string[] args)
    {
        var options = new CommandLineArgs(args, Flags);
        string source = options.Required("--source");
        string output = options.Required("--output");
        string name = options.Text("--name") ?? "Latency Floor Keyboard";
        string report = options.Text("--report") ?? "boot";
        options.RejectUnknown();

        int input = Libc.OpenOrThrow(source, Libc.O_RDONLY);
        if (Libc.IoctlValue(input, Evdev.EVIOCGRAB, 1) < 0)
        {
            throw new GuestToolException($"EVIOCGRAB {source}: {Libc.Describe(Libc.LastError)}");
        }
        switch (output)
        {
            case "uinput":
                CopyToUinput(input, name);
                break;
            case "uhid" when report is "boot" or "bitmap":
                ReportToUhid(input, name, report == "bitmap");
                break;
            default:
                throw new GuestToolException($"--output '{output}' --report '{report}': expected uinput, or uhid with --report boot|bitmap");
        }
        return 0;
    }

    private static void Ready()
    {
        Console.WriteLine("floor: ready");
        Console.Out.Flush();
    }

    private static void CopyToUinput(int input, string name)
    {
        int uinput = Libc.OpenOrThrow("/dev/uinput", Libc.O_RDWR);
        Check(Libc.IoctlValue(uinput, Uinput.UI_SET_EVBIT, Evdev.EV_KEY), "UI_SET_EVBIT EV_KEY");
        Check(Libc.IoctlValue(uinput, Uinput.UI_SET_EVBIT, Uinput.EV_MSC), "UI_SET_EVBIT EV_MSC");
        Check(Libc.IoctlValue(uinput, Uinput.UI_SET_MSCBIT, Uinput.MSC_SCAN), "UI_SET_MSCBIT");
        for (int code = 1; code < 256; code++)
        {
            Check(Libc.IoctlValue(uinput, Uinput.UI_SET_KEYBIT, code), "UI_SET_KEYBIT");
        }
        Uinput.Setup setup = default;
        setup.BusType = 0x06; // BUS_VIRTUAL
        setup.Vendor = 0x1d6b;
        setup.Product = 0x0105;
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i < Math.Min(bytes.Length, 79); i++)
        {
            setup.Name[i] = bytes[i];
        }
        Check(Libc.Ioctl(uinput, Uinput.UI_DEV_SETUP, &setup), "UI_DEV_SETUP");
        Check(Libc.IoctlValue(uinput, Uinput.UI_DEV_CREATE, 0), "UI_DEV_CREATE");
        Ready();
        var events = stackalloc Evdev.InputEvent[Batch];
        while (true)
        {
            nint n = Libc.Read(input, events, Batch * sizeof(Evdev.InputEvent));
            if (n < 0 && Libc.LastError == Libc.EINTR)
            {
                continue;
            }
            if (n <= 0)
            {
                return; // the source went away
            }
            // The kernel stamps what it emits; the source's own stamps are ignored by uinput, as for every remapper.
            Libc.WriteAll(uinput, new ReadOnlySpan<byte>(events, (int)n), "uinput");
        }
    }

    private static void ReportToUhid(int input, string name, bool bitmap)
    {
        using var keyboard = new SourceKeyboard(name, $"floor-{Environment.ProcessId}", bitmap);
        Ready();
        var events = stackalloc Evdev.InputEvent[Batch];
        while (true)
        {
            nint n = Libc.Read(input, events, Batch * sizeof(Evdev.InputEvent));
            if (n < 0 && Libc.LastError == Libc.EINTR)
            {
                continue;
            }
            if (n <= 0)
            {
                return;
            }
            int count = (int)(n / sizeof(Evdev.InputEvent));
            for (int i = 0; i < count; i++)
            {
                ref var e = ref events[i];
                if (e.Type == Evdev.EV_KEY && e.Value is 0 or 1 && e.Code < Usages.Length && Usages[e.Code] is byte usage and not 0)
                {
                    keyboard.Send(usage, e.Value == 1);
                }
            }
        }
    }

    /// <summary>evdev code → keyboard usage for letters and modifiers (0: not forwarded).</summary>
    private static readonly byte[] Usages = BuildUsages();

    private static byte[] BuildUsages()
    {
        var usages = new byte[256];
        for (int letter = 0; letter < 26; letter++)
        {
            usages[LetterCodes.Code((char)('a' + letter))] = (byte)(0x04 + letter);
        }
        for (int i = 0; i < ModifierCodes.Length; i++)
        {
            usages[ModifierCodes[i]] = (byte)(HidUsageNames.FirstModifier + i);
        }
        return usages;
    }

    private static void Check(int result, string what)
    {
        if (result < 0)
        {
            throw new GuestToolException($"{what}: {Libc.Describe(Libc.LastError)}");
        }
    }
}
