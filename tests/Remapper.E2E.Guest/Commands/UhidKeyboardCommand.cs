using System.Globalization;
using System.Text;
using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Commands;

/// <summary>
/// <c>uhid-keyboard</c>: a real HID keyboard made through /dev/uhid, driven by text lines. The kernel treats it like
/// hardware on the given bus (hid-generic binds it, evdev gives it a node), so Remapper sees it as it would a real
/// USB, Bluetooth, SPI or I2C keyboard.
/// </summary>
internal static unsafe class UhidKeyboardCommand
{
    private static readonly HashSet<string> Flags = [];

    public static int Run(string[] args)
    {
        var options = new CommandLineArgs(args, Flags);
        string name = options.Required("--name");
        ushort bus = ParseBus(options.Text("--bus") ?? "usb");
        uint vendor = (uint)(options.Number("--vendor") ?? 0x05ac);
        uint product = (uint)(options.Number("--product") ?? 0x0342);
        string descriptor = options.Text("--descriptor") ?? "boot";
        string uniq = options.Text("--uniq") ?? $"e2e-uhid-{Environment.ProcessId}";
        string? inputPath = options.Text("--input");
        options.RejectUnknown();
        if (descriptor != "boot")
        {
            throw new GuestToolException($"--descriptor: only 'boot' is supported, not '{descriptor}'");
        }

        int uhid = Libc.OpenOrThrow("/dev/uhid", Libc.O_RDWR);
        Libc.WriteAll(uhid, Uhid.Create2(name, $"e2e-uhid/{uniq}", uniq, bus, vendor, product, BootKeyboard.ReportDescriptor), "UHID_CREATE2");
        Console.WriteLine($"created name=\"{name}\" bus=0x{bus:x4} vendor=0x{vendor:x4} product=0x{product:x4} uniq={uniq}");
        Console.WriteLine($"event {WaitForEventNode(uniq)}");

        int input = inputPath is null ? 0 : OpenInput(inputPath);
        var session = new Session(uhid);
        try
        {
            session.Loop(input);
        }
        finally
        {
            session.Destroy();
            Libc.Close(uhid);
        }
        return 0;
    }

