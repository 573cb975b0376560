namespace Remapper.MacOS.Output.DriverKit;

/// <summary>
/// The two client protocols of the Karabiner-DriverKit-VirtualHIDDevice daemon's stream socket. Version 6 is what
/// releases 7.0–7.3 speak; version 7 (later releases) dropped the <c>get_status</c> request, which shifted every
/// request number down by one, and pushes status changes to the client instead of being polled.
/// </summary>
public enum DriverProtocol : ushort
{
    V6 = 6,
    V7 = 7,
}

/// <summary>The requests Remapper sends, by meaning; <see cref="DriverProtocolExtensions.Code"/> gives the number each version uses.</summary>
public enum DriverRequest : byte
{
    /// <summary>Version 6 only: answer with the status pairs.</summary>
    GetStatus,
    KeyboardInitialize,
    KeyboardTerminate,
    KeyboardReset,
    PostKeyboardReport,
    PostConsumerReport,
    PostGenericDesktopReport,
}

/// <summary>The first byte of each status pair the daemon sends (the second is the boolean).</summary>
public enum DriverResponse : byte
{
    None = 0,
    DriverActivated = 1,
    DriverConnected = 2,
    DriverVersionMismatched = 3,
    KeyboardReady = 4,
    PointingReady = 5,
}

public static class DriverProtocolExtensions
{
    /// <summary>The request's number on the wire (at v7: keyboard_initialize 0 ... post_keyboard 6; v6 adds one, get_status is 0).</summary>
    public static byte Code(this DriverProtocol protocol, DriverRequest request)
    {
        byte v7 = request switch
        {
            DriverRequest.KeyboardInitialize => 0,
            DriverRequest.KeyboardTerminate => 1,
            DriverRequest.KeyboardReset => 2,
            DriverRequest.PostKeyboardReport => 6,
            DriverRequest.PostConsumerReport => 7,
            DriverRequest.PostGenericDesktopReport => 10,
            DriverRequest.GetStatus => protocol == DriverProtocol.V6 ? (byte)0 : throw new ArgumentException("protocol 7 has no get_status request", nameof(request)),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };
        return request == DriverRequest.GetStatus ? v7 : protocol == DriverProtocol.V6 ? (byte)(v7 + 1) : v7;
    }

    /// <summary>Protocol 6 clients poll for status (once a second, as the 7.0–7.3 client does); protocol 7 daemons push it.</summary>
    public static bool PollsStatus(this DriverProtocol protocol) => protocol == DriverProtocol.V6;

    public static DriverProtocol Other(this DriverProtocol protocol) => protocol == DriverProtocol.V6 ? DriverProtocol.V7 : DriverProtocol.V6;

    /// <summary>Bytes before the request's struct: <c>u16 little-endian protocol version</c>, <c>u8 request</c>.</summary>
    public const int RequestPrefix = 3;

    public static void WritePrefix(this DriverProtocol protocol, Span<byte> into, DriverRequest request)
    {
        into[0] = (byte)((ushort)protocol & 0xFF);
        into[1] = (byte)((ushort)protocol >> 8);
        into[2] = protocol.Code(request);
    }
}
