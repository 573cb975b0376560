using Remapper.Linux.Discovery;

namespace Remapper.Linux.Tests.Discovery;

public class CapabilityBitmapTests
{
    [Fact]
    public void Parses_words_most_significant_first()
    {
        // A real AT keyboard's capabilities/key.
        var bits = CapabilityBitmap.Parse("402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe");
        Assert.False(bits.Has(0));   // KEY_RESERVED
        Assert.True(bits.Has(1));    // KEY_ESC
        Assert.True(bits.Has(30));   // KEY_A
        Assert.True(bits.Has(64 + 0)); // KEY_F6 (64) from the second word
        Assert.False(bits.Has(64 * 4));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("zz 12")]
    [InlineData("12345678901234567")]
    [InlineData(null)]
    public void Malformed_text_gives_an_empty_bitmap(string? text)
    {
        var bits = CapabilityBitmap.Parse(text);
        Assert.True(bits.IsEmpty);
        Assert.False(bits.Has(30));
    }

    [Fact]
    public void Tolerates_extra_whitespace_and_trailing_newline()
    {
        var bits = CapabilityBitmap.Parse("  1   0 \n");
        Assert.True(bits.Has(64));
        Assert.Equal(1, bits.Count);
    }

    [Fact]
    public void Kernel_byte_bitmaps_read_bit_n_from_byte_n_over_8()
    {
        var bytes = new byte[96];
        bytes[30 / 8] = 1 << (30 % 8);
        bytes[0x110 / 8] = 1;
        var bits = CapabilityBitmap.FromBytes(bytes);
        Assert.True(bits.Has(30));
        Assert.True(bits.Has(0x110));
        Assert.Equal([30, 0x110], bits.Bits().ToArray());
    }
}
