namespace Remapper.MacOS.Output.DriverKit;

/// <summary>Where the connection to the driver's daemon stands, from our side of the socket.</summary>
public enum DriverLink
{
    /// <summary>Not tried yet.</summary>
    Starting,

    /// <summary>The daemon's socket does not exist: the daemon is not running (or not installed).</summary>
    NoSocket,

    /// <summary>The socket exists but nobody accepts: the daemon stopped or crashed.</summary>
    Refused,

    /// <summary>We may not open the socket (its directory is root-only): Remapper is not running as root.</summary>
    NoPermission,

    /// <summary>Connected; the status pairs say the rest.</summary>
    Connected,

    /// <summary>The daemon answers every request empty: it speaks neither protocol 6 nor 7.</summary>
    ProtocolMismatch,

    /// <summary>Another failure (a timeout, a malformed frame); <see cref="DriverStatus.Detail"/> says which.</summary>
    Failed,
}

/// <summary>
/// Everything known about the virtual keyboard's driver: our link to its daemon and the daemon's own status pairs.
/// Immutable; the client replaces it on every change.
/// </summary>
public sealed record DriverStatus(
    DriverLink Link,
    string Detail,
    DriverProtocol? Protocol = null,
    bool? DriverActivated = null,
    bool? DriverConnected = null,
    bool? DriverVersionMismatched = null,
    bool KeyboardReady = false)
{
    public static readonly DriverStatus Initial = new(DriverLink.Starting, "not connected to the driver's daemon yet");

    /// <summary>Reports may be posted and keyboards seized.</summary>
    public bool IsReady => Link == DriverLink.Connected && KeyboardReady;

    /// <summary>The status pairs, applied in order (a malformed list — odd length — is rejected by the caller).</summary>
    public DriverStatus WithPairs(ReadOnlySpan<byte> pairs)
    {
        var s = this;
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            bool value = pairs[i + 1] != 0;
            s = (DriverResponse)pairs[i] switch
            {
                DriverResponse.DriverActivated => s with { DriverActivated = value },
                DriverResponse.DriverConnected => s with { DriverConnected = value },
                DriverResponse.DriverVersionMismatched => s with { DriverVersionMismatched = value },
                DriverResponse.KeyboardReady => s with { KeyboardReady = value },
                _ => s,
            };
        }
        return s;
    }
}
