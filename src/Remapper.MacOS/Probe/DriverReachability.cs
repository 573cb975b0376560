using System.Net.Sockets;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Probe;

/// <summary>
/// One connection attempt to the driver's daemon, closed at once: enough to tell "not running" from "not root" from
/// "accepts". It creates no virtual keyboard (that would be a second one beside the daemon's).
/// </summary>
public static class DriverReachability
{
    public static DriverStatus Check(string socketPath = DriverInstallation.SocketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return new DriverStatus(DriverLink.Connected, "the driver's daemon accepts connections", KeyboardReady: true);
        }
        catch (SocketException e)
        {
            return ConnectFailure(e, socketPath);
        }
    }

    /// <summary>Why a connection to the daemon's socket failed: not running, not root, or something else (the one place that decides).</summary>
    public static DriverStatus ConnectFailure(SocketException e, string socketPath)
    {
        var dir = Path.GetDirectoryName(socketPath);
        if (e.SocketErrorCode == SocketError.ConnectionRefused)
            return new(DriverLink.Refused, $"nothing accepts connections on {socketPath}: the driver's daemon is not running");
        if (e.SocketErrorCode == SocketError.AccessDenied)
            return new(DriverLink.NoPermission, $"may not connect to {socketPath}: its directory is root-only, so Remapper must run as root");
        try
        {
            if (dir is not null && Directory.Exists(dir)) _ = Directory.GetFileSystemEntries(dir);
        }
        catch (UnauthorizedAccessException)
        {
            return new(DriverLink.NoPermission, $"may not look into {dir}: it is root-only, so Remapper must run as root");
        }
        return File.Exists(socketPath)
            ? new(DriverLink.Failed, $"cannot connect to {socketPath}: {e.SocketErrorCode} ({e.Message})")
            : new(DriverLink.NoSocket, $"{socketPath} does not exist: the driver's daemon is not running");
    }
}
