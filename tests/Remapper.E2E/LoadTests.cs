using Remapper.E2E.Harness;

namespace Remapper.E2E;

/// <summary>
/// The daemon under load while its keymap is reloaded: nothing lost, doubled, reordered or stuck; then typing on with no
/// reload, the event loop's thread allocates nothing per key event.
/// </summary>
[Collection(RemappingCollection.Name)]
[Trait("needs", "remapper")]
public sealed class LoadTests(RemappingGuestFixture fixture, ITestOutputHelper output) : GuestScenario(fixture, output)
{
    private const int Taps = 5000; // 10 000 key events
    private const int TapsPerChunk = 125;
    private const int Reloads = 20;
    private const int SoakTaps = 2500; // 5 000 more key events, typed with no reload, to measure the loop's allocations

    [RemapperFact]
    public async Task Ten_thousand_key_events_during_twenty_reloads_come_out_once_each_in_order_with_nothing_stuck()
    {
        await using UhidKeyboard keyboard = await GuestTool.CreateUhidKeyboardAsync(Guest, "E2E Load Keyboard", "usb", 0x1234, 0x0020);
        await using RemapperProcess remapper = await RemapperProcess.StartAsync(Guest, Keymaps.CapsLockToEscape);
        InputDevice virtualKeyboard = await RemapperProcess.VirtualKeyboardAsync(Guest);
        await using EventReader events = await GuestTool.ReadEventsAsync(Guest, virtualKeyboard.Node, timeoutMs: 600_000);

        // Letters pass through; every 7th tap is caps lock, which the keymap turns into escape.
        var typed = Enumerable.Range(0, Taps).Select(i => i % 7 == 3 ? "caps_lock" : ((char)('a' + i % 26)).ToString()).ToList();
        var expected = typed.Select(k => k == "caps_lock" ? "KEY_ESC" : "KEY_" + k.ToUpperInvariant()).ToList();

        // Reloads run in the guest, concurrently with the typing below.
        await using GuestJob reloads = await Guest.StartAsync(
            $"for i in $(seq 1 {Reloads}); do {RemapperProcess.Binary} reload || exit 1; sleep 0.3; done; echo reloads-done");
        // 5 ms per tap: 200 key events a second, about ten times fast typing. The kernel keeps only 64 events per
        // reader; under software emulation, with this tool, the reader and 20 `remapper reload` processes sharing two
        // emulated CPUs, a faster pace starves whichever reader is descheduled longest and the kernel drops events
        // (SYN_DROPPED) before Remapper ever sees them. The assertions below make any such drop a failure.
        foreach (var chunk in typed.Chunk(TapsPerChunk))
            await keyboard.SendAsync(string.Join("; ", chunk.Select(k => $"tap {k}; sleep 5")));
        await reloads.WaitForLineAsync("reloads-done", TimeSpan.FromMinutes(5));

        // Everything typed has come out once the last release has.
        try
        {
            await Eventually.RepeatUntilAsync(() => Task.CompletedTask, () => events.KeyEvents.Count >= 2 * Taps, $"{2 * Taps} output events",
                TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            var seen = events.KeyEvents;
            var firstMissing = seen.Where(e => e.EndsWith(" down", StringComparison.Ordinal)).Select(e => e[..^5])
                .Zip(expected).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
            throw new Xunit.Sdk.XunitException($"{seen.Count} of {2 * Taps} output events; first difference at press {firstMissing.i}: " +
                $"got {firstMissing.p.First}, expected {firstMissing.p.Second}.\nreader: {string.Join("\n", events.Job.Lines.Where(l => l.StartsWith('#')))}" +
                $"\nremapper:\n{remapper.Job.Output[^Math.Min(4000, remapper.Job.Output.Length)..]}");
        }
        var output = events.KeyEvents;
        var downs = output.Where(e => e.EndsWith(" down", StringComparison.Ordinal)).Select(e => e[..^5]).ToList();
        Assert.Equal(2 * Taps, output.Count);
        Assert.Equal(expected, downs); // none lost, none doubled, none reordered
        for (int i = 0; i < output.Count; i += 2)
            Assert.Equal(output[i][..^5] + " up", output[i + 1]); // each press released before the next one
        Assert.Empty(events.HeldKeys());
        // No loss hidden behind a kernel resync, on either side of Remapper.
        Assert.DoesNotContain(events.Job.Lines, l => l.StartsWith("# dropped", StringComparison.Ordinal));
        Assert.DoesNotContain("events dropped by the kernel", remapper.Job.Output, StringComparison.Ordinal);
        Assert.Empty((await GuestTool.StateAsync(Guest, virtualKeyboard.Node)).Pressed);
        Assert.False(remapper.Job.HasExited, $"remapper exited under load:\n{remapper.Job.Output}");

        // The key path allocates nothing per event: the loop thread's allocation counter stays flat while keys flow.
        long before = await LoopAllocatedBytesAsync();
        foreach (var chunk in Enumerable.Range(0, SoakTaps).Select(i => ((char)('a' + i % 26)).ToString()).Chunk(TapsPerChunk))
            await keyboard.SendAsync(string.Join("; ", chunk.Select(k => $"tap {k}; sleep 5")));
        await Eventually.RepeatUntilAsync(() => Task.CompletedTask, () => events.KeyEvents.Count >= 2 * (Taps + SoakTaps),
            $"{2 * (Taps + SoakTaps)} output events", TimeSpan.FromMinutes(2));
        long grown = await LoopAllocatedBytesAsync() - before;
        Assert.True(grown < 2 * SoakTaps, $"the event loop allocated {grown} bytes over {2 * SoakTaps} key events (it must not allocate per event)");
    }

    private async Task<long> LoopAllocatedBytesAsync()
    {
        var status = await RemapperProcess.QueryAsync(Guest, "status");
        return status.Root["counters"]?["loopAllocatedBytes"]?.GetValue<long>()
            ?? throw new Xunit.Sdk.XunitException($"status has no counters.loopAllocatedBytes: {status.Result}");
    }
}
