using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Daemon.Config;
using Remapper.Daemon.Ipc;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// The daemon's lifetime: locate and load the keymap, start the backend, then watch the keymap, answer SIGHUP and
/// serve the socket. Its StartAsync returns only when all of that is up, so the host's READY=1 to systemd means
/// "the virtual keyboard exists and the first keymap is loaded".
/// </summary>
public sealed class DaemonService(
    DaemonOptions options,
    BackendFactory backendFactory,
    ILoggerFactory loggers,
    ISystemdNotify notifier) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Remapper.Daemon");
    private KeymapWatcher? _watcher;
    private PosixSignalRegistration? _sighup;
    private IpcServer? _server;
    private BackendStatus? _lastStatus;

    public KeymapReloader? Reloader { get; private set; }

    public IRemapBackend? Backend { get; private set; }

    public string? SocketPath => _server?.Path;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bool system = options.IsSystemService;
        var socketPath = SocketLocator.ForDaemon(options.SocketPath, system);
        IpcServer.ThrowIfAnotherDaemonListens(socketPath);
        var locator = KeymapLocator.ForThisProcess();
        var location = locator.Locate(options.ConfigPath, system);
        _logger.LogInformation("Keymap: {KeymapPath} ({KeymapReason})", location.Path ?? "none", location.Reason);
        if (location.FileToCreate is { } create)
            _logger.LogInformation("Create {KeymapFile} (`remapper init` writes a starter) to use your own keymap; it is picked up as soon as it exists", create);

        var reloader = new KeymapReloader(location, loggers.CreateLogger("Remapper.Keymap"),
            locate: () => locator.Locate(options.ConfigPath, system));
        Reloader = reloader;
        var keymap = reloader.LoadInitial();

        var backend = await backendFactory(keymap, loggers, cancellationToken);
        Backend = backend;
        reloader.Attach(backend);
        backend.StatusChanged += LogStatusChanges;
        LogStatusChanges(backend.Status);
        reloader.StatusChanged += status => notifier.Notify($"STATUS={Summary(status)}");

        _watcher = new KeymapWatcher(() => reloader.Reload(ReloadTrigger.FileChange), loggers.CreateLogger("Remapper.Keymap"));
        _watcher.Watch(reloader.WatchedFiles);
        reloader.WatchedFilesChanged += _watcher.Watch;

        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true; // SIGHUP means reload, not exit
            _logger.LogInformation("SIGHUP: reloading the keymap");
            _ = Task.Run(() => reloader.Reload(ReloadTrigger.Signal));
        });

        uint? group = system ? Native.GroupId("remapper") : null;
        var info = DaemonInfo.ForThisProcess(socketPath, system);
        var server = new IpcServer(socketPath, new DaemonCommands(info, reloader, backend),
            new IpcAccessPolicy(Native.geteuid(), group), loggers.CreateLogger("Remapper.Ipc"));
        try
        {
            server.Start(group);
            _server = server;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            // The socket is for status and control; remapping goes on without it.
            await server.DisposeAsync();
            _logger.LogError("Control socket {Socket} not available ({Error}); remapping continues, but `remapper status` " +
                "and friends cannot reach this daemon. Fix: set XDG_RUNTIME_DIR, or pass --socket PATH", socketPath, e.Message);
        }

        // Microsoft.Extensions.Hosting.Systemd sends READY=1 too once every hosted service started; saying it here
        // ties it visibly to "backend up and first keymap loaded" (a second READY=1 is harmless).
        notifier.Notify($"READY=1\nSTATUS={Summary(reloader.Status)}");
        _logger.LogInformation("Remapper {Version} running ({Mode}); `remapper status` shows what it does",
            info.Version, system ? "system service" : "user");
    }

    private static string Summary(KeymapStatus status) =>
        status.Valid ? $"running {status.Location.Path}"
        : status.Diagnostics.FirstOrDefault(d => d.IsError) is { } error ? $"keymap error: {error}"
        : status.Location.Reason;

    /// <summary>Logs each keyboard's and the output's state changes once, with what to do about them.</summary>
    private void LogStatusChanges(BackendStatus status)
    {
        var previous = Interlocked.Exchange(ref _lastStatus, status);
        if (previous?.Output != status.Output)
        {
            if (status.Output.State == OutputDeviceState.Ready)
                _logger.LogInformation("Virtual keyboard: {OutputKind} ({OutputDetail})", status.Output.Kind, status.Output.Detail);
            else
                _logger.LogError("No virtual keyboard, so nothing is remapped yet (Remapper keeps trying): {OutputDetail}", status.Output.Detail);
        }
        if (previous?.Note != status.Note && status.Note is not null)
            _logger.LogError("Input devices: {Note}", status.Note);
        if (previous is not null && previous.Paused != status.Paused)
        {
            if (status.Paused)
                _logger.LogWarning("Remapping paused: keys pass through unchanged (`remapper resume`, or left control + space + escape, resumes it)");
            else
                _logger.LogInformation("Remapping resumed");
        }
        var before = previous?.Keyboards.ToDictionary(k => k.Id) ?? [];
        foreach (var keyboard in status.Keyboards)
        {
            if (before.TryGetValue(keyboard.Id, out var old) && old.State == keyboard.State) continue;
            if (keyboard.State is KeyboardState.AccessDenied or KeyboardState.Busy or KeyboardState.Failed)
                _logger.LogWarning("Keyboard {DeviceName} ({DeviceId}): {DeviceState}: {Cause}; fix: {Fix}",
                    keyboard.Name, keyboard.Id, InWords(keyboard.State), keyboard.Cause ?? "unknown", keyboard.Fix ?? "none known");
            else
                _logger.LogInformation("Keyboard {DeviceName} ({DeviceId}): {DeviceState}", keyboard.Name, keyboard.Id, InWords(keyboard.State));
        }
    }

    /// <summary>A keyboard's state as a sentence fragment for the log, not an enum name.</summary>
    internal static string InWords(KeyboardState state) => state switch
    {
        KeyboardState.Seized => "seized, remapping it",
        KeyboardState.Pending => "waiting for its keys to be released before seizing it",
        KeyboardState.Available => "available, not seized",
        KeyboardState.Ignored => "left alone (the keymap ignores it, or it is our own virtual keyboard)",
        KeyboardState.AccessDenied => "access denied",
        KeyboardState.Busy => "busy, another program holds it",
        KeyboardState.Gone => "unplugged",
        KeyboardState.Failed => "failed",
        _ => state.ToString(),
    };

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        notifier.Notify("STOPPING=1");
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _sighup?.Dispose();
        _sighup = null;
        _watcher?.Dispose();
        _watcher = null;
        if (_server is not null) await _server.DisposeAsync();
        _server = null;
        switch (Backend)
        {
            case IAsyncDisposable a:
                await a.DisposeAsync();
                break;
            case IDisposable d:
                d.Dispose();
                break;
        }
        Backend = null;
    }
}
