using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Remapper.Daemon.Config;

namespace Remapper.Daemon.Hosting;

/// <summary>What makes the daemon reload by itself: a change to the keymap or one of its includes, and SIGHUP.</summary>
public sealed class ReloadTriggers(KeymapReloader reloader, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Remapper.Keymap");
    private KeymapWatcher? _watcher;
    private PosixSignalRegistration? _sighup;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var watcher = new KeymapWatcher(() => reloader.Reload(ReloadTrigger.FileChange), _logger);
        watcher.Watch(reloader.WatchedFiles);
        reloader.WatchedFilesChanged += watcher.Watch;
        _watcher = watcher;

        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true; // SIGHUP means reload, not exit
            _logger.LogInformation("SIGHUP: reloading the keymap");
            _ = Task.Run(() => reloader.Reload(ReloadTrigger.Signal));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _sighup?.Dispose();
        _sighup = null;
        if (_watcher is { } watcher) reloader.WatchedFilesChanged -= watcher.Watch;
        _watcher?.Dispose();
        _watcher = null;
    }
}
