using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Daemon.Config;
using Remapper.Daemon.Ipc;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// Loads the first keymap and starts the platform backend; the first hosted service, so the others (watcher, SIGHUP,
/// socket) start only once it is up, and the host's READY=1 to systemd means "the virtual keyboard exists and the first
/// keymap is loaded". A backend whose loop dies stops the host (the exit code says so) instead of lingering.
/// </summary>
public sealed class BackendService(
    DaemonOptions options,
    DaemonInfo info,
    KeymapReloader reloader,
    BackendFactory backendFactory,
    ILoggerFactory loggers,
    ISystemdNotifier notifier,
    IHostApplicationLifetime lifetime) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Remapper.Daemon");
    private BackendStatus? _lastStatus;

    /// <summary>The running backend; null until it started and after it was disposed.</summary>
    public IRemapBackend? Backend { get; private set; }

    /// <summary>Why the backend's loop died on its own, which stopped the daemon; null otherwise.</summary>
    public Exception? Failure { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before touching any keyboard: a second `remapper run` must stop here.
        IpcServer.ThrowIfAnotherDaemonListens(info.SocketPath);
        var location = reloader.Status.Location;
        _logger.LogInformation("Keymap: {KeymapPath} ({KeymapReason})", location.Path ?? "none", location.Reason);
        if (location.FileToCreate is { } create)
            _logger.LogInformation("Create {KeymapFile} (`remapper init` writes a starter) to use your own keymap; it is picked up as soon as it exists", create);
        var keymap = reloader.LoadInitial();

        var backend = await backendFactory(keymap, loggers, cancellationToken);
        Backend = backend;
        reloader.Attach(backend);
        backend.StatusChanged += LogStatusChanges;
        backend.Failed += OnFailed;
        LogStatusChanges(backend.Status);
        reloader.StatusChanged += status => notifier.Notify(new ServiceState($"STATUS={Summary(status)}"));
        notifier.Notify(new ServiceState($"STATUS={Summary(reloader.Status)}"));
        lifetime.ApplicationStarted.Register(() => _logger.LogInformation(
            "Remapper {Version} running ({Mode}); `remapper status` shows what it does", info.Version, options.IsSystemService ? "system service" : "user"));
    }

    private void OnFailed(Exception failure)
    {
        Failure = failure;
        // The loop logged why and already let go of the keyboards; a daemon that cannot remap must not linger.
        _logger.LogCritical("The event loop stopped unexpectedly ({Error}); stopping the daemon", failure.Message);
        lifetime.StopApplication();
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
            if (!status.Output.IsProblem())
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
        var before = previous?.Keyboards.ToDictionary(k => k.Identity.Id) ?? [];
        foreach (var keyboard in status.Keyboards)
        {
            if (before.TryGetValue(keyboard.Identity.Id, out var old) && old.State == keyboard.State) continue;
            if (keyboard.State.IsProblem())
                _logger.LogWarning("Keyboard {DeviceName} ({DeviceId}): {DeviceState}: {Cause}; fix: {Fix}",
                    keyboard.Identity.Name, keyboard.Identity.Id, InWords(keyboard.State), keyboard.Cause ?? "unknown", keyboard.Fix ?? "none known");
            else
                _logger.LogInformation("Keyboard {DeviceName} ({DeviceId}): {DeviceState}", keyboard.Identity.Name, keyboard.Identity.Id, InWords(keyboard.State));
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

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var backend = Backend;
        Backend = null;
        if (backend is not null) backend.Failed -= OnFailed; // letting go of it on purpose is not a failure
        switch (backend)
        {
            case IAsyncDisposable a:
                await a.DisposeAsync();
                break;
            case IDisposable d:
                d.Dispose();
                break;
        }
    }
}
