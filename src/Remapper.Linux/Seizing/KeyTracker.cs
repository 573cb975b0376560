using Remapper.Linux.Interop;

namespace Remapper.Linux.Seizing;

/// <summary>What <see cref="KeyTracker.Accept"/> decided about one evdev event.</summary>
public enum TrackResult
{
    /// <summary>Not for the engine (repeat, duplicate, non-key, during a drop, a release whose press we never saw).</summary>
    Ignore,
    /// <summary>A real key change: pass it on.</summary>
    Key,
    /// <summary>The first SYN_REPORT after SYN_DROPPED: read EVIOCGKEY and feed <see cref="KeyTracker.Resync"/>.</summary>
    Resync,
}

/// <summary>
/// One keyboard's view of which keys the engine has been told about, and the evdev rules for what reaches it:
/// drop autorepeats (the kernel repeats on the virtual keyboard), drop events between SYN_DROPPED and the next
/// SYN_REPORT, drop the release of a key pressed before the grab, and never tell the engine the same state twice.
/// Pure and allocation-free, so the rules are tested without a device.
/// </summary>
public sealed class KeyTracker
{
    /// <summary>Keys the engine has seen go down and not yet up.</summary>
    public KeyBitmap Held { get; } = new();

    /// <summary>Keys already down when the grab was taken: their press went to someone else, so their release is dropped.</summary>
    public KeyBitmap HeldBeforeGrab { get; } = new();

    public bool Dropping { get; private set; }

    public TrackResult Accept(ushort type, ushort code, int value)
    {
        if (type == InputCodes.EvSyn)
        {
            if (code == InputCodes.SynDropped)
            {
                Dropping = true;
                return TrackResult.Ignore;
            }
            if (code == InputCodes.SynReport && Dropping)
            {
                Dropping = false;
                return TrackResult.Resync;
            }
            return TrackResult.Ignore;
        }
        if (type != InputCodes.EvKey || value == InputCodes.KeyRepeat || Dropping) return TrackResult.Ignore;

        bool down = value != 0;
        if (HeldBeforeGrab.Get(code))
        {
            HeldBeforeGrab.Set(code, false);
            // Its release: not ours. A press: its release was lost, so from now on the key is ours.
            if (!down) return TrackResult.Ignore;
        }
        if (Held.Get(code) == down) return TrackResult.Ignore;
        Held.Set(code, down);
        return TrackResult.Key;
    }

    /// <summary>
    /// Compares what the engine was told with the kernel's key state after a drop, records the kernel's state and
    /// writes the changes to pass on (releases first). Keys held since before the grab stay out of it.
    /// </summary>
    public int Resync(ReadOnlySpan<byte> kernelState, Span<KeyChange> changes)
    {
        // A pre-grab key the kernel no longer holds was released while events were dropped.
        var before = HeldBeforeGrab.Raw;
        for (int i = 0; i < before.Length; i++) before[i] &= i < kernelState.Length ? kernelState[i] : (byte)0;

        int n = Held.Diff(kernelState, changes);
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            var change = changes[i];
            if (HeldBeforeGrab.Get(change.Code)) continue;
            Held.Set(change.Code, change.Down);
            changes[kept++] = change;
        }
        return kept;
    }
}
