using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Daemon.Config;
using Remapper.Ipc;
using Serilog;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// Builds and runs the daemon on the generic host. Every part is a registered service: the keymap location and
/// reloader, the backend (<see cref="BackendService"/>, first, so READY=1 means it is up), the reload triggers (file
/// watch, SIGHUP), the control socket and the loop watchdog. Systemd integration is Microsoft.Extensions.Hosting.Systemd's:
/// its lifetime sends READY=1 once every service started and STOPPING=1 on shutdown; the daemon adds STATUS= lines and
/// watchdog pings through the same notifier. <c>remapper run</c> calls <see cref="RunAsync"/> with the platform's
/// <see cref="BackendFactory"/>.
/// </summary>
public static class RemapperDaemon
{
    /// <param name="notifier">Tests: the systemd notifier to use, with systemd's lifetime as if started by systemd.</param>
    public static IHost Build(DaemonOptions options, BackendFactory backendFactory, ISystemdNotifier? notifier = null,
        WatchdogSettings? watchdog = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "remapper" });
        var services = builder.Services;
        services.AddSerilog(DaemonLogging.Create(options), dispose: true);
        if (notifier is null)
        {
            services.AddSystemd(); // under systemd: its lifetime (READY=1, STOPPING=1) and notifier; otherwise nothing
            services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>(); // not under systemd: it has no socket and sends nothing
        }
        else
        {
            services.AddSingleton(notifier);
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        services.AddSingleton(watchdog ?? WatchdogSettings.FromEnvironment());
        services.AddSingleton(options);
        services.AddSingleton(backendFactory);
        services.AddSingleton(_ => DaemonInfo.ForThisProcess(SocketLocator.ForDaemon(options.SocketPath, options.IsSystemService),
            options.IsSystemService));
        services.AddSingleton(_ => KeymapLocator.ForThisProcess());
        services.AddSingleton(sp => sp.GetRequiredService<KeymapLocator>().Locate(options.ConfigPath, options.IsSystemService));
        // The locator is asked again before every reload, so a user keymap created while the shipped default runs takes over.
        services.AddSingleton(sp => new KeymapReloader(sp.GetRequiredService<KeymapLocation>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Remapper.Keymap"),
            locate: () => sp.GetRequiredService<KeymapLocator>().Locate(options.ConfigPath, options.IsSystemService)));

        // Started in this order, stopped in the reverse: the socket closes before the backend lets go of the keyboards.
        services.AddSingleton<BackendService>();
        services.AddHostedService(sp => sp.GetRequiredService<BackendService>());
        services.AddHostedService<ReloadTriggers>();
        services.AddSingleton<ControlSocketService>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlSocketService>());
        services.AddHostedService(sp => new LoopWatchdog(sp.GetRequiredService<ISystemdNotifier>(), sp.GetRequiredService<WatchdogSettings>(),
            () => sp.GetRequiredService<BackendService>().Backend, sp.GetRequiredService<ILogger<LoopWatchdog>>()));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return builder.Build();
    }

    /// <summary><c>remapper run: internal error: Type: message</c>, on one line whatever the message holds.</summary>
    internal static string InternalErrorLine(Exception e) =>
        $"remapper run: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";

    /// <summary>Runs until SIGTERM/SIGINT (or <paramref name="cancellation"/>); returns the process exit code.</summary>
    /// <param name="error">Where the one-line failure goes (default: stderr).</param>
    public static async Task<int> RunAsync(DaemonOptions options, BackendFactory backendFactory, CancellationToken cancellation = default,
        TextWriter? error = null)
    {
        error ??= Console.Error;
        IHost host;
        try
        {
            host = Build(options, backendFactory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"remapper run: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        using (host)
        {
            // Resolved before running: RunAsync disposes the host, and its services with it, when it ends.
            var backend = host.Services.GetRequiredService<BackendService>();
            try
            {
                await host.RunAsync(cancellation);
                if (backend.Failure is { } failure)
                {
                    await error.WriteLineAsync($"remapper run: the event loop stopped: {failure.Message.ReplaceLineEndings(" ")}");
                    return ExitCodes.InternalError;
                }
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                // Startup failures users can act on (socket in use, no permission, no output device): one line.
                await error.WriteLineAsync($"remapper run: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug: one line to paste into an issue (what failed, and where), never a stack trace; 70 as for
                // every command, because 3 means "no daemon running".
                await error.WriteLineAsync(InternalErrorLine(e));
                return ExitCodes.InternalError;
            }
        }
    }
}
