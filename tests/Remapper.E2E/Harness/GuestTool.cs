namespace Remapper.E2E.Harness;

/// <summary>Host-side wrappers around the guest tool (tests/Remapper.E2E.Guest) running in a guest.</summary>
public static class GuestTool
{
    public static async Task<IReadOnlyList<InputDevice>> ListAsync(Guest guest)
    {
        GuestResult result = await guest.RunOkAsync($"{GuestFixture.Tool} list");
        return result.Lines.Select(InputDevice.Parse).ToList();
    }

    /// <summary>Polls <c>list</c> until a device matches; devices appear asynchronously after a hotplug.</summary>
    public static async Task<InputDevice> WaitForDeviceAsync(Guest guest, Func<InputDevice, bool> match, string what, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            IReadOnlyList<InputDevice> devices = await ListAsync(guest);
            if (devices.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no input device is {what}; present:\n{string.Join('\n', devices)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Polls <c>list</c> until no device matches (a device removed, a virtual keyboard destroyed).</summary>
    public static async Task WaitForNoDeviceAsync(Guest guest, Func<InputDevice, bool> match, string what, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            IReadOnlyList<InputDevice> devices = await ListAsync(guest);
            if (!devices.Any(match))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} still present:\n{string.Join('\n', devices.Where(match))}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The LEDs lit and the keys held on one node (EVIOCGLED, EVIOCGKEY).</summary>
    public static async Task<(IReadOnlyList<string> Leds, IReadOnlyList<string> Pressed)> StateAsync(Guest guest, string node)
    {
        GuestResult result = await guest.RunOkAsync($"{GuestFixture.Tool} state {node}");
        InputDevice parsed = InputDevice.Parse($"{node}\tbus=0\tvendor=0\tproduct=0\tname=\t{result.Output.Trim()}");
        return (parsed.Leds, parsed.Pressed);
    }

    public static Task<InputDevice> UsbKeyboardAsync(Guest guest) =>
        WaitForDeviceAsync(guest, d => d.Name == "QEMU QEMU USB Keyboard" && d.Bus == InputDevice.BusUsb, "the QEMU USB keyboard");

    public static Task<InputDevice> AtKeyboardAsync(Guest guest) =>
        WaitForDeviceAsync(guest, d => d.Name == "AT Translated Set 2 keyboard" && d.Bus == InputDevice.BusI8042, "the AT keyboard");

    /// <summary>Starts <c>read-events</c> on a node and returns once the node is open (and grabbed, if asked).</summary>
    public static async Task<EventReader> ReadEventsAsync(Guest guest, string node, bool grab = false, int timeoutMs = 60_000, bool rel = false)
    {
        string command = $"exec {GuestFixture.Tool} read-events {node} --timeout-ms {timeoutMs}" + (grab ? " --grab" : "") + (rel ? " --rel" : "");
        GuestJob job = await guest.StartAsync(command);
        await job.WaitForLineAsync(grab ? "# grabbed" : "# opened");
        return new EventReader(job);
    }

    /// <summary>
    /// Creates a keyboard through /dev/uhid in the guest and returns once its evdev node exists. Keys are sent
    /// through a fifo; see <see cref="UhidKeyboard.SendAsync"/>.
    /// </summary>
    public static async Task<UhidKeyboard> CreateUhidKeyboardAsync(
        Guest guest, string name, string bus, ushort vendor = 0x05ac, ushort product = 0x0342)
    {
        if (name.Contains('\''))
        {
            throw new ArgumentException("the keyboard name goes into a single-quoted shell word", nameof(name));
        }
        string id = Guid.NewGuid().ToString("N")[..8];
        string fifo = $"/tmp/uhid-{id}.fifo";
        GuestJob job = await guest.StartAsync(
            $"exec {GuestFixture.Tool} uhid-keyboard --name '{name}' --bus {bus} --vendor 0x{vendor:x4} " +
            $"--product 0x{product:x4} --uniq e2e-{id} --input {fifo}");
        string eventLine = await job.WaitForLineAsync("event /dev/input/event");
        return new UhidKeyboard(guest, job, fifo, eventLine["event ".Length..].Trim(), $"e2e-{id}");
    }
}

/// <summary>A running <c>read-events</c>: the key events a program reading that node receives.</summary>
public sealed class EventReader(GuestJob job) : IAsyncDisposable
{
    public GuestJob Job { get; } = job;

    /// <summary>Key events so far, as <c>KEY_X down</c> / <c>KEY_X up</c> (timestamps dropped; repeats omitted).</summary>
    public IReadOnlyList<string> KeyEvents =>
        Job.Lines.Where(l => !l.StartsWith('#') && !l.StartsWith("REL_", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Where(w => w.Length >= 2 && w[1] != "repeat")
            .Select(w => $"{w[0]} {w[1]}")
            .ToList();

    /// <summary>Relative motion so far (read with <c>rel: true</c>): each <c>REL_X</c>/<c>REL_Y</c>/... event's value, in order.</summary>
    public IReadOnlyList<(string Axis, int Value)> RelEvents =>
        Job.Lines.Where(l => l.StartsWith("REL_", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Where(w => w.Length >= 2 && int.TryParse(w[1], System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(w => (w[0], int.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Waits until the events read include every one of <paramref name="expected"/>, in that order.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(IReadOnlyList<string> expected, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            IReadOnlyList<string> events = KeyEvents;
            if (ContainsInOrder(events, expected))
            {
                return events;
            }
            if (DateTime.UtcNow > deadline || Job.HasExited)
            {
                throw new TimeoutException(
                    $"expected key events [{string.Join(", ", expected)}] on `{Job.Command}`, got [{string.Join(", ", events)}]. Output:\n{Job.Output}");
            }
            await Task.Delay(50);
        }
    }

    public Task<IReadOnlyList<string>> WaitForAsync(params string[] expected) => WaitForAsync((IReadOnlyList<string>)expected);

    private static bool ContainsInOrder(IReadOnlyList<string> events, IReadOnlyList<string> expected)
    {
        int next = 0;
        foreach (string e in events)
        {
            if (next < expected.Count && e == expected[next])
            {
                next++;
            }
        }
        return next == expected.Count;
    }

    /// <summary>The keys left down after replaying the events read: empty when every press was released.</summary>
    public IReadOnlyList<string> HeldKeys()
    {
        var held = new List<string>();
        foreach (string[] e in KeyEvents.Select(e => e.Split(' ')))
        {
            if (e[1] == "down" && !held.Contains(e[0]))
            {
                held.Add(e[0]);
            }
            else if (e[1] == "up")
            {
                held.Remove(e[0]);
            }
        }
        return held;
    }

    public ValueTask DisposeAsync() => Job.DisposeAsync();
}

/// <summary>A uhid keyboard made by the guest tool; lines go to it through a fifo in the guest's /tmp.</summary>
public sealed class UhidKeyboard(Guest guest, GuestJob job, string fifo, string node, string uniq) : IAsyncDisposable
{
    public GuestJob Job { get; } = job;

    /// <summary>Its /dev/input/eventN.</summary>
    public string Node { get; } = node;

    public string Uniq { get; } = uniq;

    /// <summary>
    /// Sends commands (<c>down a</c>, <c>up a</c>, <c>tap a</c>, <c>sleep 300</c>, <c>taps 1000 1 a b c</c> for a thousand
    /// taps of a, b, c in turn with 1 ms after each, several joined with ';') and waits
    /// until the keyboard acknowledged each (within <paramref name="timeout"/>, 20 s by default), so the reports have
    /// been written when this returns.
    /// </summary>
    public async Task SendAsync(string commands, TimeSpan? timeout = null)
    {
        if (commands.Contains('\'') || commands.Contains('\n'))
        {
            throw new ArgumentException("one line of keyboard commands, without quotes", nameof(commands));
        }
        int parts = commands.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        int before = Acknowledged();
        await guest.RunOkAsync($"echo '{commands}' > {fifo}");
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Acknowledged() < before + parts)
        {
            if (DateTime.UtcNow > deadline || Job.HasExited)
            {
                throw new TimeoutException($"uhid keyboard did not acknowledge '{commands}'. Output:\n{Job.Output}");
            }
            await Task.Delay(30);
        }
        if (Job.Lines.Any(l => l.StartsWith("# error", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"uhid keyboard rejected a command. Output:\n{Job.Output}");
        }
    }

    private int Acknowledged() => Job.Lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("# error", StringComparison.Ordinal));

    /// <summary>Destroys the device (UHID_DESTROY) and waits for the tool to exit.</summary>
    public async Task RemoveAsync()
    {
        await guest.RunOkAsync($"echo quit > {fifo}");
        await Job.WaitForExitAsync(TimeSpan.FromSeconds(20));
    }

    public ValueTask DisposeAsync() => Job.DisposeAsync();
}
