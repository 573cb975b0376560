using System.Buffers.Binary;

namespace Remapper.MacOS.Output.DriverKit;

/// <summary>The frame types of the daemon's stream socket (pqrs::unix_domain_stream).</summary>
public enum FrameType : byte
{
    Heartbeat = 0,
    UserData = 1,
    HealthCheck = 2,
    HealthCheckResponse = 3,
    Request = 4,
    Response = 5,
}

/// <summary>
/// The daemon's framing: <c>u32 big-endian body length</c>, then the body, which is <c>u8 type</c> and — for requests
/// and responses — a <c>u64 big-endian request id</c> before the payload. Payloads are at most
/// <see cref="MaxPayload"/> bytes (the daemon closes the connection on a larger frame, and so do we).
/// </summary>
public static class FrameCodec
{
    public const int HeaderSize = 4;
    public const int TypeSize = 1;
    public const int RequestIdSize = 8;

    /// <summary>The daemon's <c>unix_domain_stream_max_message_size</c>.</summary>
    public const int MaxPayload = 1024;

    /// <summary>The largest frame either side may send: header, type, request id and a full payload.</summary>
    public const int MaxFrame = HeaderSize + TypeSize + RequestIdSize + MaxPayload;

    public static bool HasRequestId(FrameType type) => type is FrameType.Request or FrameType.Response;

    /// <summary>Writes a frame without a request id into <paramref name="into"/>; returns its length.</summary>
    public static int Write(Span<byte> into, FrameType type, ReadOnlySpan<byte> payload)
    {
        int body = TypeSize + payload.Length;
        BinaryPrimitives.WriteUInt32BigEndian(into, (uint)body);
        into[HeaderSize] = (byte)type;
        payload.CopyTo(into[(HeaderSize + TypeSize)..]);
        return HeaderSize + body;
    }

    /// <summary>Writes a request or response frame; returns its length.</summary>
    public static int Write(Span<byte> into, FrameType type, ulong requestId, ReadOnlySpan<byte> payload)
    {
        int body = TypeSize + RequestIdSize + payload.Length;
        BinaryPrimitives.WriteUInt32BigEndian(into, (uint)body);
        into[HeaderSize] = (byte)type;
        BinaryPrimitives.WriteUInt64BigEndian(into[(HeaderSize + TypeSize)..], requestId);
        payload.CopyTo(into[(HeaderSize + TypeSize + RequestIdSize)..]);
        return HeaderSize + body;
    }

    /// <summary>Writes the header of a request whose payload the caller writes at <see cref="RequestPayloadOffset"/>.</summary>
    public static void WriteRequestHeader(Span<byte> into, ulong requestId, int payloadLength)
    {
        BinaryPrimitives.WriteUInt32BigEndian(into, (uint)(TypeSize + RequestIdSize + payloadLength));
        into[HeaderSize] = (byte)FrameType.Request;
        BinaryPrimitives.WriteUInt64BigEndian(into[(HeaderSize + TypeSize)..], requestId);
    }

    public const int RequestPayloadOffset = HeaderSize + TypeSize + RequestIdSize;
}

/// <summary>One decoded frame. <see cref="Payload"/> points into the decoder's buffer and is valid until the next read.</summary>
public readonly ref struct Frame(FrameType type, ulong requestId, ReadOnlySpan<byte> payload)
{
    public FrameType Type { get; } = type;
    public ulong RequestId { get; } = requestId;
    public ReadOnlySpan<byte> Payload { get; } = payload;
}

/// <summary>
/// Reassembles frames from a byte stream (a read may end mid-frame). A frame that breaks the framing rules — a
/// length too small or too large, an unknown type, a request without its id — makes the stream unusable: the
/// decoder says so with a reason and the caller closes the connection, as the daemon itself does.
/// </summary>
public sealed class FrameDecoder
{
    private readonly byte[] _buffer = new byte[FrameCodec.MaxFrame * 4];
    private int _start, _end;

    /// <summary>Why the stream was rejected; null while it is well-formed.</summary>
    public string? Error { get; private set; }

    /// <summary>Where the next read should put its bytes.</summary>
    public Span<byte> FreeSpace
    {
        get
        {
            if (_start == _end) _start = _end = 0;
            else if (_start > 0 && _buffer.Length - _end < FrameCodec.MaxFrame)
            {
                // Room for at least one whole frame after what is pending, so a frame never waits for space.
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            return _buffer.AsSpan(_end);
        }
    }

    public void Commit(int bytesRead) => _end += bytesRead;

    public void Reset()
    {
        _start = _end = 0;
        Error = null;
    }

    /// <summary>The next complete frame, if one has arrived. Returns false when more bytes are needed or the stream is bad.</summary>
    public bool TryRead(out Frame frame)
    {
        frame = default;
        if (Error is not null) return false;
        int available = _end - _start;
        if (available < FrameCodec.HeaderSize) return Compact();
        uint body = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start));
        if (body < FrameCodec.TypeSize || body > FrameCodec.MaxFrame - FrameCodec.HeaderSize)
        {
            Error = $"a frame declares a body of {body} bytes (allowed: 1 to {FrameCodec.MaxFrame - FrameCodec.HeaderSize})";
            return false;
        }
        if (available < FrameCodec.HeaderSize + body) return Compact();

        var bodySpan = _buffer.AsSpan(_start + FrameCodec.HeaderSize, (int)body);
        byte rawType = bodySpan[0];
        if (rawType > (byte)FrameType.Response)
        {
            Error = $"a frame has the unknown type {rawType}";
            return false;
        }
        var type = (FrameType)rawType;
        ulong id = 0;
        ReadOnlySpan<byte> payload;
        if (FrameCodec.HasRequestId(type))
        {
            if (body < FrameCodec.TypeSize + FrameCodec.RequestIdSize)
            {
                Error = $"a {type} frame of {body} bytes is too short to hold its request id";
                return false;
            }
            id = BinaryPrimitives.ReadUInt64BigEndian(bodySpan[FrameCodec.TypeSize..]);
            payload = bodySpan[(FrameCodec.TypeSize + FrameCodec.RequestIdSize)..];
        }
        else payload = bodySpan[FrameCodec.TypeSize..];
        if (payload.Length > FrameCodec.MaxPayload)
        {
            Error = $"a {type} frame carries {payload.Length} bytes (at most {FrameCodec.MaxPayload})";
            return false;
        }
        _start += FrameCodec.HeaderSize + (int)body;
        frame = new Frame(type, id, payload);
        return true;
    }

    private bool Compact()
    {
        if (_start == _end) _start = _end = 0;
        return false;
    }
}
