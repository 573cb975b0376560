namespace Remapper.E2E.Guest.Latency;

/// <summary>One report the driver writes: a key (HID usage) goes down or up, then the driver waits.</summary>
public readonly record struct WriteStep(byte Usage, bool Down, int PauseAfterMs);

/// <summary>
/// A named sequence of writes and the outputs they must produce. <see cref="Windowed"/> workloads write as fast as
/// the pipeline drains them instead of sleeping (see <see cref="LatencyDriver"/> for why a window).
/// </summary>
public sealed record Workload(string Name, List<WriteStep> Steps, List<ExpectedOutput> Expected, bool Windowed)
{
    /// <summary>For every write, how many expected outputs are due once it is written (for the flood window).</summary>
    public int[] ExpectedDueAfter()
    {
        var due = new int[Steps.Count];
        int e = 0;
        for (int i = 0; i < Steps.Count; i++)
        {
            while (e < Expected.Count && Expected[e].FromWrite <= i)
            {
                e++;
            }
            due[i] = e;
        }
        return due;
    }
}

/// <summary>The workloads of the latency benchmark, generated from a seed so every pipeline gets the same keys at the same gaps.</summary>
public static class Workloads
{
    /// <summary>Letters that no keymap of the benchmark remaps (no tap-hold, combo or layer key), so they pass straight through.</summary>
    public static readonly string PlainKeys = "ertyuiopghnmcvbwqzx";

    /// <summary>Isolated taps: down, idle, up, idle — nothing else in flight.</summary>
    public static Workload Taps(int events, int idleMs, Random random)
    {
        var steps = new List<WriteStep>();
        for (int i = 0; i < events / 2; i++)
        {
            byte usage = Letter(PlainKeys[random.Next(PlainKeys.Length)]);
            steps.Add(new WriteStep(usage, true, idleMs));
            steps.Add(new WriteStep(usage, false, idleMs));
        }
        return PassThrough("taps", steps, windowed: false);
    }

    /// <summary>
    /// Typing: gaps of 30–150 ms between changes, and about one key in three pressed before the previous one is
    /// released (rollover), as fast typists do.
    /// </summary>
    public static Workload Typing(int events, Random random)
    {
        var steps = new List<WriteStep>();
        byte? held = null;
        while (steps.Count < events)
        {
            byte usage;
            do
            {
                usage = Letter(PlainKeys[random.Next(PlainKeys.Length)]);
            }
            while (usage == held);
            steps.Add(new WriteStep(usage, true, random.Next(30, 151)));
            if (held is byte previous)
            {
                steps.Add(new WriteStep(previous, false, random.Next(30, 151)));
                held = null;
            }
            if (random.Next(3) == 0)
            {
                held = usage;
            }
            else
            {
                steps.Add(new WriteStep(usage, false, random.Next(30, 151)));
            }
        }
        if (held is byte last)
        {
            steps.Add(new WriteStep(last, false, 30));
        }
        return PassThrough("typing", steps, windowed: false);
    }

    /// <summary>Taps back to back with no pause: the pipeline's throughput under load.</summary>
    public static Workload Flood(string name, int events, Random random)
    {
        var steps = new List<WriteStep>();
        for (int i = 0; i < events / 2; i++)
        {
            byte usage = Letter(PlainKeys[random.Next(PlainKeys.Length)]);
            steps.Add(new WriteStep(usage, true, 0));
            steps.Add(new WriteStep(usage, false, 0));
        }
        return PassThrough(name, steps, windowed: true);
    }

    /// <summary>
    /// Isolated taps of tap-hold keys (released before the tapping term). The keymap can only decide "tap" when the
    /// key is released, so both outputs are measured from the release write: what the remapper adds beyond its
    /// decision point, not the decision itself.
    /// </summary>
    public static Workload TapHoldTaps(string keys, int taps, int holdMs, int idleMs, Random random)
    {
        var steps = new List<WriteStep>();
        var expected = new List<ExpectedOutput>();
        for (int i = 0; i < taps; i++)
        {
            char key = keys[random.Next(keys.Length)];
            byte usage = Letter(key);
            int code = LetterCodes.Code(key);
            steps.Add(new WriteStep(usage, true, holdMs));
            steps.Add(new WriteStep(usage, false, idleMs));
            expected.Add(new ExpectedOutput(new KeyChange(code, 1), steps.Count - 1));
            expected.Add(new ExpectedOutput(new KeyChange(code, 0), steps.Count - 1));
        }
        return new Workload("tap-hold taps", steps, expected, Windowed: false);
    }

    private static Workload PassThrough(string name, List<WriteStep> steps, bool windowed)
    {
        var expected = new List<ExpectedOutput>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            expected.Add(new ExpectedOutput(new KeyChange(LetterCodes.CodeOfUsage(steps[i].Usage), steps[i].Down ? 1 : 0), i));
        }
        return new Workload(name, steps, expected, windowed);
    }

    private static byte Letter(char key) => (byte)(0x04 + (key - 'a'));
}

/// <summary>The evdev KEY_* code the kernel's HID layer gives each letter's keyboard usage (hid-input.c's table).</summary>
public static class LetterCodes
{
    // KEY_A..KEY_Z in alphabetical order (input-event-codes.h); written out so a wrong table elsewhere cannot hide here.
    private static readonly int[] Codes = [30, 48, 46, 32, 18, 33, 34, 35, 23, 36, 37, 38, 50, 49, 24, 25, 16, 19, 31, 20, 22, 47, 17, 45, 21, 44];

    public static int Code(char letter) => Codes[letter - 'a'];

    public static int CodeOfUsage(byte usage) => Codes[usage - 0x04];
}
