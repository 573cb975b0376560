using Remapper.Linux.Seizing;

namespace Remapper.Linux.Tests.Seizing;

public class KeyBitmapTests
{
    [Fact]
    public void Resync_releases_what_the_kernel_no_longer_holds_before_pressing_what_it_does()
    {
        var told = new KeyBitmap();
        told.Set(30, true);  // KEY_A: engine thinks it is down
        told.Set(42, true);  // KEY_LEFTSHIFT: still down
        var actual = new KeyBitmap();
        actual.Set(42, true);
        actual.Set(0x2fe, true); // a high code, pressed while events were dropped

        var changes = new KeyChange[768];
        int n = told.Diff(actual.Raw, changes);

        Assert.Equal([new KeyChange(30, false), new KeyChange(0x2fe, true)], changes[..n]);
    }

    [Fact]
    public void Nothing_differs_nothing_changes()
    {
        var a = new KeyBitmap();
        a.Set(1, true);
        var b = new KeyBitmap();
        b.Set(1, true);
        Assert.Equal(0, a.Diff(b.Raw, new KeyChange[8]));
    }

    [Fact]
    public void Out_of_range_codes_are_ignored_not_thrown()
    {
        var bits = new KeyBitmap();
        bits.Set(5000, true);
        Assert.False(bits.Get(5000));
        Assert.True(bits.IsEmpty);
    }
}
