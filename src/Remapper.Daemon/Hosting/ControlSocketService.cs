using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Remapper.Daemon.Config;
using Remapper.Daemon.Ipc;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// Serves the control socket once the backend runs. A socket that cannot be created is logged and the daemon keeps
/// remapping without it: the socket is for status and control, typing must not depend on it.
/// </summary>
public sealed class ControlSocketService(DaemonOptions options, DaemonInfo info, KeymapReloader reloader, BackendService backend,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Remapper.Ipc");
    private IpcServer? _server;

    /// <summary>Where it listens; null when the socket could not be created.</summary>
    public string? SocketPath => _server?.Path;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var running = backend.Backend ?? throw new InvalidOperationException("the backend has not started");
        uint? group = options.IsSystemService ? Native.GroupId("remapper") : null;
        var server = new IpcServer(info.SocketPath, new DaemonCommands(info, reloader, running), new IpcAccessPolicy(Native.geteuid(), group), _logger);
        try
        {
            server.Start(group);
            _server = server;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            await server.DisposeAsync();
            _logger.LogError("Control socket {Socket} not available ({Error}); remapping continues, but `remapper status` " +
                "and friends cannot reach this daemon. Fix: set XDG_RUNTIME_DIR, or pass --socket PATH", info.SocketPath, e.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _server = null;
    }
}
