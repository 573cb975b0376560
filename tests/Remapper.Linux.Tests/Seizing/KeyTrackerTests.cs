using Remapper.Linux.Interop;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Tests.Seizing;

public class KeyTrackerTests
{
    private const ushort KeyA = 30, KeyB = 48, KeyCaps = 58;
    private readonly KeyTracker _t = new();

    private TrackResult Key(ushort code, int value) => _t.Accept(InputCodes.EvKey, code, value);
    private TrackResult Syn(ushort code) => _t.Accept(InputCodes.EvSyn, code, 0);

    [Fact]
    public void Presses_and_releases_pass_autorepeat_and_duplicates_do_not()
    {
        Assert.Equal(TrackResult.Key, Key(KeyA, 1));
        Assert.Equal(TrackResult.Ignore, Key(KeyA, 2)); // the kernel repeats on the virtual keyboard instead
        Assert.Equal(TrackResult.Ignore, Key(KeyA, 1));
        Assert.Equal(TrackResult.Key, Key(KeyA, 0));
        Assert.Equal(TrackResult.Ignore, Key(KeyA, 0));
        Assert.Equal(TrackResult.Ignore, _t.Accept(InputCodes.EvMsc, 4, 0x70004));
    }

    [Fact]
    public void A_key_held_before_the_grab_is_never_released_to_the_engine()
    {
        _t.HeldBeforeGrab.Set(KeyCaps, true);
        Assert.Equal(TrackResult.Ignore, Key(KeyCaps, 0));
        Assert.Equal(TrackResult.Key, Key(KeyCaps, 1)); // pressed again: now it is ours
        Assert.Equal(TrackResult.Key, Key(KeyCaps, 0));
    }

    [Fact]
    public void A_release_whose_press_was_never_seen_is_dropped()
    {
        Assert.Equal(TrackResult.Ignore, Key(KeyB, 0));
    }

    [Fact]
    public void After_syn_dropped_events_wait_for_the_next_report_then_resync_feeds_the_difference()
    {
        Key(KeyA, 1);
        Assert.Equal(TrackResult.Ignore, Syn(InputCodes.SynDropped));
        Assert.Equal(TrackResult.Ignore, Key(KeyA, 0)); // incomplete: discarded
        Assert.Equal(TrackResult.Ignore, Key(KeyB, 1));
        Assert.Equal(TrackResult.Resync, Syn(InputCodes.SynReport));

        // The kernel says: A is up, B is down.
        var kernel = new KeyBitmap();
        kernel.Set(KeyB, true);
        var changes = new KeyChange[16];
        int n = _t.Resync(kernel.Raw, changes);
        Assert.Equal([new KeyChange(KeyA, false), new KeyChange(KeyB, true)], changes[..n]);

        // Afterwards normal tracking continues from the kernel's state.
        Assert.Equal(TrackResult.Ignore, Key(KeyB, 1));
        Assert.Equal(TrackResult.Key, Key(KeyB, 0));
        Assert.Equal(TrackResult.Ignore, Syn(InputCodes.SynReport));
    }

    [Fact]
    public void Resync_leaves_keys_held_since_before_the_grab_alone()
    {
        _t.HeldBeforeGrab.Set(KeyCaps, true);
        var kernel = new KeyBitmap();
        kernel.Set(KeyCaps, true);
        Assert.Equal(0, _t.Resync(kernel.Raw, new KeyChange[4]));
        Assert.False(_t.Held.Get(KeyCaps));
    }

    [Fact]
    public void A_pre_grab_key_released_during_a_drop_is_ours_on_its_next_press()
    {
        _t.HeldBeforeGrab.Set(KeyCaps, true);
        Syn(InputCodes.SynDropped);
        Assert.Equal(TrackResult.Resync, Syn(InputCodes.SynReport));
        Assert.Equal(0, _t.Resync(new KeyBitmap().Raw, new KeyChange[4])); // kernel: nothing held
        Assert.Equal(TrackResult.Key, Key(KeyCaps, 1));
    }
}