    private static ushort ParseBus(string text) => text.ToLowerInvariant() switch
    {
        "usb" => 0x03,
        "bluetooth" or "bt" => 0x05,
        "i2c" => 0x18,
        "spi" => 0x1C,
        _ when text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort raw) => raw,
        _ => throw new GuestToolException($"--bus: '{text}' is not usb, bluetooth, spi, i2c or a hex bus number"),
    };

    /// <summary>
    /// A fifo opened read-write never reports end-of-file when a writer goes away, so the test can send one
    /// line per `echo ... > fifo` and the keyboard stays alive in between.
    /// </summary>
    private static int OpenInput(string path)
    {
        if (!File.Exists(path) && Libc.MkFifo(path, 0x1b6 /* 0666 */) < 0)
        {
            throw new GuestToolException($"mkfifo {path}: {Libc.Describe(Libc.LastError)}");
        }
        return Libc.OpenOrThrow(path, Libc.O_RDWR);
    }

    /// <summary>hid-generic binds the device asynchronously; find the evdev node whose input device carries our uniq.</summary>
    private static string WaitForEventNode(string uniq)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (string dir in Directory.EnumerateDirectories("/sys/class/input", "event*"))
            {
                string uniqFile = Path.Combine(dir, "device", "uniq");
                if (File.Exists(uniqFile) && File.ReadAllText(uniqFile).Trim() == uniq)
                {
                    string node = "/dev/input/" + Path.GetFileName(dir);
                    // devtmpfs creates the node a moment after sysfs announces it.
                    while (!File.Exists(node) && DateTime.UtcNow < deadline)
                    {
                        Thread.Sleep(10);
                    }
                    return node;
                }
            }
            Thread.Sleep(20);
        }
        throw new GuestToolException($"no /dev/input/event* appeared for uniq {uniq} within 20 s (is hid-generic loaded?)");
    }

    private sealed class Session(int uhid)
    {
        private readonly BootKeyboard _keyboard = new();
        private readonly byte[] _event = new byte[Uhid.EventSize];
        private readonly byte[] _incoming = new byte[Uhid.EventSize];
        private readonly StringBuilder _line = new();
        private bool _destroyed;

        public void Loop(int input)
        {
            var fds = stackalloc Libc.PollFd[2];
            fds[0] = new Libc.PollFd { Fd = uhid, Events = Libc.POLLIN };
            fds[1] = new Libc.PollFd { Fd = input, Events = Libc.POLLIN };
            byte* buffer = stackalloc byte[512];
            while (true)
            {
                fds[0].Revents = 0;
                fds[1].Revents = 0;
                if (Libc.Poll(fds, 2, -1) < 0)
                {
                    if (Libc.LastError == Libc.EINTR)
                    {
                        continue;
                    }
                    throw new GuestToolException($"poll: {Libc.Describe(Libc.LastError)}");
                }
                if ((fds[0].Revents & Libc.POLLIN) != 0)
                {
                    HandleKernelEvent();
                }
                if ((fds[1].Revents & (Libc.POLLIN | Libc.POLLHUP)) != 0)
                {
                    nint count = Libc.Read(input, buffer, 512);
                    if (count < 0 && Libc.LastError == Libc.EINTR)
                    {
                        continue;
                    }
                    if (count <= 0)
                    {
                        Console.WriteLine("# input closed");
                        return;
                    }
                    for (int i = 0; i < count; i++)
                    {
                        if (buffer[i] != (byte)'\n')
                        {
                            _line.Append((char)buffer[i]);
                            continue;
                        }
                        string line = _line.ToString();
                        _line.Clear();
                        if (!Execute(line))
                        {
                            return;
                        }
                    }
                }
            }
        }

        /// <summary>False on <c>quit</c>.</summary>
        private bool Execute(string line)
        {
            foreach (string part in line.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                try
                {
                    switch (words)
                    {
                        case ["quit"]:
                            return false;
                        case ["down", string key]:
                            Press(HidUsageNames.Parse(key), true);
                            break;
                        case ["up", string key]:
                            Press(HidUsageNames.Parse(key), false);
                            break;
                        case ["tap", string key]:
                            byte usage = HidUsageNames.Parse(key);
                            Press(usage, true);
                            Press(usage, false);
                            break;
                        case ["taps", string n, string ms, .. var keys] when keys.Length > 0
                            && int.TryParse(n, CultureInfo.InvariantCulture, out int count)
                            && int.TryParse(ms, CultureInfo.InvariantCulture, out int gap):
                            // Many taps for one line and one acknowledgement: a soak of 100 000 events must not cost
                            // 100 000 console lines, which under emulation take longer than the typing itself.
                            byte[] usages = [.. keys.Select(HidUsageNames.Parse)];
                            for (int i = 0; i < count; i++)
                            {
                                Press(usages[i % usages.Length], true);
                                Press(usages[i % usages.Length], false);
                                if (gap > 0) Thread.Sleep(gap);
                            }
                            break;
                        case ["sleep", string ms] when int.TryParse(ms, CultureInfo.InvariantCulture, out int delay):
                            Thread.Sleep(delay);
                            break;
                        default:
                            Console.WriteLine($"# error: cannot understand '{part}'");
                            continue;
                    }
                }
                catch (GuestToolException e)
                {
                    // A bad line must not take the keyboard down mid-scenario; say so where the test reads.
                    Console.WriteLine($"# error: {e.Message}");
                    continue;
                }
                Console.WriteLine($"ok {part}");
            }
            return true;
        }

        private void Press(byte usage, bool down)
        {
            if (!_keyboard.Set(usage, down))
            {
                return;
            }
            Span<byte> report = stackalloc byte[8];
            _keyboard.WriteReport(report);
            Uhid.Input2(_event, report);
            Libc.WriteAll(uhid, _event, "UHID_INPUT2");
        }

        private void HandleKernelEvent()
        {
            fixed (byte* p = _incoming)
            {
                nint count = Libc.Read(uhid, p, _incoming.Length);
                if (count < 4)
                {
                    return;
                }
            }
            uint type = Uhid.Type(_incoming);
            switch (type)
            {
                case Uhid.UHID_START: Console.WriteLine("# start"); break;
                case Uhid.UHID_STOP: Console.WriteLine("# stop"); break;
                case Uhid.UHID_OPEN: Console.WriteLine("# open"); break;
                case Uhid.UHID_CLOSE: Console.WriteLine("# close"); break;
                case Uhid.UHID_OUTPUT:
                    ReadOnlySpan<byte> data = Uhid.OutputData(_incoming);
                    byte leds = data.Length > 0 ? data[0] : (byte)0;
                    Console.WriteLine($"led num_lock={OnOff(leds, 0)} caps_lock={OnOff(leds, 1)} scroll_lock={OnOff(leds, 2)}");
                    break;
                case Uhid.UHID_GET_REPORT:
                    // No feature reports: answer at once with EIO so the kernel does not wait for a timeout.
                    Uhid.Reply(_event, Uhid.UHID_GET_REPORT_REPLY, Uhid.RequestId(_incoming), 5);
                    Libc.WriteAll(uhid, _event, "UHID_GET_REPORT_REPLY");
                    break;
                case Uhid.UHID_SET_REPORT:
                    Uhid.Reply(_event, Uhid.UHID_SET_REPORT_REPLY, Uhid.RequestId(_incoming), 0);
                    Libc.WriteAll(uhid, _event, "UHID_SET_REPORT_REPLY");
                    break;
            }
        }

        private static string OnOff(byte leds, int bit) => (leds & (1 << bit)) != 0 ? "on" : "off";

        public void Destroy()
        {
            if (_destroyed)
            {
                return;
            }
            _destroyed = true;
            Uhid.Destroy(_event);
            Libc.WriteAll(uhid, _event, "UHID_DESTROY");
            Console.WriteLine("# destroyed");
        }
    }
}
