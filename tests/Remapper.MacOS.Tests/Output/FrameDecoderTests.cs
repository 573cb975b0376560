using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Tests.Output;

public sealed class FrameDecoderTests
{
    private static void Feed(FrameDecoder decoder, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(decoder.FreeSpace);
        decoder.Commit(bytes.Length);
    }

    [Fact]
    public void A_request_split_across_reads_is_reassembled()
    {
        var frame = new byte[64];
        int n = FrameCodec.Write(frame, FrameType.Request, 0x0102030405060708, [1, 4, 1, 4, 0]);
        Assert.Equal(new byte[] { 0, 0, 0, 14, 4, 1, 2, 3, 4, 5, 6, 7, 8 }, frame[..13]);
        var decoder = new FrameDecoder();
        Feed(decoder, frame.AsSpan(0, 7));
        Assert.False(decoder.TryRead(out _));
        Feed(decoder, frame.AsSpan(7, n - 7));
        Assert.True(decoder.TryRead(out var got));
        Assert.Equal(FrameType.Request, got.Type);
        Assert.Equal(0x0102030405060708UL, got.RequestId);
        Assert.Equal(new byte[] { 1, 4, 1, 4, 0 }, got.Payload.ToArray());
        Assert.Null(decoder.Error);
    }

    [Fact]
    public void Two_frames_in_one_read_are_both_read()
    {
        var bytes = new byte[64];
        int a = FrameCodec.Write(bytes, FrameType.Heartbeat, []);
        int b = FrameCodec.Write(bytes.AsSpan(a), FrameType.Response, 9, []);
        var decoder = new FrameDecoder();
        Feed(decoder, bytes.AsSpan(0, a + b));
        Assert.True(decoder.TryRead(out var first));
        Assert.Equal(FrameType.Heartbeat, first.Type);
        Assert.True(decoder.TryRead(out var second));
        Assert.Equal(FrameType.Response, second.Type);
        Assert.Equal(9UL, second.RequestId);
        Assert.True(second.Payload.IsEmpty);
        Assert.False(decoder.TryRead(out _));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "body of 0 bytes")]
    [InlineData(new byte[] { 0, 0, 0x10, 0, 1 }, "body of 4096 bytes")]
    [InlineData(new byte[] { 0, 0, 0, 1, 9 }, "unknown type 9")]
    [InlineData(new byte[] { 0, 0, 0, 3, 5, 0, 0 }, "too short to hold its request id")]
    public void A_malformed_frame_makes_the_stream_unusable_with_a_reason(byte[] bytes, string reason)
    {
        var decoder = new FrameDecoder();
        Feed(decoder, bytes);
        Assert.False(decoder.TryRead(out _));
        Assert.Contains(reason, decoder.Error);
    }

    [Fact]
    public void Many_frames_through_a_small_buffer_keep_their_order()
    {
        var decoder = new FrameDecoder();
        var frame = new byte[FrameCodec.MaxFrame];
        for (ulong id = 1; id <= 500; id++)
        {
            int n = FrameCodec.Write(frame, FrameType.Response, id, new byte[(int)(id % 300)]);
            Feed(decoder, frame.AsSpan(0, n));
            Assert.True(decoder.TryRead(out var got));
            Assert.Equal(id, got.RequestId);
            Assert.Equal((int)(id % 300), got.Payload.Length);
        }
    }
}
